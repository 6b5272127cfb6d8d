// Metric reading by field name (see metric_reader.h).
#include "services/reporting/domain/metric_reader.h"

#include <google/protobuf/descriptor.h>

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {
namespace {

using google::protobuf::FieldDescriptor;

absl::StatusOr<double> NumericField(const google::protobuf::Message& summary, const std::string& name) {
  const FieldDescriptor* field = summary.GetDescriptor()->FindFieldByName(name);
  if (field == nullptr || field->is_repeated()) {
    return absl::InternalError(
        absl::StrCat(summary.GetDescriptor()->full_name(), " has no numeric field ", name));
  }
  const auto* reflection = summary.GetReflection();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return reflection->GetInt32(summary, field);
    case FieldDescriptor::CPPTYPE_INT64:
      return static_cast<double>(reflection->GetInt64(summary, field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return reflection->GetUInt32(summary, field);
    case FieldDescriptor::CPPTYPE_UINT64:
      return static_cast<double>(reflection->GetUInt64(summary, field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return reflection->GetDouble(summary, field);
    case FieldDescriptor::CPPTYPE_FLOAT:
      return reflection->GetFloat(summary, field);
    default:
      return absl::InternalError(
          absl::StrCat(summary.GetDescriptor()->full_name(), ".", name, " is not numeric"));
  }
}

}  // namespace

absl::StatusOr<MetricReading> ReadMetric(const v1::MetricDefinition& metric,
                                         const google::protobuf::Message& summary) {
  if (summary.GetDescriptor()->full_name() != metric.summary_message()) {
    return absl::InternalError(absl::StrCat("metric ", metric.name(), " reads ", metric.summary_message(),
                                            ", not ", summary.GetDescriptor()->full_name()));
  }
  MetricReading out;
  if (!metric.field().empty()) {
    ASSIGN_OR_RETURN(out.value, NumericField(summary, metric.field()));
    return out;
  }
  out.ratio = true;
  for (const std::string& name : metric.numerator_fields()) {
    ASSIGN_OR_RETURN(double v, NumericField(summary, name));
    out.numerator += v;
  }
  for (const std::string& name : metric.denominator_fields()) {
    ASSIGN_OR_RETURN(double v, NumericField(summary, name));
    out.denominator += v;
  }
  if (out.denominator <= 0) {
    out.has_data = false;
    out.value = metric.empty_value();
  } else {
    out.value = 100.0 * out.numerator / out.denominator;
  }
  return out;
}

std::string MetricSource(absl::string_view metric_name) {
  size_t dot = metric_name.find('.');
  return std::string(dot == absl::string_view::npos ? metric_name : metric_name.substr(0, dot));
}

}  // namespace parhub::reporting
