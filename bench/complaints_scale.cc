// parhub-complaints-bench: the complaints service's two scale questions,
// answered side by side in one run through the real domain (and, for the
// second, its MySQL store), without gRPC in the way:
//   1. the deadline engine: DeadlineRules::Compute over a mix of case types
//      (feedback, procedure feedback, complaint rounds 1 and 2,
//      denunciations, dossiers of 3–20 procedure days) received over all
//      three policy eras, complexity mixed; and WorkCalendar::PeriodEnd
//      alone for periods of 15 and 60 working days. Single thread, no
//      database.
//   2. a city's desks: --schools schools of --cases_per_school cases each,
//      written straight through MySqlComplaintsStore::InsertCase in
//      transactions of about --batch_cases (cases built as CaseDesk would
//      have left them: deadlines from DeadlineRules, then accepted,
//      assigned, extended, resolved late or early, escalated, withdrawn or
//      left open, each step dated no later than --today); then, for every
//      school, CaseDesk::List with the OVERDUE filter (every page) and
//      ComplaintsSummarizer::Summarize over [--period_start, --period_end],
//      with the desk's clock fixed at --today so runs are reproducible.
// Part 2 uses a fresh database on the server named by PARHUB_TEST_DB_* (as
// the tests do) and drops it at the end; --schools=0 skips it (no server
// needed).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "platform/core/date.h"
#include "platform/core/work_calendar.h"
#include "platform/db/migrations.h"
#include "platform/testing/test_database.h"
#include "services/complaints/domain/case_desk.h"
#include "services/complaints/domain/complaints_summarizer.h"
#include "services/complaints/domain/deadline_rules.h"
#include "services/complaints/domain/tracking.h"
#include "services/complaints/rpc/refdata.h"
#include "services/complaints/store/mysql_complaints_store.h"

ABSL_FLAG(int, deadlines, 100000, "case clocks in the deadline engine's mix (0: skip part 1)");
ABSL_FLAG(int, deadline_rounds, 5, "timed passes over the clocks; the median pass is reported");
ABSL_FLAG(std::string, received_from, "2024-01-01", "first received date of the engine's clocks");
ABSL_FLAG(std::string, received_to, "2027-10-31", "last received date of the engine's clocks");
ABSL_FLAG(int, schools, 3500, "schools of the city (0: skip part 2)");
ABSL_FLAG(int, cases_per_school, 20, "cases written for each school");
ABSL_FLAG(int, batch_cases, 1000, "cases per insert transaction (whole schools per batch)");
ABSL_FLAG(std::string, fixture_from, "2024-01-01", "first received date of the written cases");
ABSL_FLAG(std::string, today, "2026-11-15", "the desk's fixed date: last received date and 'today'");
ABSL_FLAG(std::string, period_start, "2026-07-01", "first day of the summarised quarter");
ABSL_FLAG(std::string, period_end, "2026-09-30", "last day of the summarised quarter");
ABSL_FLAG(int, page_size, 50, "page size of the overdue list (the service's default is 50)");
ABSL_FLAG(int, repeats, 3, "passes over all schools for each of the list and the summary");
ABSL_FLAG(int, seed, 1, "seed of the generated clocks and cases");

namespace {

using namespace parhub;
using namespace parhub::complaints;

double Ms(absl::Duration d) { return absl::ToDoubleMilliseconds(d); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Nearest rank, q in (0, 1], of unsorted `v` (not empty).
double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

// The English gloss that ends the project's messages ("… (no holiday
// calendar for 2028)"), or the whole message.
std::string Gloss(const absl::Status& s) {
  const absl::string_view m = s.message();
  const size_t open = m.rfind(" (");
  if (open == absl::string_view::npos || !absl::EndsWith(m, ")")) return std::string(m);
  return std::string(m.substr(open + 2, m.size() - open - 3));
}

const char* StateLabel(CaseState state) {
  switch (state) {
    case CaseState::kReceived:
      return "received";
    case CaseState::kAccepted:
      return "accepted";
    case CaseState::kInProgress:
      return "in progress";
    case CaseState::kResolved:
      return "resolved";
    case CaseState::kNotAccepted:
      return "not accepted";
    case CaseState::kEscalated:
      return "escalated";
    case CaseState::kWithdrawn:
      return "withdrawn";
    case CaseState::kUnspecified:
      break;
  }
  return "?";
}

bool Check(const absl::Status& s, const std::string& what) {
  if (s.ok()) return true;
  std::cerr << what << ": " << s << "\n";
  return false;
}

class Rng final {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, std::max(lo, hi))(gen_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(gen_) < p; }
  Date DateIn(Date from, Date to) { return platform::AddDays(from, Int(0, platform::DaysBetween(from, to))); }
  template <typename T>
  size_t Weighted(const std::vector<T>& items) {
    std::vector<int> weights;
    for (const T& item : items) weights.push_back(item.weight);
    return std::discrete_distribution<size_t>(weights.begin(), weights.end())(gen_);
  }

 private:
  std::mt19937_64 gen_;
};

// The mix of case types, in the shares a school's desk sees them: mostly
// dossiers and feedback, few complaints and denunciations.
struct Kind final {
  CaseType type;
  int round;
  const char* label;
  int weight;
};
const std::vector<Kind>& Kinds() {
  static const auto* const kKinds = new std::vector<Kind>{
      {CaseType::kFeedback, 0, "feedback", 35},
      {CaseType::kProcedureFeedback, 0, "procedure feedback", 10},
      {CaseType::kComplaint, 1, "complaint, round 1", 12},
      {CaseType::kComplaint, 2, "complaint, round 2", 3},
      {CaseType::kDenunciation, 0, "denunciation", 5},
      {CaseType::kProcedureDossier, 0, "dossier, 3-20 days", 35},
  };
  return *kKinds;
}

Complexity SomeComplexity(Rng& rng) {
  const int r = rng.Int(1, 100);
  return r <= 70 ? Complexity::kOrdinary : (r <= 90 ? Complexity::kComplex : Complexity::kEspeciallyComplex);
}

// A case clock of kind `k` received on `received`, as intake would pass it
// (accepted_date unset). Decision dates stay within the filing limit.
CaseClock ClockOf(const Kind& k, Date received, Rng& rng) {
  CaseClock clock{.case_type = k.type,
                  .complaint_round = k.round,
                  .complexity = SomeComplexity(rng),
                  .procedure_time_limit_days = 0,
                  .received_date = received,
                  .accepted_date = {},
                  .decision_date = {}};
  if (k.type == CaseType::kProcedureDossier) clock.procedure_time_limit_days = rng.Int(3, 20);
  if (k.type == CaseType::kComplaint) {
    clock.decision_date = platform::AddDays(received, -rng.Int(0, k.round == 1 ? 80 : 25));
  }
  return clock;
}

// ---------------------------------------------------------------- part 1

struct Timed final {
  std::string label;
  std::vector<CaseClock> clocks;
  std::vector<double> ns_per;  // one per round
};

// Runs Compute over every clock; the checksum keeps the work observable.
absl::Duration ComputeAll(const DeadlineRules& rules, const std::vector<CaseClock>& clocks, uint64_t& sum) {
  absl::Time start = absl::Now();
  for (const CaseClock& clock : clocks) {
    absl::StatusOr<Deadlines> d = rules.Compute(clock, "case.");
    sum += d.ok() ? static_cast<uint64_t>(d->resolution_due_date.day + d->explanation.size()) : 1000003;
  }
  return absl::Now() - start;
}

absl::Duration PeriodEndAll(const WorkCalendar& calendar, const std::vector<Date>& starts, int days,
                            uint64_t& sum) {
  absl::Time start = absl::Now();
  for (const Date& day : starts) {
    absl::StatusOr<DueDate> due = calendar.PeriodEnd(day, days, DayKind::kWorking);
    sum += due.ok() ? static_cast<uint64_t>(due->date.day) : 1000003;
  }
  return absl::Now() - start;
}

struct EngineResult final {
  double per_second = 0;
  double ns_each = 0;
};

std::optional<EngineResult> RunEngine(const DeadlineRules& rules, uint64_t& sum) {
  const int n = absl::GetFlag(FLAGS_deadlines), rounds = std::max(1, absl::GetFlag(FLAGS_deadline_rounds));
  auto from = platform::ParseDate(absl::GetFlag(FLAGS_received_from), "received_from");
  auto to = platform::ParseDate(absl::GetFlag(FLAGS_received_to), "received_to");
  if (!Check(from.status(), "flags") || !Check(to.status(), "flags")) return std::nullopt;
  Rng rng(static_cast<uint64_t>(absl::GetFlag(FLAGS_seed)));

  // Clocks the data cannot answer (a due date in a year without a holiday
  // calendar: late-2027 second-round complaints) are counted and left out,
  // so every timed call computes a deadline.
  Timed mixed;
  mixed.label = "all, mixed";
  std::vector<Timed> by_kind(Kinds().size());
  for (size_t i = 0; i < by_kind.size(); ++i) by_kind[i].label = Kinds()[i].label;
  std::map<std::string, int> eras;
  int dropped = 0;
  std::string dropped_why;
  for (int i = 0; i < n; ++i) {
    const size_t which = rng.Weighted(Kinds());
    CaseClock clock = ClockOf(Kinds()[which], rng.DateIn(*from, *to), rng);
    // Half the clocks of accepted-later types carry their acceptance, as
    // CaseDesk::Accept recomputes them.
    if ((clock.case_type == CaseType::kComplaint || clock.case_type == CaseType::kDenunciation) &&
        rng.Chance(0.5)) {
      clock.accepted_date = platform::AddDays(clock.received_date, rng.Int(0, 10));
    }
    absl::StatusOr<Deadlines> d = rules.Compute(clock, "case.");
    if (!d.ok()) {
      ++dropped;
      if (dropped_why.empty()) dropped_why = Gloss(d.status());
      continue;
    }
    ++eras[d->applied.set->version];
    mixed.clocks.push_back(clock);
    by_kind[which].clocks.push_back(clock);
  }
  if (mixed.clocks.empty()) {
    std::cerr << "no computable clock in the mix\n";
    return std::nullopt;
  }
  std::vector<Date> starts;
  for (int i = 0; i < n; ++i) starts.push_back(rng.DateIn(*from, *to));
  std::map<int, std::vector<Date>> periods;  // by working days
  std::map<int, int> periods_dropped;
  for (int days : {15, 60}) {
    for (const Date& day : starts) {
      if (rules.calendar().PeriodEnd(day, days, DayKind::kWorking).ok()) {
        periods[days].push_back(day);
      } else {
        ++periods_dropped[days];
      }
    }
  }

  std::map<int, std::vector<double>> period_ns;
  for (int r = 0; r < rounds; ++r) {
    mixed.ns_per.push_back(absl::ToDoubleNanoseconds(ComputeAll(rules, mixed.clocks, sum)) /
                           static_cast<double>(mixed.clocks.size()));
    for (Timed& t : by_kind) {
      if (t.clocks.empty()) continue;
      t.ns_per.push_back(absl::ToDoubleNanoseconds(ComputeAll(rules, t.clocks, sum)) /
                         static_cast<double>(t.clocks.size()));
    }
    for (auto& [days, list] : periods) {
      if (list.empty()) continue;
      period_ns[days].push_back(absl::ToDoubleNanoseconds(PeriodEndAll(rules.calendar(), list, days, sum)) /
                                static_cast<double>(list.size()));
    }
  }

  std::string era_text;
  for (const auto& [version, count] : eras)
    absl::StrAppend(&era_text, era_text.empty() ? "" : ", ", version, " ", count);
  std::cout << absl::StrFormat(
      "deadline engine, one thread: %d clocks received %s..%s (policy sets: %s); %d left out (%s)\n",
      static_cast<int>(mixed.clocks.size()), from->ToIso(), to->ToIso(), era_text, dropped,
      dropped == 0 ? "none" : dropped_why);
  std::cout << absl::StrFormat("  %-32s %9s %13s %12s  (median of %d passes; checksum %d)\n",
                               "DeadlineRules::Compute", "calls", "per second", "ns each", rounds,
                               static_cast<int>(sum % 1000));
  auto line = [](const std::string& label, size_t count, double ns) {
    std::cout << absl::StrFormat("  %-32s %9d %13.0f %12.0f\n", label, static_cast<int>(count), 1e9 / ns, ns);
  };
  line(mixed.label, mixed.clocks.size(), Median(mixed.ns_per));
  for (const Timed& t : by_kind) {
    if (!t.ns_per.empty()) line(t.label, t.clocks.size(), Median(t.ns_per));
  }
  for (const auto& [days, ns] : period_ns) {
    line(absl::StrCat("PeriodEnd, ", days, " working days"), periods[days].size(), Median(ns));
  }
  for (const auto& [days, count] : periods_dropped) {
    std::cout << absl::StrFormat(
        "  (PeriodEnd, %d working days: %d starts left out, the end needs a year "
        "without a holiday calendar)\n",
        days, count);
  }
  return EngineResult{1e9 / Median(mixed.ns_per), Median(mixed.ns_per)};
}

// ---------------------------------------------------------------- part 2

absl::Time At(Date day, int hour) {
  return absl::FromCivil(absl::CivilSecond(day.year, day.month, day.day, hour, 0, 0),
                         platform::VietnamTimeZone());
}

// 8 Crockford base32 characters of `n` (< 2^40), as a tracking code's tail.
std::string Code8(uint64_t n) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, n >>= 5) out[i] = kAlphabet[n & 31];
  return absl::StrCat(out.substr(0, 4), "-", out.substr(4));
}

const char* const kSubjects[] = {
    "Về việc thu tiền học thêm ngoài giờ",           "Phản ánh về chất lượng bữa ăn bán trú",
    "Đề nghị xem xét lại kết quả đánh giá học sinh", "Về thái độ của nhân viên bảo vệ cổng trường",
    "Đề nghị cấp bản sao bằng tốt nghiệp",           "Khiếu nại quyết định kỷ luật học sinh",
    "Tố cáo việc thu quỹ lớp không công khai",       "Đề nghị chuyển trường cho học sinh",
};

struct Fixture final {
  std::vector<std::string> schools;
  std::vector<int> expected_overdue;  // per school, open with the current due date before today
  int cases = 0, extensions = 0, apology_letters = 0;
  std::map<CaseState, int> by_state;
};

// Writes `c` after deriving its listing columns (as CaseDesk::Derive does),
// then its extensions and apology letters.
absl::Status Write(ComplaintsStore& store, const DeadlineRules& rules, Date today, Case& c, Fixture& f) {
  c.current_due_date = DeadlineRules::CurrentDueDate(c);
  c.final_timeliness = Timeliness::kUnspecified;
  if (c.state == CaseState::kResolved ||
      (c.state == CaseState::kEscalated && c.resolution.resolved_date.IsSet())) {
    absl::StatusOr<Timeliness> t = rules.Classify(c, today);
    if (!t.ok()) return t.status();
    c.final_timeliness = *t;
  }
  if (absl::Status w = store.InsertCase(c); !w.ok()) return w;
  Case key;  // the store numbers children by the ones already held
  key.school_id = c.school_id;
  key.case_id = c.case_id;
  for (const Extension& e : c.extensions) {
    if (absl::Status w = store.InsertExtension(key, e); !w.ok()) return w;
    key.extensions.push_back(e);
  }
  for (const ApologyLetter& l : c.apology_letters) {
    if (absl::Status w = store.InsertApologyLetter(key, l); !w.ok()) return w;
    key.apology_letters.push_back(l);
  }
  ++f.cases;
  ++f.by_state[c.state];
  f.extensions += static_cast<int>(c.extensions.size());
  f.apology_letters += static_cast<int>(c.apology_letters.size());
  return absl::OkStatus();
}

// One case of school `school` (the `n`-th of the city), received between
// `from` and `today`, taken through its life up to `today`.
absl::StatusOr<Case> MakeCase(const DeadlineRules& rules, const std::string& school, uint64_t n, Date from,
                              Date today, Rng& rng) {
  const Kind& k = Kinds()[rng.Weighted(Kinds())];
  const Date received = rng.DateIn(from, today);
  const CaseClock clock = ClockOf(k, received, rng);
  absl::StatusOr<Deadlines> d = rules.Compute(clock, "case.");
  if (!d.ok()) return d.status();
  const DeadlinePolicy& p = *d->applied.policy;

  Case c;
  c.school_id = school;
  c.case_id = absl::StrFormat("hs-%010x", (n * 0x9E3779B1ULL) & 0xFFFFFFFFFFULL);  // unique, scattered
  std::string prefix;
  for (char ch : school) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(ch)) && prefix.size() < 8) {
      prefix.push_back(absl::ascii_toupper(static_cast<unsigned char>(ch)));
    }
  }
  c.tracking_code = absl::StrCat(prefix, "-", Code8(n));
  c.tracking_secret_hash = HashTrackingSecret(c.tracking_code, NewTrackingSecret());
  c.case_type = k.type;
  c.complaint_round = k.round;
  c.complexity = clock.complexity;
  c.procedure_time_limit_days = clock.procedure_time_limit_days;
  if (k.type == CaseType::kProcedureDossier) {
    c.procedure_code = absl::StrCat("1.00", 4400 + rng.Int(0, 99));
    c.channel = rng.Chance(0.6) ? Channel::kPublicServicePortal : Channel::kInPerson;
  } else {
    static constexpr Channel kChannels[] = {Channel::kInPerson,     Channel::kMail,
                                            Channel::kPhone,        Channel::kEmail,
                                            Channel::kPublicPortal, Channel::kSuggestionBox};
    c.channel = kChannels[rng.Int(0, 5)];
  }
  c.subject = kSubjects[rng.Int(0, 7)];
  c.content = absl::StrCat(
      "Kính gửi Ban giám hiệu nhà trường. Phụ huynh học sinh lớp ", rng.Int(1, 12), "A", rng.Int(1, 9),
      " trình bày sự việc như sau: ngày ", platform::AddDays(received, -rng.Int(1, 20)).ToVietnamese(),
      ", nhà trường thông báo nội dung nêu trên nhưng chưa có văn bản hướng dẫn, biên lai hay giải "
      "thích cụ thể. Đề nghị nhà trường xem xét, trả lời bằng văn bản. Trân trọng cảm ơn.");
  const bool feedback = k.type == CaseType::kFeedback || k.type == CaseType::kProcedureFeedback;
  if (feedback && rng.Chance(0.1)) {
    c.submitter.anonymous = true;
  } else {
    c.submitter.full_name = absl::StrCat("Nguyễn Văn Phụ Huynh ", n);
    c.submitter.phone = absl::StrFormat("0909 %03d %03d", rng.Int(0, 999), rng.Int(0, 999));
    c.submitter.address = absl::StrCat(rng.Int(1, 300), " Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh");
    if (rng.Chance(0.3)) c.submitter.email = absl::StrCat("phuhuynh", n, "@example.vn");
  }
  c.decision_date = clock.decision_date;
  c.deadline_policy = d->applied.Reference();
  c.received_date = received;
  c.acceptance_due_date = d->acceptance_due_date;
  c.resolution_due_date = d->resolution_due_date;
  c.deadline_estimated = d->estimated;
  c.create_time = At(received, 9);
  Date last = received;
  auto done = [&]() -> absl::StatusOr<Case> {
    c.update_time = At(last, 15);
    return c;
  };

  // Acceptance: complaints and denunciations are accepted (or refused)
  // within their limit, now and then late; the rest on receipt.
  if (p.acceptance_days > 0) {
    c.state = CaseState::kReceived;
    const int window = std::max(1, platform::DaysBetween(received, c.acceptance_due_date));
    if (rng.Chance(0.08)) {
      const Date on = platform::AddDays(received, rng.Int(1, window));
      if (today < on) return done();
      c.state = CaseState::kNotAccepted;
      c.closed_date = on;
      c.closing_reason = "Đơn không đủ điều kiện thụ lý (Luật Khiếu nại 2011, Điều 11)";
      c.acceptance_document = absl::StrCat(rng.Int(1, 99), "/TB-THCS");
      last = on;
      return done();
    }
    Date on = platform::AddDays(received, rng.Int(0, window));
    if (rng.Chance(0.05)) on = platform::AddDays(on, rng.Int(1, 10));
    if (today < on) return done();
    CaseClock accepted = clock;
    accepted.accepted_date = on;
    absl::StatusOr<Deadlines> again = rules.Compute(accepted, "case.");
    if (!again.ok()) return again.status();
    c.state = CaseState::kAccepted;
    c.accepted_date = on;
    c.acceptance_document = absl::StrCat(rng.Int(1, 99), "/QĐ-THCS");
    c.resolution_due_date = again->resolution_due_date;
    c.deadline_estimated = again->estimated;
    last = on;
  } else {
    c.state = CaseState::kAccepted;
    c.accepted_date = received;
  }
  const Date start = c.accepted_date;

  if (rng.Chance(0.02)) {
    const Date on = platform::AddDays(start, rng.Int(1, 15));
    if (!(today < on)) {
      c.state = CaseState::kWithdrawn;
      c.closed_date = on;
      c.closing_reason = "Người gửi rút đơn";
      last = on;
      return done();
    }
  }
  if (rng.Chance(0.7)) {
    c.state = CaseState::kInProgress;
    c.assignee = absl::StrCat("accounts/gv-", rng.Int(1, 40));
  }

  // One extension: feedback (up to 10 working days) and complex
  // denunciations (30 days), as CaseDesk::Extend allows.
  const bool may_extend = DeadlineRules::ExtensionsAllowed(p, c.complexity) > 0;
  if (may_extend && rng.Chance(k.type == CaseType::kDenunciation ? 0.5 : 0.1)) {
    const Date on = std::max(start, platform::AddDays(c.resolution_due_date, -rng.Int(1, 5)));
    const int days = k.type == CaseType::kDenunciation ? p.extension_days : rng.Int(3, p.extension_days);
    if (!(today < on)) {
      absl::StatusOr<DueDate> due = rules.Extend(p, c.resolution_due_date, days);
      if (!due.ok()) return due.status();
      c.extensions.push_back({.days = days,
                              .reclassified = false,
                              .reason = "Cần xác minh thêm với giáo viên chủ nhiệm",
                              .document_number = absl::StrCat(rng.Int(1, 99), "/TB-GH"),
                              .previous_due_date = c.resolution_due_date,
                              .new_due_date = due->date,
                              .extended_by = "accounts/ht-bench",
                              .create_time = At(on, 10)});
      c.resolution_due_date = due->date;
      c.deadline_estimated = c.deadline_estimated || due->estimated;
      last = std::max(last, on);
    }
  }

  // Resolution: most in time, some late, a few left lying (they stay
  // overdue). A resolution after today has not happened yet.
  if (rng.Chance(0.03)) return done();
  const int span = std::max(1, platform::DaysBetween(start, c.resolution_due_date));
  const Date resolved = rng.Chance(0.82) ? platform::AddDays(start, rng.Int(1, span))
                                         : platform::AddDays(c.resolution_due_date, rng.Int(1, 25));
  const bool late = c.resolution_due_date < resolved;
  if (today < resolved) {
    // Still open; a late dossier usually has its apology letter already.
    if (p.apology_required_when_late && c.resolution_due_date < today && rng.Chance(0.5)) {
      c.apology_letters.push_back({.document_number = absl::StrCat(rng.Int(1, 99), "/PXL"),
                                   .sent_date = c.resolution_due_date,
                                   .reason = "Cần bổ sung xác nhận của cơ quan liên quan",
                                   .new_return_date = resolved});
      last = std::max(last, c.resolution_due_date);
    }
    return done();
  }
  if (p.apology_required_when_late && late) {  // Resolve requires it
    c.apology_letters.push_back({.document_number = absl::StrCat(rng.Int(1, 99), "/PXL"),
                                 .sent_date = c.resolution_due_date,
                                 .reason = "Cần bổ sung xác nhận của cơ quan liên quan",
                                 .new_return_date = resolved});
  }
  c.state = CaseState::kResolved;
  c.resolution.resolved_date = resolved;
  c.resolution.document_number = absl::StrCat(rng.Int(1, 999), "/QĐ-THCS");
  c.resolution.public_summary = "Nhà trường đã làm việc với phụ huynh và trả lời bằng văn bản.";
  switch (k.type) {
    case CaseType::kProcedureDossier:
      c.resolution.outcome = rng.Chance(0.95) ? Outcome::kGranted : Outcome::kRefused;
      break;
    case CaseType::kComplaint:
    case CaseType::kDenunciation: {
      static constexpr Outcome kFindings[] = {Outcome::kUpheld, Outcome::kPartlyUpheld, Outcome::kNotUpheld};
      c.resolution.outcome = kFindings[rng.Int(0, 2)];
      break;
    }
    default:
      c.resolution.outcome = Outcome::kAnswered;
  }
  last = resolved;

  // A first-round complaint escalated within the 30-day window.
  if (k.type == CaseType::kComplaint && k.round == 1 && rng.Chance(0.15)) {
    absl::StatusOr<DueDate> window = rules.calendar().PeriodEnd(resolved, 30, DayKind::kCalendar);
    if (!window.ok()) return window.status();
    const Date on = platform::AddDays(resolved, rng.Int(1, platform::DaysBetween(resolved, window->date)));
    if (!(today < on)) {
      c.state = CaseState::kEscalated;
      c.escalated_to = "authorities/hcm-q1";
      c.closed_date = on;
      c.closing_reason = "Người khiếu nại không đồng ý với quyết định giải quyết lần đầu";
      last = on;
      return done();
    }
  }
  if (rng.Chance(0.3)) {
    const Date on = platform::AddDays(resolved, rng.Int(0, 10));
    if (!(today < on)) {
      c.rating = {.score = rng.Int(1, 100) <= 75 ? rng.Int(4, 5) : rng.Int(1, 3),
                  .comment = "Cảm ơn nhà trường",
                  .create_time = At(on, 20)};
    }
  }
  return done();
}

absl::StatusOr<Fixture> WriteCity(ComplaintsStore& store, const DeadlineRules& rules, Date today) {
  auto from = platform::ParseDate(absl::GetFlag(FLAGS_fixture_from), "fixture_from");
  if (!from.ok()) return from.status();
  const int schools = absl::GetFlag(FLAGS_schools), per = std::max(1, absl::GetFlag(FLAGS_cases_per_school));
  const int batch = std::max(per, absl::GetFlag(FLAGS_batch_cases));
  Rng rng(static_cast<uint64_t>(absl::GetFlag(FLAGS_seed)) + 1);
  Fixture f;
  uint64_t n = 0;
  for (int s = 0; s < schools;) {
    const int first = s, last = std::min(schools, s + std::max(1, batch / per));
    Fixture part;  // this batch; rebuilt if the transaction is retried
    absl::Status written = store.Atomically([&]() -> absl::Status {
      part = Fixture{};
      for (int i = first; i < last; ++i) {
        const std::string school = absl::StrCat("bench-s", i);
        int overdue = 0;
        for (int j = 0; j < per; ++j) {
          absl::StatusOr<Case> c =
              MakeCase(rules, school, n + static_cast<uint64_t>((i - first) * per + j), *from, today, rng);
          if (!c.ok()) return c.status();
          overdue += IsOpen(c->state) && DeadlineRules::CurrentDueDate(*c) < today ? 1 : 0;
          if (absl::Status w = Write(store, rules, today, *c, part); !w.ok()) return w;
        }
        part.schools.push_back(school);
        part.expected_overdue.push_back(overdue);
      }
      return absl::OkStatus();
    });
    if (!written.ok()) return written;
    f.schools.insert(f.schools.end(), part.schools.begin(), part.schools.end());
    f.expected_overdue.insert(f.expected_overdue.end(), part.expected_overdue.begin(),
                              part.expected_overdue.end());
    f.cases += part.cases;
    f.extensions += part.extensions;
    f.apology_letters += part.apology_letters;
    for (const auto& [state, count] : part.by_state) f.by_state[state] += count;
    n += static_cast<uint64_t>((last - first) * per);
    s = last;
  }
  return f;
}

struct Spread final {
  double p50 = 0, p99 = 0, max = 0, total = 0;  // ms; total: median pass
};

Spread SpreadOf(const std::vector<double>& each, const std::vector<double>& passes) {
  return {Percentile(each, 0.5), Percentile(each, 0.99), Percentile(each, 1.0), Median(passes)};
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  auto loaded = LoadEmbeddedRules();
  if (!Check(loaded.status(), "reference data")) return 1;
  const DeadlineRules& rules = *loaded->rules;
  uint64_t checksum = 0;

  // 1. The deadline engine.
  std::optional<EngineResult> engine;
  if (absl::GetFlag(FLAGS_deadlines) > 0) {
    engine = RunEngine(rules, checksum);
    if (!engine) return 1;
  }

  // 2. A city's desks.
  const int schools = absl::GetFlag(FLAGS_schools);
  std::optional<Spread> list_spread, summary_spread;
  int overdue_found = 0;
  if (schools > 0) {
    auto today = platform::ParseDate(absl::GetFlag(FLAGS_today), "today");
    auto period_start = platform::ParseDate(absl::GetFlag(FLAGS_period_start), "period_start");
    auto period_end = platform::ParseDate(absl::GetFlag(FLAGS_period_end), "period_end");
    if (!Check(today.status(), "flags") || !Check(period_start.status(), "flags") ||
        !Check(period_end.status(), "flags"))
      return 1;
    testing::TestDatabase database("bench_complaints");
    platform::DbConfig config = database.config();
    config.pool_size = 2;
    platform::Db db(config);
    if (!Check(platform::ApplyMigrations(db, "complaints", ComplaintsMigrations()), "migrations")) return 1;
    MySqlComplaintsStore store(db);
    const absl::Time now = At(*today, 10);
    CaseDesk desk(store, rules, [now] { return now; });
    ComplaintsSummarizer summarizer(store, rules);

    absl::Time fill = absl::Now();
    absl::StatusOr<Fixture> city = WriteCity(store, rules, *today);
    if (!Check(city.status(), "fixture")) return 1;
    const absl::Duration filled = absl::Now() - fill;
    std::string states;
    for (const auto& [state, count] : city->by_state) {
      absl::StrAppend(&states, states.empty() ? "" : ", ", StateLabel(state), " ", count);
    }
    int expected = 0;
    for (int e : city->expected_overdue) expected += e;
    std::cout << absl::StrFormat(
        "fixture: %d schools × %d cases = %d cases (%d extensions, %d apology letters) received %s..%s, "
        "written through MySqlComplaintsStore in %.0f ms (%.0f cases/s); %d open past their due date on %s\n"
        "  by state: %s\n",
        schools, absl::GetFlag(FLAGS_cases_per_school), city->cases, city->extensions, city->apology_letters,
        absl::GetFlag(FLAGS_fixture_from), today->ToIso(), Ms(filled),
        city->cases / absl::ToDoubleSeconds(filled), expected, today->ToIso(), states);

    CaseFilter overdue_filter;
    overdue_filter.timeliness = {Timeliness::kOverdue};
    const int page_size = absl::GetFlag(FLAGS_page_size);
    std::vector<double> list_each, list_passes, summary_each, summary_passes;
    int mismatched = 0;
    ComplaintSummary city_total;
    for (int r = 0; r < std::max(1, absl::GetFlag(FLAGS_repeats)); ++r) {
      absl::Time pass = absl::Now();
      for (size_t s = 0; s < city->schools.size(); ++s) {
        absl::Time start = absl::Now();
        int found = 0;
        std::string token;
        do {
          auto page = desk.List(city->schools[s], overdue_filter, page_size, token);
          if (!Check(page.status(), "overdue list")) return 1;
          found += static_cast<int>(page->items.size());
          token = page->next_page_token;
        } while (!token.empty());
        list_each.push_back(Ms(absl::Now() - start));
        if (r == 0) {
          overdue_found += found;
          mismatched += found == city->expected_overdue[s] ? 0 : 1;
        }
      }
      list_passes.push_back(Ms(absl::Now() - pass));

      pass = absl::Now();
      for (const std::string& school : city->schools) {
        absl::Time start = absl::Now();
        auto summary = summarizer.Summarize(school, *period_start, *period_end);
        if (!Check(summary.status(), "summary")) return 1;
        summary_each.push_back(Ms(absl::Now() - start));
        if (r == 0) {
          city_total.received += summary->received;
          city_total.resolved += summary->resolved;
          city_total.resolved_early += summary->resolved_early;
          city_total.resolved_on_time += summary->resolved_on_time;
          city_total.overdue_open += summary->overdue_open;
        }
      }
      summary_passes.push_back(Ms(absl::Now() - pass));
    }
    list_spread = SpreadOf(list_each, list_passes);
    summary_spread = SpreadOf(summary_each, summary_passes);
    const int repeats = static_cast<int>(list_passes.size());
    std::cout << absl::StrFormat(
        "overdue list (CaseDesk::List, OVERDUE, page size %d, today %s) for each of %d schools: "
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms; all schools %.0f ms (median of %d passes); "
        "%d overdue cases found, %d expected%s\n",
        page_size, today->ToIso(), schools, list_spread->p50, list_spread->p99, list_spread->max,
        list_spread->total, repeats, overdue_found, expected,
        mismatched == 0 ? "" : absl::StrFormat(" — %d SCHOOLS DIFFER", mismatched));
    std::cout << absl::StrFormat(
        "quarter summary (ComplaintsSummarizer::Summarize, %s..%s) for each of %d schools: "
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms; all schools %.0f ms (median of %d passes); "
        "city: %d received, %d resolved (%.1f %% in time), %d overdue on %s\n",
        period_start->ToIso(), period_end->ToIso(), schools, summary_spread->p50, summary_spread->p99,
        summary_spread->max, summary_spread->total, repeats, city_total.received, city_total.resolved,
        city_total.resolved == 0
            ? 100.0
            : 100.0 * (city_total.resolved_early + city_total.resolved_on_time) / city_total.resolved,
        city_total.overdue_open, period_end->ToIso());
    if (mismatched != 0) {
      std::cerr << mismatched << " schools' overdue lists differ from the fixture\n";
      return 1;
    }
  }

  std::string final_line = "complaints bench:";
  if (engine) {
    absl::StrAppend(&final_line,
                    absl::StrFormat(" deadlines %.0f/s (%.0f ns each)", engine->per_second, engine->ns_each));
  }
  if (list_spread) {
    absl::StrAppend(
        &final_line,
        absl::StrFormat("%s overdue list over %d schools p50 %.2f ms p99 %.2f ms total %.0f ms; "
                        "quarter summary p50 %.2f ms p99 %.2f ms total %.0f ms",
                        engine ? ";" : "", schools, list_spread->p50, list_spread->p99, list_spread->total,
                        summary_spread->p50, summary_spread->p99, summary_spread->total));
  }
  std::cout << final_line << "\n";
  return 0;
}
