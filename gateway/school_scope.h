// Which schools a roll-up covers: the authority an officer names ("" = the
// officer's own; it must be theirs or one below it, else NOT_FOUND), its
// display name, and the schools under it on a day, from the directory's
// membership history (so a district abolished since still has its schools
// on a day before its abolition). Shared by every authority roll-up.
#ifndef PARHUB_GATEWAY_SCHOOL_SCOPE_H_
#define PARHUB_GATEWAY_SCHOOL_SCOPE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/backends.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

class SchoolScope final {
 public:
  SchoolScope(const Backends& backends, const platform::IdentityKey& key);

  // The authority named by `name` ("" = the officer's own), checked in
  // scope; PERMISSION_DENIED for anyone but an authority officer.
  absl::StatusOr<std::string> ScopedAuthority(const Principal& principal, const std::string& name,
                                              const char* field) const;
  // A directory failure as the officer may see it.
  absl::Status FromDirectory(const grpc::Status& status) const;
  absl::StatusOr<std::string> AuthorityDisplayName(const platform::Caller& caller,
                                                   const std::string& authority_id, absl::Time deadline);
  // The schools under the authority on `as_of` (unset: today), each with
  // its authority on that day.
  absl::StatusOr<std::vector<directory::v1::School>> SchoolsUnder(const platform::Caller& caller,
                                                                  const std::string& authority_id,
                                                                  platform::Date as_of, absl::Time deadline);
  struct SchoolThen {
    directory::v1::School school;  // authority: the one on as_of ("" if none)
    bool joined_since = false;     // under the authority today, not on as_of
  };
  // The schools under the authority on `as_of`, then those under it today
  // that were not, with where they were on `as_of`.
  absl::StatusOr<std::vector<SchoolThen>> SchoolsAsOf(const platform::Caller& caller,
                                                      const std::string& authority_id, platform::Date as_of,
                                                      absl::Time deadline);

 private:
  const Backend& directory_backend_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
  const platform::IdentityKey& key_;
};

// "schools/{school}" → "{school}".
std::string SchoolId(const std::string& school_name);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_SCHOOL_SCOPE_H_
