// NotificationStore on MySQL/MariaDB (schema: migrations/005_notifications.sql).
#ifndef PARHUB_SERVICES_REPORTING_STORE_MYSQL_NOTIFICATION_STORE_H_
#define PARHUB_SERVICES_REPORTING_STORE_MYSQL_NOTIFICATION_STORE_H_

#include "platform/db/db.h"
#include "services/reporting/domain/notification.h"

namespace parhub::reporting {

class MySqlNotificationStore final : public NotificationStore {
 public:
  explicit MySqlNotificationStore(platform::Db& db) : db_(db) {}

  absl::StatusOr<int> Record(const std::vector<Notification>& notifications) override;
  absl::StatusOr<std::vector<Notification>> List(const std::string& school_id,
                                                 const NotificationFilter& filter, int64_t after,
                                                 int limit) override;
  absl::StatusOr<std::vector<Notification>> OfDay(const DigestScope& scope, platform::Date day) override;
  absl::StatusOr<bool> ClaimDelivery(const std::string& account_id, platform::Date day,
                                     const std::string& email, absl::Time now,
                                     absl::Duration stale_after) override;
  absl::Status FinishDelivery(const std::string& account_id, platform::Date day, const std::string& error,
                              absl::Time now) override;

 private:
  platform::Db& db_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_STORE_MYSQL_NOTIFICATION_STORE_H_
