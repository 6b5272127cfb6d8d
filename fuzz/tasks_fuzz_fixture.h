// The world tasks_rpc_fuzz runs each input in: an in-memory store seeded
// with schools a and b (plan kh-2026, task t1 with one progress update
// each) and directives of authorities q1 (to a) and q2 (to b), a fixed
// clock (15 June 2026), the four callers scoped to school a, and the
// snapshots and tenant checks the target's properties compare.
#ifndef PARHUB_FUZZ_TASKS_FUZZ_FIXTURE_H_
#define PARHUB_FUZZ_TASKS_FUZZ_FIXTURE_H_

#include <google/protobuf/message.h>

#include <cstdint>
#include <string>

#include "platform/core/caller.h"
#include "services/tasks/domain/model.h"
#include "services/tasks/tests/in_memory_task_store.h"

namespace parhub::tasks::fuzzing {

// 0 school a's admin, 1 a's staff, 2 an officer of q1 scoped to a, 3 the
// service role scoped to a (selector modulo 4).
platform::Caller CallerFor(uint8_t selector);
Clock FixedClock();
// A copy of the seeded store (made once).
testing::InMemoryTaskStore SeededStore();

// Everything the store holds for schools a and b and authorities q1, q2,
// as proto bytes.
std::string Snapshot(TaskStore& store);
// What the caller must never change: school b and authority q2.
std::string OthersSnapshot(TaskStore& store);
// No plan or task of a school but a and b exists.
bool OnlyKnownSchools(testing::InMemoryTaskStore& store);
// Every resource name in `response` is school a's, authority q1's or an
// account of school a / the caller.
bool NamesCallersTenant(const google::protobuf::Message& response, const platform::Caller& caller);

}  // namespace parhub::tasks::fuzzing

#endif  // PARHUB_FUZZ_TASKS_FUZZ_FIXTURE_H_
