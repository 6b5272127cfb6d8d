// Reads a catalog metric out of a service's period summary: one numeric
// field, or 100 × Σ numerator fields / Σ denominator fields (the catalog's
// empty_value when the denominator is zero). Works on any summary message
// by field name, so a new metric is a line of data/reporting/metrics.json.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_METRIC_READER_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_METRIC_READER_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting {

struct MetricReading final {
  double value = 0;
  bool ratio = false;    // value = 100 × numerator / denominator
  double numerator = 0;  // ratio metrics
  double denominator = 0;
  bool has_data = true;  // false: a ratio over nothing (value is empty_value)
};

// INTERNAL when the summary lacks a named field or it is not numeric (the
// refdata test keeps the catalog and the summaries in step).
absl::StatusOr<MetricReading> ReadMetric(const v1::MetricDefinition& metric,
                                         const google::protobuf::Message& summary);

// "tasks.on_time_rate" → "tasks".
std::string MetricSource(absl::string_view metric_name);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_METRIC_READER_H_
