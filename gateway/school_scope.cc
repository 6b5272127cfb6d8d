// The schools of an authority on a day (see school_scope.h).
#include "gateway/school_scope.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gateway/rollup_calls.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/proto_values.h"

namespace parhub::gateway {

SchoolScope::SchoolScope(const Backends& backends, const platform::IdentityKey& key)
    : directory_backend_(backends.Named("directory")),
      directory_(directory::v1::DirectoryService::NewStub(directory_backend_.channel)),
      key_(key) {}

std::string SchoolId(const std::string& school_name) {
  constexpr char kPrefix[] = "schools/";
  return absl::StartsWith(school_name, kPrefix) ? school_name.substr(sizeof(kPrefix) - 1) : school_name;
}

absl::Status SchoolScope::FromDirectory(const grpc::Status& status) const {
  return platform::FromGrpcStatus(ForClient(status, directory_backend_.spec));
}

absl::StatusOr<std::string> SchoolScope::ScopedAuthority(const Principal& principal, const std::string& name,
                                                         const char* field) const {
  if (principal.role != platform::Role::kAuthorityOfficer) {
    return absl::PermissionDeniedError(
        "Chỉ cán bộ cơ quan quản lý dùng được chức năng này (authority officers only)");
  }
  if (name.empty()) return principal.authority_id;
  ASSIGN_OR_RETURN(auto ids, platform::ParseName("authorities/{authority}", name, field));
  if (!principal.authority_ids.contains(ids[0])) {
    return absl::NotFoundError(absl::StrCat("Không tìm thấy ", name, " (not found)"));
  }
  return ids[0];
}

absl::StatusOr<std::string> SchoolScope::AuthorityDisplayName(const platform::Caller& caller,
                                                              const std::string& authority_id,
                                                              absl::Time deadline) {
  grpc::ClientContext context;
  SetDeadline(context, deadline);
  platform::AttachIdentity(context, key_, caller, Method<directory::v1::DirectoryService>("GetAuthority"));
  directory::v1::GetAuthorityRequest get;
  get.set_name(absl::StrCat("authorities/", authority_id));
  directory::v1::Authority authority;
  grpc::Status status =
      Guarded(directory_backend_, [&] { return directory_->GetAuthority(&context, get, &authority); });
  if (!status.ok()) return FromDirectory(status);
  return authority.display_name();
}

std::optional<int64_t> SchoolScope::TreeVersion(const platform::Caller& caller, absl::Time deadline) {
  grpc::ClientContext context;
  SetDeadline(context, deadline);
  platform::AttachIdentity(context, key_, caller, Method<directory::v1::DirectoryService>("GetTreeVersion"));
  directory::v1::TreeVersion version;
  // Under the directory's breaker, so a directory that stopped answering
  // fails this fast too (an older directory's UNIMPLEMENTED counts as
  // alive); a failed version only means listing as before.
  grpc::Status status = Guarded(directory_backend_, [&] {
    return directory_->GetTreeVersion(&context, directory::v1::GetTreeVersionRequest(), &version);
  });
  if (!status.ok()) return std::nullopt;
  return version.version();
}

absl::StatusOr<std::vector<directory::v1::School>> SchoolScope::SchoolsUnder(const platform::Caller& caller,
                                                                             const std::string& authority_id,
                                                                             platform::Date as_of,
                                                                             absl::Time deadline) {
  const platform::Date day = as_of.IsSet() ? as_of : platform::LocalDate(absl::Now());
  const std::pair<std::string, platform::Date> key{authority_id, day};
  const std::optional<int64_t> before = TreeVersion(caller, deadline);
  if (before.has_value()) {
    absl::MutexLock lock(&mu_);
    auto it = kept_.find(key);
    if (it != kept_.end() && it->second.version == *before) return *it->second.schools;
  }
  ASSIGN_OR_RETURN(std::vector<directory::v1::School> schools,
                   ListSchools(caller, authority_id, as_of, deadline));
  // Kept only when the tree did not change while the pages were listed.
  if (before.has_value() && TreeVersion(caller, deadline) == before) {
    absl::MutexLock lock(&mu_);
    if (kept_.size() >= kMaxKeptLists && !kept_.contains(key)) kept_.clear();
    kept_[key] = KeptList{*before, std::make_shared<const std::vector<directory::v1::School>>(schools)};
  }
  return schools;
}

absl::StatusOr<std::vector<directory::v1::School>> SchoolScope::ListSchools(const platform::Caller& caller,
                                                                            const std::string& authority_id,
                                                                            platform::Date as_of,
                                                                            absl::Time deadline) {
  std::vector<directory::v1::School> schools;
  directory::v1::ListSchoolsRequest request;
  request.set_parent(absl::StrCat("authorities/", authority_id));
  request.set_page_size(1000);
  if (as_of.IsSet()) *request.mutable_as_of() = platform::DateToProto(as_of);
  do {
    grpc::ClientContext context;
    SetDeadline(context, deadline);
    platform::AttachIdentity(context, key_, caller, Method<directory::v1::DirectoryService>("ListSchools"));
    directory::v1::ListSchoolsResponse page;
    grpc::Status status =
        Guarded(directory_backend_, [&] { return directory_->ListSchools(&context, request, &page); });
    if (!status.ok()) return FromDirectory(status);
    schools.insert(schools.end(), page.schools().begin(), page.schools().end());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return schools;
}

absl::StatusOr<std::vector<SchoolScope::SchoolThen>> SchoolScope::SchoolsAsOf(const platform::Caller& caller,
                                                                              const std::string& authority_id,
                                                                              platform::Date as_of,
                                                                              absl::Time deadline) {
  const platform::Date today = platform::LocalDate(absl::Now());
  std::vector<SchoolThen> out;
  ASSIGN_OR_RETURN(auto then, SchoolsUnder(caller, authority_id, as_of, deadline));
  for (auto& school : then) out.push_back({std::move(school), false});
  if (as_of == today) return out;
  std::set<std::string> listed;
  for (const SchoolThen& s : out) listed.insert(s.school.name());
  ASSIGN_OR_RETURN(auto now, SchoolsUnder(caller, authority_id, today, deadline));
  for (auto& school : now) {
    if (listed.contains(school.name())) continue;
    // Under the authority today, not on as_of: where was it then? One call
    // per such school (a ward's handful after a reorganisation).
    grpc::ClientContext context;
    SetDeadline(context, deadline);
    platform::AttachIdentity(context, key_, caller,
                             Method<directory::v1::DirectoryService>("ListSchoolMemberships"));
    directory::v1::ListSchoolMembershipsRequest get;
    get.set_name(school.name());
    directory::v1::ListSchoolMembershipsResponse history;
    grpc::Status status = Guarded(directory_backend_,
                                  [&] { return directory_->ListSchoolMemberships(&context, get, &history); });
    if (!status.ok()) return FromDirectory(status);
    school.clear_authority();  // "" when the school did not exist on as_of
    for (const auto& membership : history.memberships()) {
      ASSIGN_OR_RETURN(platform::Date from,
                       platform::DateFromProto(membership.effective_from(), "effective_from"));
      ASSIGN_OR_RETURN(platform::Date until,
                       platform::DateFromProto(membership.effective_until(), "effective_until"));
      if (from <= as_of && (!until.IsSet() || as_of < until)) school.set_authority(membership.authority());
    }
    out.push_back({std::move(school), true});
  }
  return out;
}

}  // namespace parhub::gateway
