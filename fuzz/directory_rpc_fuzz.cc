// The directory's requests (parhub.directory.v1, every RPC) run as its RPC
// adapter runs them: name parsing, proto → domain conversion, the May…
// access check the adapter makes before the ledger, then Directory over
// the in-memory store, domain → proto. The caller is fixed by the selector
// byte: school a's admin, a's staff, an officer of q1, or the gateway's
// service identity (directory_fuzz_fixture.h has the seeded tree).
// Properties, for each request of a sequence:
//   - a refusal is a clear one (service_fuzz.h), never INTERNAL or UNKNOWN;
//   - a refused request changes nothing (the domain validates before it
//     writes), and its replay is refused again with the same status;
//   - a read answered twice answers the same and changes nothing
//     (AuthenticateApiKey may stamp a key's last use);
//   - for every caller but the service role: school b, its memberships and
//     accounts, q3's accounts and their keys never change, and no response
//     names school b or an account of b or q3.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/directory_fuzz_fixture.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/service_fuzz.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/directory/domain/directory.h"
#include "services/directory/rpc/convert.h"

namespace parhub::directory {
namespace {

using ::parhub::platform::ParseName;
using Response = std::shared_ptr<google::protobuf::Message>;

constexpr char kAuthorityPattern[] = "authorities/{authority}";
constexpr char kSchoolPattern[] = "schools/{school}";
constexpr char kAccountPattern[] = "accounts/{account}";
constexpr int kOps = 16;
constexpr int kMaxRequests = 8;

template <typename Message>
Response Out(Message message) {
  return std::make_shared<Message>(std::move(message));
}

template <typename Request>
bool Parse(std::string_view bytes, Request& request) {
  return request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

absl::Status Unparsed() { return absl::InvalidArgumentError("the request does not parse"); }

// Whether the RPC may change the store when it succeeds.
bool Changes(int op) {
  return op == 2 || op == 5 || op == 6 || op == 7 || op == 9 || op == 12 || op == 14 || op == 15;
}

absl::StatusOr<Response> Run(Directory& directory, int op, std::string_view bytes, const Caller& caller) {
  switch (op) {
    case 0: {
      v1::GetAuthorityRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.name(), "name"));
      ASSIGN_OR_RETURN(Authority authority, directory.GetAuthority(caller, ids[0]));
      return Out(AuthorityToProto(authority));
    }
    case 1: {
      v1::ListAuthoritiesRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      std::string parent;
      if (!r.parent().empty()) {
        ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.parent(), "parent"));
        parent = ids[0];
      }
      ASSIGN_OR_RETURN(Page<Authority> page,
                       directory.ListAuthorities(caller, parent, r.page_size(), r.page_token()));
      v1::ListAuthoritiesResponse out;
      for (const Authority& a : page.items) *out.add_authorities() = AuthorityToProto(a);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 2: {
      v1::CreateAuthorityRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(Authority draft, AuthorityFromProto(r.authority()));
      RETURN_IF_ERROR(directory.MayCreateAuthority(caller, draft.parent_id));
      ASSIGN_OR_RETURN(Authority created, directory.CreateAuthority(caller, r.authority_id(), draft));
      return Out(AuthorityToProto(created));
    }
    case 3: {
      v1::GetSchoolRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.name(), "name"));
      ASSIGN_OR_RETURN(School school, directory.GetSchool(caller, ids[0]));
      return Out(SchoolToProto(school));
    }
    case 4: {
      v1::ListSchoolsRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.parent(), "parent"));
      ASSIGN_OR_RETURN(Date as_of, platform::DateFromProto(r.as_of(), "as_of"));
      ASSIGN_OR_RETURN(Page<School> page, directory.ListSchools(caller, ids[0], r.query(), as_of,
                                                                r.page_size(), r.page_token()));
      v1::ListSchoolsResponse out;
      for (const School& s : page.items) *out.add_schools() = SchoolToProto(s);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 5: {
      v1::CreateSchoolRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(School draft, SchoolFromProto(r.school()));
      RETURN_IF_ERROR(platform::ValidateId(r.school_id(), "school_id"));
      RETURN_IF_ERROR(directory.MayCreateSchool(caller, draft.authority_id));
      ASSIGN_OR_RETURN(School created, directory.CreateSchool(caller, r.school_id(), draft));
      return Out(SchoolToProto(created));
    }
    case 6: {
      v1::UpdateSchoolRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.school().name(), "school.name"));
      ASSIGN_OR_RETURN(School changes, SchoolFromProto(r.school()));
      RETURN_IF_ERROR(directory.MayEditSchool(caller, ids[0]));
      std::set<std::string> fields(r.update_mask().paths().begin(), r.update_mask().paths().end());
      ASSIGN_OR_RETURN(School updated, directory.UpdateSchool(caller, changes, fields));
      return Out(SchoolToProto(updated));
    }
    case 7: {
      v1::MoveSchoolRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.name(), "name"));
      ASSIGN_OR_RETURN(auto target, ParseName(kAuthorityPattern, r.authority(), "authority"));
      ASSIGN_OR_RETURN(Date effective, platform::DateFromProto(r.effective_date(), "effective_date"));
      RETURN_IF_ERROR(directory.MayMoveSchool(caller, ids[0], target[0]));
      ASSIGN_OR_RETURN(School moved, directory.MoveSchool(caller, ids[0], target[0], effective, r.reason()));
      return Out(SchoolToProto(moved));
    }
    case 8: {
      v1::ListSchoolMembershipsRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.name(), "name"));
      ASSIGN_OR_RETURN(std::vector<Membership> history, directory.ListMemberships(caller, ids[0]));
      v1::ListSchoolMembershipsResponse out;
      for (const Membership& m : history) *out.add_memberships() = MembershipToProto(m);
      return Out(out);
    }
    case 9: {
      v1::CreateAccountRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(Account draft, AccountFromProto(r.account()));
      RETURN_IF_ERROR(directory.MayCreateAccount(caller, draft));
      ASSIGN_OR_RETURN(Account created, directory.CreateAccount(caller, r.account_id(), draft));
      return Out(AccountToProto(created));
    }
    case 10: {
      v1::GetAccountRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, r.name(), "name"));
      ASSIGN_OR_RETURN(Account account, directory.GetAccount(caller, ids[0]));
      return Out(AccountToProto(account));
    }
    case 11: {
      v1::ListAccountsRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      std::string school, authority;
      if (r.parent().rfind("schools/", 0) == 0) {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.parent(), "parent"));
        school = ids[0];
      } else {
        ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.parent(), "parent"));
        authority = ids[0];
      }
      ASSIGN_OR_RETURN(Page<Account> page,
                       directory.ListAccounts(caller, school, authority, r.page_size(), r.page_token()));
      v1::ListAccountsResponse out;
      for (const Account& a : page.items) *out.add_accounts() = AccountToProto(a);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 12: {
      v1::CreateApiKeyRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(directory.MayManageAccount(caller, ids[0], "parent"));
      ASSIGN_OR_RETURN(IssuedApiKey issued, directory.CreateApiKey(caller, ids[0], r.display_name()));
      FUZZ_CHECK(issued.secret.rfind("phk_", 0) == 0 && issued.key.account_id == ids[0]);
      v1::CreateApiKeyResponse out;
      *out.mutable_api_key() = ApiKeyToProto(issued.key);
      out.set_secret(issued.secret);
      return Out(out);
    }
    case 13: {
      v1::ListApiKeysRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, r.parent(), "parent"));
      ASSIGN_OR_RETURN(std::vector<ApiKey> keys, directory.ListApiKeys(caller, ids[0]));
      v1::ListApiKeysResponse out;
      for (const ApiKey& k : keys) *out.add_api_keys() = ApiKeyToProto(k);
      return Out(out);
    }
    case 14: {
      v1::RevokeApiKeyRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName("accounts/{account}/apiKeys/{key}", r.name(), "name"));
      RETURN_IF_ERROR(directory.MayManageAccount(caller, ids[0]));
      ASSIGN_OR_RETURN(ApiKey revoked, directory.RevokeApiKey(caller, ids[0], ids[1]));
      return Out(ApiKeyToProto(revoked));
    }
    default: {
      v1::AuthenticateApiKeyRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(Principal p, directory.Authenticate(caller, r.secret()));
      v1::AuthenticateApiKeyResponse out;
      *out.mutable_account() = AccountToProto(p.account);
      out.set_api_key("accounts/" + p.account.id + "/apiKeys/" + p.key_id);
      for (const auto& id : p.authority_ids) out.add_scope_authority_ids(id);
      for (const auto& id : p.school_ids) out.add_scope_school_ids(id);
      return Out(out);
    }
  }
}

// Valid requests of each RPC, and some reaching for school b or q3.
std::vector<std::string> Seeds() {
  using fuzz::Record;
  v1::CreateSchoolRequest create_school;
  create_school.set_school_id("a3");
  create_school.mutable_school()->set_code("TH3");
  create_school.mutable_school()->set_display_name("Trường Tiểu học Số 3");
  create_school.mutable_school()->set_level(v1::SCHOOL_LEVEL_PRIMARY);
  create_school.mutable_school()->set_address("12 Lê Duẩn");
  create_school.mutable_school()->set_authority("authorities/p1");
  create_school.set_request_id("r1");
  v1::CreateAuthorityRequest create_authority;
  create_authority.set_authority_id("p2");
  create_authority.mutable_authority()->set_code("P2");
  create_authority.mutable_authority()->set_display_name("UBND Phường Đa Kao");
  create_authority.mutable_authority()->set_parent("authorities/q1");
  create_authority.mutable_authority()->set_kind("ward");
  *create_authority.mutable_authority()->mutable_valid_from() = platform::DateToProto(Date{2025, 7, 1});
  create_authority.set_request_id("r2");
  v1::UpdateSchoolRequest update_school;
  update_school.mutable_school()->set_name("schools/a");
  update_school.mutable_school()->set_display_name("Trường Mầm non 20 tháng 10");
  update_school.mutable_update_mask()->add_paths("display_name");
  update_school.set_request_id("r3");
  v1::MoveSchoolRequest move;
  move.set_name("schools/a");
  move.set_authority("authorities/p1");
  *move.mutable_effective_date() = platform::DateToProto(Date{2026, 7, 1});
  move.set_reason("Sắp xếp đơn vị hành chính");
  move.set_request_id("r4");
  v1::CreateAccountRequest create_account;
  create_account.set_account_id("teacher-a");
  create_account.mutable_account()->set_display_name("Trần Văn Minh");
  create_account.mutable_account()->set_email("minh@example.edu.vn");
  create_account.mutable_account()->set_role(common::v1::ROLE_SCHOOL_STAFF);
  create_account.mutable_account()->set_school("schools/a");
  create_account.set_request_id("r5");
  v1::CreateApiKeyRequest create_key;
  create_key.set_parent("accounts/staff-a");
  create_key.set_display_name("laptop");
  create_key.set_request_id("r6");
  v1::RevokeApiKeyRequest revoke;
  revoke.set_name("accounts/staff-a/apiKeys/k1");
  revoke.set_request_id("r7");
  v1::RevokeApiKeyRequest revoke_b;
  revoke_b.set_name("accounts/admin-b/apiKeys/k1");
  revoke_b.set_request_id("r8");
  v1::ListSchoolsRequest list_schools;
  list_schools.set_parent("authorities/q1");
  list_schools.set_query("mam non");
  list_schools.set_page_size(1);
  v1::ListAccountsRequest list_accounts;
  list_accounts.set_parent("schools/a");
  v1::GetSchoolRequest get_b;
  get_b.set_name("schools/b");
  v1::ListSchoolMembershipsRequest memberships;
  memberships.set_name("schools/a");
  v1::ListAuthoritiesRequest list_authorities;
  list_authorities.set_parent("authorities/hcm");
  v1::GetAccountRequest get_account;
  get_account.set_name("accounts/admin-b");
  v1::ListApiKeysRequest list_keys;
  list_keys.set_parent("accounts/staff-a");
  v1::AuthenticateApiKeyRequest authenticate;
  authenticate.set_secret(fuzzing::SeededKeys()[2].secret);
  v1::GetAuthorityRequest get_authority;
  get_authority.set_name("authorities/q3");
  const std::string admin(1, '\0'), staff(1, '\1'), officer(1, '\2'), service(1, '\3');
  return {
      admin + Record(6, update_school) + Record(9, create_account) + Record(11, list_accounts),
      admin + Record(12, create_key) + Record(14, revoke) + Record(13, list_keys),
      staff + Record(12, create_key) + Record(14, revoke_b) + Record(3, get_b),
      officer + Record(5, create_school) + Record(2, create_authority) + Record(4, list_schools),
      officer + Record(7, move) + Record(8, memberships) + Record(10, get_account),
      service + Record(15, authenticate) + Record(1, list_authorities) + Record(0, get_authority),
  };
}

}  // namespace
}  // namespace parhub::directory

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::directory::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace dir = parhub::directory;
  namespace df = parhub::directory::fuzzing;
  parhub::fuzz::RecordReader reader(data, size);
  const parhub::platform::Caller caller = df::CallerFor(reader.Selector());
  const bool tenant = caller.role != parhub::platform::Role::kService;
  dir::testing::InMemoryDirectoryStore store = df::SeededStore();
  dir::Directory directory(store, df::FixedClock());
  const std::string others = df::OthersSnapshot(store);
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < dir::kMaxRequests && reader.Next(op, payload); ++n) {
    const int rpc = op % dir::kOps;
    const std::string before = df::Snapshot(store);
    auto got = dir::Run(directory, rpc, payload, caller);
    parhub::fuzz::Trace(rpc, got.status());
    const std::string after = df::Snapshot(store);
    if (!got.ok()) {
      FUZZ_CHECK(parhub::fuzz::IsClearRefusal(got.status()));
      FUZZ_CHECK(before == after);
      auto again = dir::Run(directory, rpc, payload, caller);
      FUZZ_CHECK(again.status() == got.status());
      FUZZ_CHECK(df::Snapshot(store) == before);
    } else if (!dir::Changes(rpc)) {
      FUZZ_CHECK(before == after);
      auto again = dir::Run(directory, rpc, payload, caller);
      FUZZ_CHECK(again.ok() && (*again)->SerializeAsString() == (*got)->SerializeAsString());
    }
    if (tenant) {
      FUZZ_CHECK(df::OthersSnapshot(store) == others);
      if (got.ok()) {
        FUZZ_CHECK(parhub::fuzz::NamesNone(**got, {"schools/b", "accounts/admin-b", "accounts/officer-q3"},
                                           {"name", "school", "api_key"}));
      }
    }
  }
  return 0;
}
