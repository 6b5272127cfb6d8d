// API keys end to end, without the network: the gateway's Authenticator
// (gateway/authenticator.h) resolves an `authorization` header through a
// lookup that runs the directory's Authenticate (the AuthenticateApiKey
// handler's body) over the seeded in-memory directory
// (directory_fuzz_fixture.h: four live keys and a revoked one). The
// selector byte picks the header: the bytes as they are, "Bearer " + the
// bytes, or "Bearer " + a seeded secret edited by the bytes (a byte
// flipped, cut short, lengthened). Properties:
//   - the callback runs exactly once; the answer is a principal or
//     UNAUTHENTICATED, nothing else;
//   - a principal comes back exactly for "Bearer <secret>" of a live
//     seeded key, and is that key's account with its role and scope (the
//     officer of q1: authorities q1, p1 and schools a, a2; the root
//     officer: all four authorities and three schools);
//   - the directory is asked only for a header of the form "Bearer <x>";
//   - asking again answers the same, from the cache when the first answer
//     was a principal;
//   - the directory's own Authenticate refuses a secret without the phk_
//     prefix or over 100 bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fuzz/directory_fuzz_fixture.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/service_fuzz.h"
#include "gateway/authenticator.h"
#include "services/directory/domain/directory.h"
#include "services/directory/rpc/convert.h"

namespace {

namespace dir = parhub::directory;
namespace df = parhub::directory::fuzzing;
using parhub::gateway::Principal;

const parhub::platform::Caller kGateway{"services/gateway", parhub::platform::Role::kService, "", "", "fuzz"};

std::string Header(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size == 0) return "";
  const std::string rest = bytes.substr(1);
  switch (data[0] % 3) {
    case 0:
      return rest;
    case 1:
      return "Bearer " + rest;
    default: {
      const auto& keys = df::SeededKeys();
      std::string secret = keys[data[0] / 3 % keys.size()].secret;
      if (rest.empty()) return "Bearer " + secret;
      const size_t at = static_cast<uint8_t>(rest[0]) % (secret.size() + 1);
      switch (rest.size() % 3) {
        case 0:
          if (at < secret.size()) secret[at] = static_cast<char>(secret[at] ^ (rest.back() | 1));
          break;
        case 1:
          secret.resize(at);
          break;
        default:
          secret += rest.substr(1);
          break;
      }
      return "Bearer " + secret;
    }
  }
}

// The seeded live key whose secret this is, or nullptr.
const df::SeededKey* LiveKey(const std::string& secret) {
  for (const df::SeededKey& key : df::SeededKeys()) {
    if (key.secret == secret && !key.revoked) return &key;
  }
  return nullptr;
}

void CheckPrincipal(const Principal& p, const df::SeededKey& key) {
  FUZZ_CHECK(p.account == "accounts/" + key.account_id);
  if (key.account_id == "admin") {
    FUZZ_CHECK(p.role == parhub::platform::Role::kAuthorityOfficer && p.authority_id == "hcm");
    FUZZ_CHECK(p.authority_ids.size() == 4 && p.school_ids.size() == 3);
  } else if (key.account_id == "officer-q1") {
    FUZZ_CHECK(p.role == parhub::platform::Role::kAuthorityOfficer && p.authority_id == "q1");
    FUZZ_CHECK(p.authority_ids.size() == 2 && p.authority_ids.contains("q1") &&
               p.authority_ids.contains("p1"));
    FUZZ_CHECK(p.school_ids.size() == 2 && p.school_ids.contains("a") && p.school_ids.contains("a2"));
  } else {
    const std::string school = key.account_id == "admin-b" ? "b" : "a";
    FUZZ_CHECK(p.school_id == school && p.authority_ids.empty());
    FUZZ_CHECK(p.school_ids.size() == 1 && p.school_ids.contains(school));
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::vector<std::string> seeds;
  for (size_t i = 0; i < df::SeededKeys().size(); ++i) {
    seeds.push_back(std::string(1, static_cast<char>(2 + 3 * i)));                   // a seeded secret
    seeds.push_back(std::string(1, static_cast<char>(2 + 3 * i)) + "\x05\x01\x02");  // one byte flipped
  }
  seeds.push_back(std::string(1, '\1') + "phk_" + std::string(40, 'f'));
  seeds.push_back(std::string(1, '\0') + "Bearer ");
  seeds.push_back(std::string(1, '\0') + "bearer phk_" + std::string(40, 'a'));
  parhub::fuzz::StartTarget(seeds);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string header = Header(data, size);
  dir::testing::InMemoryDirectoryStore store = df::SeededStore();
  dir::Directory directory(store, df::FixedClock());
  int lookups = 0;
  std::string looked_up;
  parhub::gateway::KeyLookup lookup =
      [&](const std::string& secret, const std::string&, const grpc::ServerContextBase*,
          std::function<void(absl::StatusOr<dir::v1::AuthenticateApiKeyResponse>)> done) {
        ++lookups;
        looked_up = secret;
        auto p = directory.Authenticate(kGateway, secret);
        if (!p.ok()) return done(p.status());
        dir::v1::AuthenticateApiKeyResponse out;
        *out.mutable_account() = dir::AccountToProto(p->account);
        out.set_api_key("accounts/" + p->account.id + "/apiKeys/" + p->key_id);
        for (const auto& id : p->authority_ids) out.add_scope_authority_ids(id);
        for (const auto& id : p->school_ids) out.add_scope_school_ids(id);
        done(std::move(out));
      };
  parhub::gateway::Authenticator authenticator(lookup, absl::Seconds(5), df::FixedClock());

  const bool bearer = header.rfind("Bearer ", 0) == 0 && header.size() > 7;
  const std::string secret = bearer ? header.substr(7) : "";
  const df::SeededKey* key = bearer ? LiveKey(secret) : nullptr;
  std::vector<absl::StatusOr<std::shared_ptr<const Principal>>> answers;
  for (int round = 0; round < 2; ++round) {
    int calls = 0;
    authenticator.Resolve(header, "fuzz", nullptr, [&](absl::StatusOr<std::shared_ptr<const Principal>> got) {
      ++calls;
      answers.push_back(std::move(got));
    });
    FUZZ_CHECK(calls == 1);
  }
  FUZZ_CHECK(lookups == (!bearer ? 0 : key != nullptr ? 1 : 2));
  if (bearer) FUZZ_CHECK(looked_up == secret);
  for (const auto& answer : answers) {
    if (key == nullptr) {
      FUZZ_CHECK(absl::IsUnauthenticated(answer.status()) && !answer.status().message().empty());
    } else {
      FUZZ_CHECK(answer.ok() && *answer != nullptr);
      CheckPrincipal(**answer, *key);
    }
  }
  if (key != nullptr) FUZZ_CHECK(*answers[0] == *answers[1]);  // the cached principal

  // The directory's own check on the raw bytes as a secret.
  const std::string raw(reinterpret_cast<const char*>(data), size);
  auto direct = directory.Authenticate(kGateway, raw);
  FUZZ_CHECK(direct.ok() == (LiveKey(raw) != nullptr));
  if (!direct.ok()) FUZZ_CHECK(absl::IsUnauthenticated(direct.status()));
  if (raw.rfind("phk_", 0) != 0 || raw.size() > 100) FUZZ_CHECK(!direct.ok());
  return 0;
}
