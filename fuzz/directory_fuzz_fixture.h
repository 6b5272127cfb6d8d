// The directory world of directory_rpc_fuzz and api_key_fuzz: an
// in-memory store seeded through the domain with
//
//   hcm ─┬─ q1 ── p1      schools: a (q1), a2 (p1), b (q3)
//        └─ q3            accounts: admin (hcm), officer-q1, admin-a,
//                         staff-a, officer-q3, admin-b
//
// and API keys with known secrets (SeededKeys()): admin-a/k1, staff-a/k1,
// officer-q1/k1, admin-b/k1, staff-a/k2 (revoked), and last the bootstrap
// key of the root officer "admin" (its id is random). The clock is fixed
// (15 June 2026).
#ifndef PARHUB_FUZZ_DIRECTORY_FUZZ_FIXTURE_H_
#define PARHUB_FUZZ_DIRECTORY_FUZZ_FIXTURE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "services/directory/tests/in_memory_directory_store.h"

namespace parhub::directory::fuzzing {

struct SeededKey final {
  std::string account_id;
  std::string key_id;  // "" for the bootstrap key
  std::string secret;
  bool revoked = false;
};

// The seeded keys, in a fixed order.
const std::vector<SeededKey>& SeededKeys();

std::function<absl::Time()> FixedClock();
// A copy of the seeded store (made once).
testing::InMemoryDirectoryStore SeededStore();

// 0 admin-a, 1 staff-a, 2 officer-q1, 3 the gateway's service identity
// (selector modulo 4).
platform::Caller CallerFor(uint8_t selector);

// Everything the store holds, as bytes (ids, names, memberships, accounts,
// keys with their hashes).
std::string Snapshot(testing::InMemoryDirectoryStore& store);
// What callers other than the service role must never change: school b,
// its memberships, the accounts admin-b and officer-q3 and their keys, and
// which accounts belong to b and q3.
std::string OthersSnapshot(testing::InMemoryDirectoryStore& store);

}  // namespace parhub::directory::fuzzing

#endif  // PARHUB_FUZZ_DIRECTORY_FUZZ_FIXTURE_H_
