// Pulling the other services' period summaries. A SummarySource fetches
// them (over gRPC with the service's own identity, rpc/grpc_sources.h);
// SourcePulls keeps every good answer per school, source and period, and
// when a source fails hands back its last good answer marked stale with its
// time — or nothing, when there never was one.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_SOURCE_PULLS_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_SOURCE_PULLS_H_

#include <google/protobuf/message.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/date.h"
#include "services/reporting/domain/forecaster.h"
#include "services/reporting/domain/reporting_store.h"

namespace parhub::reporting {

// The sources another service answers: "tasks", "staffing", "finance",
// "complaints".
const std::set<std::string>& RemoteSources();
// An empty summary message of `source` (to parse stored pulls); null when
// unknown.
std::unique_ptr<google::protobuf::Message> NewSummary(const std::string& source);

using FetchResults = std::map<std::string, absl::StatusOr<std::shared_ptr<const google::protobuf::Message>>>;

// A school's name and its managing authority's, as the directory has them.
struct SchoolNames final {
  std::string school;
  std::string authority;
};

// A task of the school's plans, as the tasks service has it.
struct PlanTask final {
  std::string name;  // "schools/{s}/plans/{p}/tasks/{t}"
  std::string code;  // "1.5"
  std::string title;
  int percent_done = 0;
  bool overdue = false;
  platform::Date due_date;
  bool open = true;        // neither done nor cancelled
  std::string directive;   // "authorities/{a}/directives/{d}" when it came from one
  absl::Time create_time;  // when it was added to the plan
};

class SummarySource {
 public:
  virtual ~SummarySource() = default;
  // Every task of the school's plans of `year`.
  virtual absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string& school_id, int year,
                                                          absl::Time deadline) = 0;
  // The school's and its authority's display names (for a report's header).
  virtual absl::StatusOr<SchoolNames> Names(const std::string& school_id, absl::Time deadline) = 0;
  // Each requested source's summary of the school for [start, end], asked
  // in parallel; every call ends by `deadline`.
  virtual FetchResults Fetch(const std::string& school_id, platform::Date start, platform::Date end,
                             const std::set<std::string>& sources, absl::Time deadline) = 0;
};

class SourcePulls final {
 public:
  SourcePulls(ReportingStore& store, SummarySource& source, std::function<absl::Time()> clock)
      : store_(store), source_(source), clock_(std::move(clock)) {}

  // Fresh summaries where the source answered, the last good pull (stale)
  // where it did not, none where it never did.
  SummarySource& source() { return source_; }
  absl::StatusOr<PulledSummaries> Pull(const std::string& school_id, platform::Date start, platform::Date end,
                                       const std::set<std::string>& sources, absl::Time deadline);

 private:
  ReportingStore& store_;
  SummarySource& source_;
  std::function<absl::Time()> clock_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_SOURCE_PULLS_H_
