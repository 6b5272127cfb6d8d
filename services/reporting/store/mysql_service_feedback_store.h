// ServiceFeedbackStore on MySQL/MariaDB (schema:
// migrations/007_service_feedback.sql).
#ifndef PARHUB_SERVICES_REPORTING_STORE_MYSQL_SERVICE_FEEDBACK_STORE_H_
#define PARHUB_SERVICES_REPORTING_STORE_MYSQL_SERVICE_FEEDBACK_STORE_H_

#include "platform/db/db.h"
#include "services/reporting/domain/service_feedback.h"

namespace parhub::reporting {

class MySqlServiceFeedbackStore final : public ServiceFeedbackStore {
 public:
  explicit MySqlServiceFeedbackStore(platform::Db& db) : db_(db) {}

  absl::StatusOr<bool> InsertAnswer(const FeedbackAnswer& answer) override;
  absl::StatusOr<std::vector<FeedbackMonthSums>> MonthSums(const std::string& school_id, int year,
                                                           int questions) override;
  absl::StatusOr<std::map<std::string, FeedbackFigures>> FiguresOf(const std::vector<std::string>& school_ids,
                                                                   platform::Date start,
                                                                   platform::Date end) override;

 private:
  platform::Db& db_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_STORE_MYSQL_SERVICE_FEEDBACK_STORE_H_
