// Legal deadlines (services/complaints/domain/deadline_rules.h) over the
// real policy sets and holiday calendars the complaints service embeds:
// for any case type, round, complexity and dates in 2023–2028, Compute
// either answers or refuses (a date the data does not cover is
// FAILED_PRECONDITION, never a guess); an answer names its policy, and no
// due date comes before the day the case was received.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "services/complaints/rpc/refdata.h"

namespace {

using ::parhub::complaints::CaseClock;
using ::parhub::complaints::CaseType;
using ::parhub::complaints::Complexity;
using ::parhub::complaints::Date;

const parhub::complaints::DeadlineRules& Rules() {
  static const auto* rules = [] {
    auto loaded = parhub::complaints::LoadEmbeddedRules();
    FUZZ_CHECK(loaded.ok() && loaded->rules.has_value());
    return new parhub::complaints::DeadlineRules(*std::move(loaded->rules));
  }();
  return *rules;
}

Date DateOf(const uint8_t* b) { return Date{2023 + b[0] % 6, 1 + b[1] % 12, 1 + b[2] % 31}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 14) return 0;
  CaseClock clock;
  clock.case_type = static_cast<CaseType>(data[0] % 7);
  clock.complaint_round = data[1] % 4;
  clock.complexity = static_cast<Complexity>(data[2] % 4);
  clock.procedure_time_limit_days = data[3] % 64;
  clock.received_date = DateOf(data + 4);
  if (data[7] & 1) clock.accepted_date = DateOf(data + 8);
  if (data[7] & 2) clock.decision_date = DateOf(data + 11);
  auto deadlines = Rules().Compute(clock, "case");
  if (!deadlines.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(deadlines.status()) ||
               absl::IsFailedPrecondition(deadlines.status()) || absl::IsNotFound(deadlines.status()));
    return 0;
  }
  FUZZ_CHECK(deadlines->applied.policy != nullptr && deadlines->applied.set != nullptr);
  FUZZ_CHECK(!deadlines->applied.Reference().empty());
  FUZZ_CHECK(deadlines->resolution_due_date.IsSet());
  FUZZ_CHECK(deadlines->resolution_due_date >= clock.received_date);
  if (deadlines->acceptance_due_date.IsSet())
    FUZZ_CHECK(deadlines->acceptance_due_date >= clock.received_date);
  return 0;
}
