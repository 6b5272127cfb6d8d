// The reporting service's checks on what it is given, with proto inputs
// (reporting keeps the contract's messages as its domain values):
//   op 0  a SIPAS respondent code as typed (ParseRespondentCode): a field
//         error, or a canonical code that parses back to itself, printed
//         or not;
//   op 1  a self-assessment (Totalize): totals are what Totalize leaves
//         unchanged when run again;
//   op 2  a PAR framework against the embedded metric catalog
//         (ValidateFramework): a field error, or a framework whose every
//         metric item earns points in 0..max_points (never NaN) for any
//         finite value, with or without data.
// The first byte of each record picks the op; the payload is the typed
// text (op 0), a serialized ParAssessment (op 1) or ParFramework (op 2).
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/convert_fuzz.h"
#include "services/reporting/domain/assessment_desk.h"
#include "services/reporting/domain/framework_rules.h"
#include "services/reporting/domain/respondent_code.h"

const char* MetricCatalogJson();
const char* ParFramework2026Json();

namespace parhub::reporting {
namespace {

using fuzz::Converted;
using fuzz::ParsePayload;

constexpr int kOps = 3;

template <typename Message>
Message FromJson(const char* json) {
  Message message;
  FUZZ_CHECK(google::protobuf::util::JsonStringToMessage(json, &message).ok());
  return message;
}

const v1::MetricCatalog& Catalog() {
  static const auto* catalog = new v1::MetricCatalog(FromJson<v1::MetricCatalog>(MetricCatalogJson()));
  return *catalog;
}

// Finite values around and beyond the thresholds frameworks use.
std::vector<double> Probes(const v1::SubCriterion& item) {
  std::vector<double> out = {-1e12, -1, 0, 0.5, 1, 50, 100, 1e12};
  const v1::PointsRule& rule = item.points_rule();
  for (const v1::Threshold& t : rule.step().thresholds()) {
    out.push_back(t.min_value());
    out.push_back(std::nextafter(t.min_value(), -INFINITY));
  }
  if (rule.has_linear()) {
    out.push_back(rule.linear().zero_at());
    out.push_back(rule.linear().full_at());
    out.push_back((rule.linear().zero_at() + rule.linear().full_at()) / 2);
  }
  return out;
}

void Run(int op, std::string_view bytes) {
  switch (op) {
    case 0: {
      auto code = ParseRespondentCode(absl::string_view(bytes.data(), bytes.size()), "respondent_code");
      if (!Converted(code)) return;
      FUZZ_CHECK(code->size() == static_cast<size_t>(kRespondentCodeLength));
      auto again = ParseRespondentCode(*code, "respondent_code");
      FUZZ_CHECK(again.ok() && *again == *code);
      auto printed = ParseRespondentCode(FormatRespondentCode(*code), "respondent_code");
      FUZZ_CHECK(printed.ok() && *printed == *code);
      break;
    }
    case 1: {
      v1::ParAssessment assessment;
      if (!ParsePayload(bytes, assessment)) return;
      Totalize(assessment);
      const std::string once = assessment.SerializeAsString();
      Totalize(assessment);
      FUZZ_CHECK(assessment.SerializeAsString() == once);
      break;
    }
    default: {
      v1::ParFramework framework;
      if (!ParsePayload(bytes, framework)) return;
      const absl::Status valid = ValidateFramework(framework, Catalog());
      if (!valid.ok()) {
        FUZZ_CHECK(fuzz::IsFieldError(valid));
        return;
      }
      for (const FrameworkItem& item : ItemsOf(framework)) {
        if (item.item->mode() != v1::ASSESSMENT_MODE_METRIC) continue;
        for (double value : Probes(*item.item)) {
          if (!std::isfinite(value)) continue;
          for (bool has_data : {true, false}) {
            const double points = PointsFor(*item.item, value, has_data);
            if (!(points >= 0 && points <= item.item->max_points() + 0.005)) {
              std::fprintf(stderr, "%s: %g points for %g (max %g)\n", item.item->code().c_str(), points,
                           value, item.item->max_points());
            }
            FUZZ_CHECK(points >= 0 && points <= item.item->max_points() + 0.005);
          }
        }
      }
      break;
    }
  }
}

// A framework of one metric item on the catalog's first metric, small
// enough for -max_len (the embedded ones are 10 KB and more).
v1::ParFramework SmallFramework() {
  v1::ParFramework framework;
  framework.set_name("parFrameworks/fuzz-2026");
  framework.set_year(2026);
  framework.set_level("school");
  framework.set_max_points(2);
  v1::ParField* field = framework.add_fields();
  field->set_code("1");
  field->set_max_points(2);
  v1::Criterion* criterion = field->add_criteria();
  criterion->set_code("1.1");
  criterion->set_max_points(2);
  v1::SubCriterion* item = criterion->add_sub_criteria();
  item->set_code("1.1.1");
  item->set_max_points(2);
  item->set_mode(v1::ASSESSMENT_MODE_METRIC);
  item->set_metric(Catalog().metrics(0).name());
  item->mutable_points_rule()->mutable_linear()->set_zero_at(0);
  item->mutable_points_rule()->mutable_linear()->set_full_at(100);
  v1::SubCriterion* step = criterion->add_sub_criteria();
  *step = *item;
  step->set_code("1.1.2");
  step->mutable_points_rule()->mutable_step()->add_thresholds()->set_min_value(50);
  step->mutable_points_rule()->mutable_step()->mutable_thresholds(0)->set_points(1);
  step->mutable_points_rule()->set_no_data_points(0);
  criterion->set_max_points(4);
  field->set_max_points(4);
  framework.set_max_points(4);
  FUZZ_CHECK(ValidateFramework(framework, Catalog()).ok());
  return framework;
}

std::vector<std::string> Seeds() {
  const v1::ParFramework framework = FromJson<v1::ParFramework>(ParFramework2026Json());
  v1::ParAssessment assessment;
  assessment.set_framework(framework.name());
  for (const FrameworkItem& item : ItemsOf(framework)) {
    v1::AssessmentItem* out = assessment.add_items();
    out->set_sub_criterion(item.item->code());
    out->set_self_points(item.item->max_points() / 2);
  }
  auto text = [](const std::string& typed) {
    return std::string{'\0', static_cast<char>(typed.size()), '\0'} + typed;
  };
  const std::string code = NewRespondentCode();
  const std::string head(1, '\0');
  return {head + fuzz::Record(2, SmallFramework()), head + fuzz::Record(1, assessment), head + text(code),
          head + text(FormatRespondentCode(code))};
}

}  // namespace
}  // namespace parhub::reporting

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::reporting::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parhub::fuzz::RecordReader reader(data, size);
  reader.Selector();
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < 8 && reader.Next(op, payload); ++n) {
    parhub::reporting::Run(op % parhub::reporting::kOps, payload);
  }
  return 0;
}
