// Which schools a roll-up covers: the authority an officer names ("" = the
// officer's own; it must be theirs or one below it, else NOT_FOUND), its
// display name, and the schools under it on a day, from the directory's
// membership history (so a district abolished since still has its schools
// on a day before its abolition). Shared by every authority roll-up.
//
// School lists are kept per authority and day with the directory's tree
// version (GetTreeVersion) they were listed under: a roll-up asks for the
// version (one small call) and lists again only when the tree changed, so
// a city's 3,500 schools are not listed for every overview while a school
// created or moved a moment ago still shows at once. A directory that does
// not answer the version (an older one) is listed every time.
#ifndef PARHUB_GATEWAY_SCHOOL_SCOPE_H_
#define PARHUB_GATEWAY_SCHOOL_SCOPE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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
  // One authority's schools on one day, as listed under a tree version.
  struct KeptList {
    int64_t version = 0;
    std::shared_ptr<const std::vector<directory::v1::School>> schools;
  };
  static constexpr size_t kMaxKeptLists = 64;

  // The directory's tree version; nullopt when it does not answer it.
  std::optional<int64_t> TreeVersion(const platform::Caller& caller, absl::Time deadline);
  // Every page of the directory's listing (as_of unset: the directory's today).
  absl::StatusOr<std::vector<directory::v1::School>> ListSchools(const platform::Caller& caller,
                                                                 const std::string& authority_id,
                                                                 platform::Date as_of, absl::Time deadline);

  absl::Mutex mu_;
  std::map<std::pair<std::string, platform::Date>, KeptList> kept_ ABSL_GUARDED_BY(mu_);
  const Backend& directory_backend_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
  const platform::IdentityKey& key_;
};

// "schools/{school}" → "{school}".
std::string SchoolId(const std::string& school_name);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_SCHOOL_SCOPE_H_
