// A school's PAR self-assessment of a year and the authority's appraisal.
//
//   from \ to   SUBMITTED  APPRAISED  RETURNED
//   DRAFT       Submit     -          -
//   SUBMITTED   -          Appraise   Return
//   RETURNED    Submit     -          -
//
// The assessment is created (DRAFT, one item per sub-criterion) on first
// read; items change only in DRAFT and RETURNED; Submit freezes the METRIC
// items' values and points from the live forecast; every submitted,
// appraised or returned state is kept whole in the history.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_ASSESSMENT_DESK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_ASSESSMENT_DESK_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "services/reporting/domain/reporting_store.h"

namespace parhub::reporting {

using ::parhub::platform::Caller;

// The frameworks: the embedded ones seeded at start, and those officers
// created since.
class FrameworkBook final {
 public:
  FrameworkBook(ReportingStore& store, const v1::MetricCatalog& catalog, std::function<absl::Time()> clock)
      : store_(store), catalog_(catalog), clock_(std::move(clock)) {}

  // Stores the embedded frameworks that are not stored yet (validated first).
  absl::Status Seed(const std::vector<v1::ParFramework>& frameworks);
  absl::StatusOr<v1::ParFramework> Get(const std::string& id);
  // The framework that scores `year` at `level`: the newest version.
  // NOT_FOUND when the data has none for that year.
  absl::StatusOr<v1::ParFramework> ForYear(int year, const std::string& level);
  absl::StatusOr<std::vector<v1::ParFramework>> List(int year, const std::string& level);
  // Validates and stores; the id must be new and the year the framework's.
  absl::StatusOr<v1::ParFramework> Create(const Caller& caller, const std::string& id,
                                          v1::ParFramework framework);

  const v1::MetricCatalog& catalog() const { return catalog_; }

 private:
  ReportingStore& store_;
  const v1::MetricCatalog& catalog_;
  std::function<absl::Time()> clock_;
};

class AssessmentDesk final {
 public:
  AssessmentDesk(ReportingStore& store, FrameworkBook& frameworks, std::function<absl::Time()> clock)
      : store_(store), frameworks_(frameworks), clock_(std::move(clock)) {}

  // The year's assessment, created as a DRAFT on first read.
  absl::StatusOr<v1::ParAssessment> Get(const Caller& caller, const std::string& school_id, int year);
  // Every submitted, appraised and returned state, oldest first, totals
  // filled (who may read the assessment may read its history).
  absl::StatusOr<std::vector<v1::AssessmentVersion>> History(const Caller& caller,
                                                             const std::string& school_id, int year);
  // The assessment if it exists (no creation), for the forecast.
  absl::StatusOr<std::optional<v1::ParAssessment>> Find(const std::string& school_id, int year);
  // The same for many schools in one read: those that have one, by school.
  absl::StatusOr<std::map<std::string, v1::ParAssessment>> FindAll(
      int year, const std::vector<std::string>& school_ids);
  absl::StatusOr<std::vector<v1::ParAssessment>> List(const Caller& caller, const std::string& school_id);
  // A SELF_ASSESSED item's points, explanation and evidence.
  absl::StatusOr<v1::AssessmentItem> UpdateItem(const Caller& caller, const std::string& school_id, int year,
                                                const v1::AssessmentItem& item);
  // `forecast` is the live forecast just computed: METRIC items freeze its
  // values and points.
  absl::StatusOr<v1::ParAssessment> Submit(const Caller& caller, const std::string& school_id, int year,
                                           const v1::ParForecast& forecast);
  // Replaces the recorded bonuses and penalties (DRAFT or RETURNED).
  absl::StatusOr<v1::ParAssessment> SetAdjustments(const Caller& caller, const std::string& school_id,
                                                   int year,
                                                   const std::vector<v1::AssessmentAdjustment>& adjustments);
  absl::StatusOr<v1::ParAssessment> Appraise(const Caller& caller, const std::string& school_id, int year,
                                             const std::vector<v1::ItemAppraisal>& appraisals);
  absl::StatusOr<v1::ParAssessment> Return(const Caller& caller, const std::string& school_id, int year,
                                           const std::string& reason);

 private:
  absl::StatusOr<StoredAssessment> Load(const std::string& school_id, int year, Lock lock);
  absl::StatusOr<StoredAssessment> LoadOrCreate(const std::string& school_id, int year);
  // Runs `change` on the locked assessment, then stores it (and, when
  // `history_action` is set, its snapshot).
  absl::StatusOr<v1::ParAssessment> Change(const Caller& caller, const std::string& school_id, int year,
                                           const std::string& history_action,
                                           const std::function<absl::Status(v1::ParAssessment&)>& change);

  ReportingStore& store_;
  FrameworkBook& frameworks_;
  std::function<absl::Time()> clock_;
};

// "schools/{school}/parAssessments/{year}".
std::string AssessmentName(const std::string& school_id, int year);
// Recomputes self_total and appraised_total from the items.
void Totalize(v1::ParAssessment& assessment);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_ASSESSMENT_DESK_H_
