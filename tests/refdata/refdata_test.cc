// Loads every reference-data file under data/ into its proto message with
// the proto3 JSON parser (unknown fields are errors) and checks the
// invariants the services rely on: PAR points add up, dates exist and fall
// where they must, deadline policies are usable, every metric a framework
// binds is a numeric field of the summary a service's Summarize* RPC
// returns, report calendars resolve to valid dates.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/finance/v1/finance.pb.h"
#include "parhub/refdata/v1/refdata.pb.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "parhub/staffing/v1/staffing.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"

#ifndef PARHUB_DATA_DIR
#error "PARHUB_DATA_DIR must be defined to the data/ directory"
#endif

namespace {

namespace pb = google::protobuf;
using parhub::common::v1::Date;

// Reads data/<relative> and parses it into `message`; fails the test with
// the parser's message on any error.
template <typename M>
M Load(const std::string& relative) {
  M message;
  const std::string path = std::string(PARHUB_DATA_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = pb::util::JsonStringToMessage(buffer.str(), &message, options);
  EXPECT_TRUE(status.ok()) << relative << ": " << status.ToString();
  return message;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool IsValid(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

bool IsValid(const Date& date) { return IsValid(date.year(), date.month(), date.day()); }

// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
long DayNumber(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long DayNumber(const Date& date) { return DayNumber(date.year(), date.month(), date.day()); }

// 0 = Monday ... 6 = Sunday.
int Weekday(const Date& date) {
  const long n = DayNumber(date);  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((n % 7) + 7 + 3) % 7);
}

std::string Str(const Date& d) {
  return std::to_string(d.year()) + "-" + std::to_string(d.month()) + "-" + std::to_string(d.day());
}

TEST(DateHelpers, KnownWeekdays) {
  Date d;
  d.set_year(2024);
  d.set_month(5);
  d.set_day(4);
  EXPECT_EQ(Weekday(d), 5);  // Saturday.
  d.set_year(2026);
  d.set_month(2);
  d.set_day(17);
  EXPECT_EQ(Weekday(d), 1);  // Tuesday, mùng 1 Tết Bính Ngọ.
  EXPECT_FALSE(IsValid(2025, 2, 29));
  EXPECT_TRUE(IsValid(2024, 2, 29));
}

// ---------------------------------------------------------------- holidays

class HolidayCalendarTest : public testing::TestWithParam<int> {};

TEST_P(HolidayCalendarTest, DatesAreValidAndConsistent) {
  const int year = GetParam();
  const auto cal = Load<parhub::refdata::v1::HolidayCalendar>("holidays/" + std::to_string(year) + ".json");
  EXPECT_EQ(cal.year(), year);
  EXPECT_EQ(cal.jurisdiction(), "VN");
  EXPECT_FALSE(cal.version().empty());
  EXPECT_FALSE(cal.sources().empty());
  ASSERT_GE(cal.days_off_size(), 8) << "a year has at least the fixed holidays";

  std::set<long> off;
  std::set<long> swapped;
  long previous = -1;
  int tet_days = 0;
  for (const auto& day : cal.days_off()) {
    ASSERT_TRUE(IsValid(day.date())) << Str(day.date());
    EXPECT_EQ(day.date().year(), year) << Str(day.date());
    EXPECT_LT(Weekday(day.date()), 5) << Str(day.date()) << " is a weekend day";
    EXPECT_NE(day.kind(), parhub::refdata::v1::DAY_OFF_KIND_UNSPECIFIED) << Str(day.date());
    EXPECT_NE(day.certainty(), parhub::refdata::v1::CERTAINTY_UNSPECIFIED) << Str(day.date());
    EXPECT_FALSE(day.occasion().empty()) << Str(day.date());
    const long n = DayNumber(day.date());
    EXPECT_GT(n, previous) << "days_off must be sorted and unique: " << Str(day.date());
    previous = n;
    off.insert(n);
    if (day.kind() == parhub::refdata::v1::DAY_OFF_KIND_SWAPPED) swapped.insert(n);
    if (day.occasion().find("Tết Nguyên đán") != std::string::npos) ++tet_days;
  }
  EXPECT_GE(tet_days, 3) << "Tết Nguyên đán days missing";
  // New Year's Day is always off unless it falls on a weekend.
  Date jan1;
  jan1.set_year(year);
  jan1.set_month(1);
  jan1.set_day(1);
  if (Weekday(jan1) < 5) EXPECT_TRUE(off.count(DayNumber(jan1)));

  std::set<long> paid_back;
  for (const auto& makeup : cal.makeup_working_days()) {
    ASSERT_TRUE(IsValid(makeup.date())) << Str(makeup.date());
    ASSERT_TRUE(IsValid(makeup.replaces())) << Str(makeup.replaces());
    EXPECT_EQ(makeup.date().year(), year);
    EXPECT_GE(Weekday(makeup.date()), 5) << Str(makeup.date()) << " makeup day is not a weekend";
    EXPECT_FALSE(off.count(DayNumber(makeup.date())));
    EXPECT_TRUE(swapped.count(DayNumber(makeup.replaces())))
        << Str(makeup.replaces()) << " is not a swapped day off";
    EXPECT_TRUE(paid_back.insert(DayNumber(makeup.replaces())).second);
    EXPECT_NE(makeup.certainty(), parhub::refdata::v1::CERTAINTY_UNSPECIFIED);
  }
  EXPECT_EQ(paid_back, swapped) << "every swapped day needs exactly one makeup day";
}

INSTANTIATE_TEST_SUITE_P(Years, HolidayCalendarTest, testing::Values(2024, 2025, 2026, 2027));

// ------------------------------------------------------- deadline policies

TEST(DeadlinePolicies, EveryEraHasAUsableCitedPolicyPerCaseType) {
  using namespace parhub::complaints::v1;
  const auto sets = Load<DeadlinePolicySets>("complaints/deadline_policies.json");
  ASSERT_GE(sets.sets_size(), 2) << "one set per legal era (one-stop regime before and after 1/7/2025)";
  long previous = -1;
  for (const auto& set : sets.sets()) {
    SCOPED_TRACE(set.version());
    EXPECT_FALSE(set.version().empty());
    EXPECT_FALSE(set.regime().empty());
    ASSERT_TRUE(IsValid(set.effective_from()));
    EXPECT_GT(DayNumber(set.effective_from()), previous) << "sets must be in ascending effective dates";
    previous = DayNumber(set.effective_from());

    std::set<std::pair<int, int>> keys;
    for (const auto& p : set.policies()) {
      SCOPED_TRACE(p.code());
      EXPECT_TRUE(keys.insert({p.case_type(), p.complaint_round()}).second) << "duplicate type/round";
      EXPECT_NE(p.case_type(), CASE_TYPE_UNSPECIFIED);
      EXPECT_NE(p.resolution_day_kind(), DAY_KIND_UNSPECIFIED);
      EXPECT_NE(p.clock_start(), CLOCK_START_UNSPECIFIED);
      EXPECT_EQ(p.resolution_from_procedure(), p.resolution_days() == 0);
      EXPECT_FALSE(p.legal_basis().empty());
      EXPECT_FALSE(p.resolution_basis().empty());
      EXPECT_FALSE(p.acceptance_basis().empty());
      if (p.filing_limit_days() > 0) EXPECT_FALSE(p.filing_limit_basis().empty());
      if (p.extension_days() > 0) EXPECT_FALSE(p.extension_basis().empty());
      if (p.apology_required_when_late()) {
        EXPECT_FALSE(p.apology_basis().empty());
        EXPECT_FALSE(p.apology_form().empty());
      }
      if (p.case_type() == CASE_TYPE_COMPLAINT) {
        // Luật Khiếu nại 2011 says "ngày" throughout: calendar days.
        EXPECT_EQ(p.acceptance_day_kind(), DAY_KIND_CALENDAR);
        EXPECT_EQ(p.resolution_day_kind(), DAY_KIND_CALENDAR);
        EXPECT_EQ(p.filing_limit_day_kind(), DAY_KIND_CALENDAR);
        EXPECT_EQ(p.filing_limit_days(), p.complaint_round() == 1 ? 90 : 30);  // Điều 9, Điều 33
        EXPECT_EQ(p.acceptance_days(), 10);                                    // Điều 27, Điều 36
        EXPECT_EQ(p.clock_start(), CLOCK_START_ACCEPTANCE);
      }
      if (p.case_type() == CASE_TYPE_DENUNCIATION) {
        // Luật Tố cáo 2018: 07 ngày làm việc (Điều 24), 30 ngày (Điều 30),
        // one extension if complex, two if especially complex.
        EXPECT_EQ(p.acceptance_day_kind(), DAY_KIND_WORKING);
        EXPECT_EQ(p.resolution_day_kind(), DAY_KIND_CALENDAR);
        EXPECT_EQ(p.max_extensions(), 0);
        EXPECT_EQ(p.max_extensions_complex(), 1);
        EXPECT_EQ(p.max_extensions_especially_complex(), 2);
      }
      if (p.case_type() == CASE_TYPE_PROCEDURE_DOSSIER) EXPECT_TRUE(p.apology_required_when_late());
    }
    const auto* type_enum = CaseType_descriptor();
    for (int i = 0; i < type_enum->value_count(); ++i) {
      const int t = type_enum->value(i)->number();
      if (t == CASE_TYPE_UNSPECIFIED) continue;
      if (t == CASE_TYPE_COMPLAINT) {
        EXPECT_TRUE(keys.count({t, 1})) << "no first-round complaint policy";
        EXPECT_TRUE(keys.count({t, 2})) << "no second-round complaint policy";
      } else {
        EXPECT_TRUE(keys.count({t, 0})) << "no policy for " << type_enum->value(i)->name();
      }
    }
  }
}

// --------------------------------------------------------- metric catalog

// Checks that `field` is a singular numeric field of `message`.
::testing::AssertionResult IsNumericField(const pb::Descriptor* message, const std::string& field) {
  const auto* f = message->FindFieldByName(field);
  if (f == nullptr) return ::testing::AssertionFailure() << message->full_name() << " has no field " << field;
  if (f->is_repeated()) return ::testing::AssertionFailure() << field << " is repeated";
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
    case pb::FieldDescriptor::CPPTYPE_INT64:
    case pb::FieldDescriptor::CPPTYPE_UINT32:
    case pb::FieldDescriptor::CPPTYPE_UINT64:
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
      return ::testing::AssertionSuccess();
    default:
      return ::testing::AssertionFailure() << field << " is not numeric";
  }
}

// Checks a metric definition against the generated descriptor pool: the
// message exists, belongs to package parhub.<service>.v1, is the output of
// a Summarize* RPC of a service in that file, and the fields are numeric.
::testing::AssertionResult MetricResolves(const parhub::reporting::v1::MetricDefinition& m) {
  const auto dot = m.name().find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == m.name().size())
    return ::testing::AssertionFailure() << "metric name not service.metric: " << m.name();
  const std::string service = m.name().substr(0, dot);
  const auto* message = pb::DescriptorPool::generated_pool()->FindMessageTypeByName(m.summary_message());
  if (message == nullptr) return ::testing::AssertionFailure() << "unknown message " << m.summary_message();
  if (message->file()->package() != "parhub." + service + ".v1")
    return ::testing::AssertionFailure() << m.summary_message() << " is not in service " << service;
  bool summarized = false;
  for (int s = 0; s < message->file()->service_count(); ++s) {
    const auto* svc = message->file()->service(s);
    for (int i = 0; i < svc->method_count(); ++i) {
      const auto* method = svc->method(i);
      if (method->output_type() == message && method->name().rfind("Summarize", 0) == 0) summarized = true;
    }
  }
  if (!summarized)
    return ::testing::AssertionFailure() << m.summary_message() << " is not returned by a Summarize* RPC";
  const bool direct = !m.field().empty();
  const bool ratio = m.numerator_fields_size() > 0 || m.denominator_fields_size() > 0;
  if (direct == ratio) return ::testing::AssertionFailure() << m.name() << ": exactly one of field or ratio";
  if (ratio && (m.numerator_fields_size() == 0 || m.denominator_fields_size() == 0))
    return ::testing::AssertionFailure() << m.name() << ": ratio needs numerator and denominator";
  if (direct) return IsNumericField(message, m.field());
  for (const auto& f : m.numerator_fields()) {
    auto r = IsNumericField(message, f);
    if (!r) return r;
  }
  for (const auto& f : m.denominator_fields()) {
    auto r = IsNumericField(message, f);
    if (!r) return r;
  }
  return ::testing::AssertionSuccess();
}

// Makes sure the summary messages' files are linked into the test binary's
// generated pool.
void LinkSummaries() {
  (void)parhub::tasks::v1::TaskSummary::descriptor();
  (void)parhub::staffing::v1::StaffingSummary::descriptor();
  (void)parhub::finance::v1::FinanceSummary::descriptor();
  (void)parhub::complaints::v1::ComplaintSummary::descriptor();
  (void)parhub::reporting::v1::ReportingSummary::descriptor();
}

TEST(MetricCatalog, CheckerRejectsWrongDefinitions) {
  LinkSummaries();
  parhub::reporting::v1::MetricDefinition m;
  m.set_name("finance.cashless_share_amount");
  m.set_summary_message("parhub.finance.v1.FinanceSummary");
  m.set_field("cashless_share_amount");
  EXPECT_TRUE(MetricResolves(m));
  m.set_field("no_such_field");
  EXPECT_FALSE(MetricResolves(m));
  m.set_field("school");  // A string, not a number.
  EXPECT_FALSE(MetricResolves(m));
  m.set_field("cashless_share_amount");
  m.set_name("staffing.cashless_share_amount");  // Wrong service.
  EXPECT_FALSE(MetricResolves(m));
  m.set_name("finance.invoice");
  m.set_summary_message("parhub.finance.v1.Invoice");  // Not a summary.
  m.set_field("total_amount");
  EXPECT_FALSE(MetricResolves(m));
}

TEST(MetricCatalog, EveryMetricIsANumericFieldOfASummary) {
  LinkSummaries();
  const auto catalog = Load<parhub::reporting::v1::MetricCatalog>("reporting/metrics.json");
  ASSERT_GT(catalog.metrics_size(), 0);
  std::set<std::string> names;
  for (const auto& m : catalog.metrics()) {
    EXPECT_TRUE(names.insert(m.name()).second) << "duplicate " << m.name();
    EXPECT_TRUE(MetricResolves(m)) << m.name();
    EXPECT_NE(m.unit(), parhub::reporting::v1::METRIC_UNIT_UNSPECIFIED) << m.name();
    EXPECT_FALSE(m.description().empty()) << m.name();
  }
}

// ------------------------------------------------------------ PAR framework

// Points may be halves; compare with a tolerance.
constexpr double kEps = 1e-9;

void CheckRule(const parhub::reporting::v1::SubCriterion& sub) {
  SCOPED_TRACE(sub.code());
  const auto& rule = sub.points_rule();
  if (rule.has_no_data_points()) {
    EXPECT_GE(rule.no_data_points(), 0);
    EXPECT_LE(rule.no_data_points(), sub.max_points() + kEps);
  }
  switch (rule.rule_case()) {
    case parhub::reporting::v1::PointsRule::kStep: {
      ASSERT_GT(rule.step().thresholds_size(), 0);
      double last_min = -1e300, last_points = -1;
      for (const auto& t : rule.step().thresholds()) {
        EXPECT_GT(t.min_value(), last_min) << "thresholds must increase";
        EXPECT_GE(t.points(), last_points) << "points must not decrease";
        EXPECT_GT(t.points(), 0);
        EXPECT_LE(t.points(), sub.max_points() + kEps);
        last_min = t.min_value();
        last_points = t.points();
      }
      EXPECT_NEAR(last_points, sub.max_points(), kEps) << "top threshold must give full points";
      break;
    }
    case parhub::reporting::v1::PointsRule::kLinear:
      EXPECT_NE(rule.linear().zero_at(), rule.linear().full_at());
      break;
    default:
      ADD_FAILURE() << "metric sub-criterion without a points rule";
  }
}

// Every data/reporting/par_framework_<year>_school.json, found by listing
// the directory so that a new year's file cannot be left unchecked.
std::vector<int> SchoolFrameworkYears() {
  static const std::regex kName(R"(par_framework_(\d{4})_school\.json)");
  std::vector<int> years;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PARHUB_DATA_DIR) + "/reporting")) {
    std::smatch m;
    const std::string name = entry.path().filename().string();
    if (std::regex_match(name, m, kName)) years.push_back(std::stoi(m[1].str()));
  }
  std::sort(years.begin(), years.end());
  return years;
}

TEST(ParFramework, SchoolFrameworksExistForEveryYearInUse) {
  const auto years = SchoolFrameworkYears();
  for (int year : {2024, 2025, 2026}) {
    EXPECT_NE(std::find(years.begin(), years.end(), year), years.end()) << "no school framework for " << year;
  }
}

class SchoolFrameworkTest : public testing::TestWithParam<int> {};

TEST_P(SchoolFrameworkTest, PointsAddUpAndMetricsExist) {
  LinkSummaries();
  using namespace parhub::reporting::v1;
  const int year = GetParam();
  const auto fw = Load<ParFramework>("reporting/par_framework_" + std::to_string(year) + "_school.json");
  const auto catalog = Load<MetricCatalog>("reporting/metrics.json");
  std::map<std::string, const MetricDefinition*> metrics;
  for (const auto& m : catalog.metrics()) metrics[m.name()] = &m;

  EXPECT_EQ(fw.year(), year);
  EXPECT_EQ(fw.name(), "parFrameworks/school-" + std::to_string(year));
  EXPECT_EQ(fw.level(), "school");
  EXPECT_EQ(fw.version().rfind(std::to_string(year) + ".", 0), 0u) << fw.version();
  EXPECT_FALSE(fw.title().empty());
  // The basis cites the decision the framework is modelled on and says the
  // points are parhub's own adaptation (data/README.md, "Reporting").
  EXPECT_NE(fw.basis().find("/QĐ-"), std::string::npos) << "basis cites no decision: " << fw.basis();
  EXPECT_NE(fw.basis().find("parhub"), std::string::npos)
      << "basis does not say what is parhub's: " << fw.basis();
  EXPECT_NEAR(fw.max_points(), 100, kEps);
  EXPECT_EQ(fw.fields_size(), 8);

  double total = 0, survey = 0;
  std::set<std::string> codes;
  std::set<std::string> tasks_covered;
  for (const auto& field : fw.fields()) {
    SCOPED_TRACE(field.code());
    EXPECT_TRUE(codes.insert(field.code()).second);
    double field_sum = 0;
    for (const auto& c : field.criteria()) {
      SCOPED_TRACE(c.code());
      EXPECT_TRUE(codes.insert(c.code()).second);
      EXPECT_EQ(c.code().rfind(field.number() + ".", 0), 0u) << "criterion code must start with field number";
      double crit_sum = 0;
      ASSERT_GT(c.sub_criteria_size(), 0);
      for (const auto& s : c.sub_criteria()) {
        EXPECT_TRUE(codes.insert(s.code()).second) << s.code();
        EXPECT_EQ(s.code().rfind(c.code() + ".", 0), 0u) << s.code();
        EXPECT_GT(s.max_points(), 0) << s.code();
        crit_sum += s.max_points();
        if (s.survey()) survey += s.max_points();
        for (const auto& t : s.plan_tasks()) tasks_covered.insert(t);
        switch (s.mode()) {
          case ASSESSMENT_MODE_METRIC: {
            ASSERT_TRUE(metrics.count(s.metric())) << s.code() << " binds unknown metric " << s.metric();
            EXPECT_TRUE(MetricResolves(*metrics[s.metric()]));
            CheckRule(s);
            break;
          }
          case ASSESSMENT_MODE_SELF_ASSESSED:
            EXPECT_TRUE(s.metric().empty()) << s.code();
            EXPECT_FALSE(s.has_points_rule()) << s.code();
            EXPECT_FALSE(s.evidence_hint().empty()) << s.code();
            break;
          default:
            ADD_FAILURE() << s.code() << " has no assessment mode";
        }
      }
      EXPECT_NEAR(crit_sum, c.max_points(), kEps) << "sub-criteria must add up to the criterion";
      field_sum += c.max_points();
    }
    EXPECT_NEAR(field_sum, field.max_points(), kEps) << "criteria must add up to the field";
    total += field.max_points();
  }
  EXPECT_NEAR(total, fw.max_points(), kEps) << "fields must add up to the maximum";
  EXPECT_NEAR(survey, fw.survey_points(), kEps) << "survey_points must equal survey sub-criteria";
  for (int i = 1; i <= 12; ++i) {
    EXPECT_TRUE(tasks_covered.count("1." + std::to_string(i))) << "seed task 1." << i << " is not measured";
  }
  for (const auto& a : fw.adjustments()) {
    EXPECT_NE(a.points(), 0) << a.code();
    EXPECT_GE(a.max_count(), 0) << a.code();
  }
}

INSTANTIATE_TEST_SUITE_P(Years, SchoolFrameworkTest, testing::ValuesIn(SchoolFrameworkYears()),
                         [](const testing::TestParamInfo<int>& info) { return std::to_string(info.param); });

// ------------------------------------------------------------ report families

Date Resolve(const parhub::reporting::v1::MonthDay& md, int year) {
  Date d;
  d.set_year(year + md.year_offset());
  d.set_month(md.month());
  d.set_day(md.day());
  return d;
}

TEST(ReportFamilies, CalendarsResolveToValidDates) {
  using namespace parhub::reporting::v1;
  const auto set = Load<ReportFamilySet>("reporting/report_families.json");
  ASSERT_GT(set.families_size(), 0);
  std::set<std::string> codes;
  bool has_cchc = false;
  for (const auto& f : set.families()) {
    SCOPED_TRACE(f.code());
    EXPECT_TRUE(codes.insert(f.code()).second);
    EXPECT_EQ(f.name(), "reportFamilies/" + f.code());
    EXPECT_FALSE(f.title().empty());
    EXPECT_GT(f.sources_size(), 0);
    ASSERT_GT(f.periods_size(), 0);
    if (f.code() == "cchc") {
      has_cchc = true;
      for (const auto& p : f.periods()) {
        // Nghị định 09/2019/NĐ-CP, Điều 12: data run from the 15th to the 14th.
        EXPECT_EQ(p.start().day(), 15) << p.code();
        EXPECT_EQ(p.cutoff().day(), 14) << p.code();
        EXPECT_EQ(p.due().day(), 20) << p.code();
        EXPECT_EQ(p.due().month(), p.cutoff().month()) << p.code();
      }
    }
    std::set<std::string> period_codes;
    for (int year = 2024; year <= 2026; ++year) {
      long last_due = -1;
      for (const auto& p : f.periods()) {
        SCOPED_TRACE(p.code());
        if (year == 2024) EXPECT_TRUE(period_codes.insert(p.code()).second);
        EXPECT_TRUE(p.start().year_offset() == 0 || p.start().year_offset() == -1);
        const Date start = Resolve(p.start(), year);
        const Date cutoff = Resolve(p.cutoff(), year);
        const Date due = Resolve(p.due(), year);
        ASSERT_TRUE(IsValid(start)) << Str(start);
        ASSERT_TRUE(IsValid(cutoff)) << Str(cutoff);
        ASSERT_TRUE(IsValid(due)) << Str(due);
        EXPECT_EQ(due.year(), year);
        EXPECT_LT(DayNumber(start), DayNumber(cutoff));
        EXPECT_LE(DayNumber(cutoff), DayNumber(due));
        EXPECT_LE(DayNumber(due) - DayNumber(cutoff), 31);
        EXPECT_LE(DayNumber(cutoff) - DayNumber(start), 366);
        EXPECT_GT(DayNumber(due), last_due) << "periods must be in due-date order";
        last_due = DayNumber(due);
      }
    }
  }
  EXPECT_TRUE(has_cchc);
}

// ------------------------------------------------------------------- SIPAS

TEST(SipasQuestionnaire, FiveFactorsFivePointScale) {
  using namespace parhub::reporting::v1;
  const auto q = Load<SipasQuestionnaire>("reporting/sipas_questionnaire.json");
  EXPECT_EQ(q.name().rfind("sipasQuestionnaires/", 0), 0u);
  ASSERT_EQ(q.scale_size(), 5);
  const char* const kLabels[] = {"Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng",
                                 "Rất hài lòng"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(q.scale(i).score(), i + 1);
    EXPECT_EQ(q.scale(i).label(), kLabels[i]);
  }
  EXPECT_FALSE(q.basis().empty());
  std::set<std::string> factors, questions;
  for (const auto& f : q.factors()) {
    factors.insert(f.code());
    EXPECT_FALSE(f.title().empty());
    EXPECT_GE(f.questions_size(), 2) << f.code();
    for (const auto& qu : f.questions()) {
      EXPECT_TRUE(questions.insert(qu.code()).second) << qu.code();
      EXPECT_FALSE(qu.text().empty()) << qu.code();
    }
  }
  EXPECT_EQ(factors, (std::set<std::string>{"access", "procedure", "staff", "result", "feedback"}));
}

// --------------------------------------------------------------- downsizing

TEST(DownsizingCatalog, DecreesAreConsistent) {
  using namespace parhub::staffing::v1;
  const auto cat = Load<DownsizingCatalog>("staffing/downsizing.json");
  std::map<std::string, const DownsizingDecree*> decrees;
  for (const auto& d : cat.decrees()) decrees[d.code()] = &d;
  for (const std::string code : {"29/2023/ND-CP", "178/2024/ND-CP", "154/2025/ND-CP"}) {
    EXPECT_TRUE(decrees.count(code)) << code;
  }
  std::set<std::string> category_codes, policy_codes;
  bool rating_based = false;
  for (const auto& d : cat.decrees()) {
    SCOPED_TRACE(d.code());
    ASSERT_TRUE(IsValid(d.signed_date()));
    ASSERT_TRUE(IsValid(d.effective_from()));
    EXPECT_LE(DayNumber(d.signed_date()), DayNumber(d.effective_from()));
    if (d.has_effective_until()) {
      ASSERT_TRUE(IsValid(d.effective_until()));
      EXPECT_GT(DayNumber(d.effective_until()), DayNumber(d.effective_from()));
    }
    if (!d.superseded_by().empty()) {
      ASSERT_TRUE(decrees.count(d.superseded_by())) << d.superseded_by();
      ASSERT_TRUE(d.has_effective_until());
      EXPECT_EQ(DayNumber(decrees[d.superseded_by()]->effective_from()), DayNumber(d.effective_until()));
    }
    EXPECT_GT(d.categories_size(), 0);
    EXPECT_GT(d.policies_size(), 0);
    for (const auto& c : d.categories()) {
      EXPECT_TRUE(category_codes.insert(c.code()).second) << c.code();
      rating_based |= c.rating_based();
      // A rating-based category carries its condition as data, and only it.
      EXPECT_EQ(c.rating_based(), c.has_rating_rule()) << c.code();
      if (c.has_rating_rule()) {
        EXPECT_GE(c.rating_rule().consecutive_years(), 1) << c.code();
        EXPECT_FALSE(c.rating_rule().wording().empty()) << c.code();
        int required = 0;
        for (const auto& gc : c.rating_rule().minimum_counts()) required += gc.count();
        EXPECT_GE(required, 1) << c.code();
        EXPECT_LE(required, c.rating_rule().consecutive_years()) << c.code();
      }
    }
    for (const auto& p : d.policies()) EXPECT_TRUE(policy_codes.insert(p.code()).second) << p.code();
    std::set<int> exemptions(d.exemptions().begin(), d.exemptions().end());
    // Điều 4 of 29/2023 and of 154/2025: not yet considered while pregnant,
    // on maternity leave or raising a child under 36 months (unless the
    // person volunteers), or while under disciplinary review, prosecution,
    // inspection or investigation.
    EXPECT_EQ(exemptions,
              (std::set<int>{CIRCUMSTANCE_KIND_PREGNANT, CIRCUMSTANCE_KIND_MATERNITY_LEAVE,
                             CIRCUMSTANCE_KIND_CHILD_UNDER_36_MONTHS, CIRCUMSTANCE_KIND_UNDER_DISCIPLINE,
                             CIRCUMSTANCE_KIND_UNDER_INVESTIGATION}));
    std::set<int> waivable(d.waivable_exemptions().begin(), d.waivable_exemptions().end());
    EXPECT_EQ(waivable, (std::set<int>{CIRCUMSTANCE_KIND_PREGNANT, CIRCUMSTANCE_KIND_MATERNITY_LEAVE,
                                       CIRCUMSTANCE_KIND_CHILD_UNDER_36_MONTHS}));
  }
  EXPECT_TRUE(rating_based) << "no category detects poor ratings";
  ASSERT_GT(cat.target_plans_size(), 0);
  for (const auto& t : cat.target_plans()) {
    EXPECT_GT(t.civil_servant_reduction_percent(), 0);
    EXPECT_LE(t.civil_servant_reduction_percent(), 100);
    EXPECT_GT(t.public_employee_reduction_percent(), 0);
    EXPECT_LE(t.public_employee_reduction_percent(), 100);
    EXPECT_LT(t.baseline_year(), t.end_year());
  }
}

}  // namespace
