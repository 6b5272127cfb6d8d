// The seeded directory of the directory fuzz targets (directory_fuzz_fixture.h).
#include "fuzz/directory_fuzz_fixture.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "fuzz/fuzz_check.h"
#include "services/directory/domain/directory.h"
#include "services/directory/rpc/convert.h"

namespace parhub::directory::fuzzing {
namespace {

using platform::Caller;
using platform::Role;

constexpr int kAll = 1 << 20;
const Caller kRoot{"accounts/admin", Role::kAuthorityOfficer, "", "hcm", "seed"};

absl::Time Now() { return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 3, 0, 0), absl::UTCTimeZone()); }

void Seed(testing::InMemoryDirectoryStore& store) {
  Directory directory(store, FixedClock());
  const Authority root{"hcm", "HCM", "UBND Thành phố Hồ Chí Minh", "", "city", {2000, 1, 1}, {}};
  FUZZ_CHECK(directory.Bootstrap(root, SeededKeys().back().secret).ok());
  FUZZ_CHECK(directory
                 .CreateAuthority(kRoot, "q1",
                                  Authority{"", "Q1", "UBND Quận 1", "hcm", "district", {2000, 1, 1}, {}})
                 .ok());
  FUZZ_CHECK(directory
                 .CreateAuthority(kRoot, "q3",
                                  Authority{"", "Q3", "UBND Quận 3", "hcm", "district", {2000, 1, 1}, {}})
                 .ok());
  FUZZ_CHECK(directory
                 .CreateAuthority(kRoot, "p1",
                                  Authority{"", "P1", "UBND Phường Bến Nghé", "q1", "ward", {2000, 1, 1}, {}})
                 .ok());
  const struct {
    const char* id;
    const char* name;
    SchoolLevel level;
    const char* authority;
  } schools[] = {{"a", "Trường Mầm non 20/10", SchoolLevel::kKindergarten, "q1"},
                 {"a2", "Trường Tiểu học Bến Nghé", SchoolLevel::kPrimary, "p1"},
                 {"b", "Trường THCS Lê Lợi", SchoolLevel::kLowerSecondary, "q3"}};
  for (const auto& s : schools) {
    FUZZ_CHECK(
        directory.CreateSchool(kRoot, s.id, School{"", "C", s.name, s.level, "Địa chỉ", s.authority, {}})
            .ok());
  }
  const struct {
    const char* id;
    Role role;
    const char* school;
    const char* authority;
  } accounts[] = {{"officer-q1", Role::kAuthorityOfficer, "", "q1"},
                  {"admin-a", Role::kSchoolAdmin, "a", ""},
                  {"staff-a", Role::kSchoolStaff, "a", ""},
                  {"officer-q3", Role::kAuthorityOfficer, "", "q3"},
                  {"admin-b", Role::kSchoolAdmin, "b", ""}};
  for (const auto& a : accounts) {
    FUZZ_CHECK(
        directory
            .CreateAccount(kRoot, a.id, Account{"", "Nguyễn Thị Lan", "", a.role, a.school, a.authority, {}})
            .ok());
  }
  for (const SeededKey& k : SeededKeys()) {
    if (k.key_id.empty()) continue;  // the bootstrap key
    ApiKey key{k.account_id, k.key_id, "fuzz", k.secret.substr(0, 12), Now(), {}, {}};
    FUZZ_CHECK(store.InsertApiKey(key, HashApiKeySecret(k.secret)).ok());
    if (k.revoked) FUZZ_CHECK(store.RevokeApiKey(k.account_id, k.key_id, Now()).ok());
  }
}

void AddAccount(testing::InMemoryDirectoryStore& store, const Account& account, std::string& out) {
  out += AccountToProto(account).SerializeAsString();
  auto keys = store.ListApiKeys(account.id);
  FUZZ_CHECK(keys.ok());
  for (const ApiKey& key : *keys) {
    out += ApiKeyToProto(key).SerializeAsString();
    out += store.secret_hash(account.id, key.key_id).value_or("?");
  }
}

void AddSchool(testing::InMemoryDirectoryStore& store, const std::string& id, std::string& out) {
  auto school = store.FindSchool(id, Date{2026, 6, 15});
  FUZZ_CHECK(school.ok());
  if (*school) out += SchoolToProto(**school).SerializeAsString();
  out += store.search_text(id).value_or("?");
  auto memberships = store.Memberships(id);
  FUZZ_CHECK(memberships.ok());
  for (const Membership& m : *memberships) out += MembershipToProto(m).SerializeAsString();
  auto accounts = store.ListAccounts(id, "", "", kAll);
  FUZZ_CHECK(accounts.ok());
  for (const Account& a : *accounts) AddAccount(store, a, out);
}

}  // namespace

const std::vector<SeededKey>& SeededKeys() {
  static const auto* keys = new std::vector<SeededKey>{
      {"admin-a", "k1", "phk_" + std::string(40, 'a'), false},
      {"staff-a", "k1", "phk_" + std::string(40, 'b'), false},
      {"officer-q1", "k1", "phk_" + std::string(40, 'c'), false},
      {"admin-b", "k1", "phk_" + std::string(40, 'd'), false},
      {"staff-a", "k2", "phk_" + std::string(40, 'e'), true},
      {"admin", "", "phk_" + std::string(40, '0'), false},
  };
  return *keys;
}

std::function<absl::Time()> FixedClock() {
  return [] { return Now(); };
}

testing::InMemoryDirectoryStore SeededStore() {
  static const auto* seeded = [] {
    auto* store = new testing::InMemoryDirectoryStore();
    Seed(*store);
    return store;
  }();
  return *seeded;
}

Caller CallerFor(uint8_t selector) {
  switch (selector % 4) {
    case 0:
      return Caller{"accounts/admin-a", Role::kSchoolAdmin, "a", "", "fuzz"};
    case 1:
      return Caller{"accounts/staff-a", Role::kSchoolStaff, "a", "", "fuzz"};
    case 2:
      return Caller{"accounts/officer-q1", Role::kAuthorityOfficer, "", "q1", "fuzz"};
    default:
      return Caller{"services/gateway", Role::kService, "", "", "fuzz"};
  }
}

std::string Snapshot(testing::InMemoryDirectoryStore& store) {
  std::string out;
  auto authorities = store.ListAuthorities("", "", kAll);
  FUZZ_CHECK(authorities.ok());
  std::vector<std::string> ids;
  for (const Authority& a : *authorities) {
    out += AuthorityToProto(a).SerializeAsString();
    ids.push_back(a.id);
    auto accounts = store.ListAccounts("", a.id, "", kAll);
    FUZZ_CHECK(accounts.ok());
    for (const Account& account : *accounts) AddAccount(store, account, out);
  }
  auto schools = store.ListSchools(ids, Date{2026, 6, 15}, "", "", kAll);
  FUZZ_CHECK(schools.ok());
  for (const School& s : *schools) AddSchool(store, s.id, out);
  auto count = store.CountAccounts();
  FUZZ_CHECK(count.ok());
  return absl::StrCat(out, "|", *count);
}

std::string OthersSnapshot(testing::InMemoryDirectoryStore& store) {
  std::string out;
  AddSchool(store, "b", out);
  auto accounts = store.ListAccounts("", "q3", "", kAll);
  FUZZ_CHECK(accounts.ok());
  for (const Account& account : *accounts) AddAccount(store, account, out);
  return out;
}

}  // namespace parhub::directory::fuzzing
