// A NotificationSource the tests script: schools, tasks, open cases,
// holiday calendars and accounts as the directory, tasks and complaints
// services would answer them, or a source that is down; and the desk the
// harnesses build over it. The e2e suite sweeps through the real services.
#ifndef PARHUB_SERVICES_REPORTING_TESTS_SCRIPTED_NOTIFICATION_SOURCE_H_
#define PARHUB_SERVICES_REPORTING_TESTS_SCRIPTED_NOTIFICATION_SOURCE_H_

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/reporting/domain/notification_desk.h"
#include "services/reporting/store/mysql_notification_store.h"

namespace parhub::reporting {

class ScriptedNotificationSource final : public NotificationSource {
 public:
  absl::StatusOr<std::vector<std::string>> TopAuthorities(absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    for (const auto& [authority, schools] : schools_) out.push_back(authority);
    return out;
  }
  absl::StatusOr<std::vector<SweptSchool>> SchoolsOf(const std::string& authority_id, platform::Date,
                                                     absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    return schools_[authority_id];
  }
  absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string& school_id, int year,
                                                  absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (tasks_down_.contains(school_id)) return absl::UnavailableError("tasks: connection refused");
    std::vector<PlanTask> out;
    for (const PlanTask& t : tasks_[school_id]) {
      if (t.due_date.year == year) out.push_back(t);
    }
    return out;
  }
  absl::StatusOr<std::vector<OpenCase>> OpenCases(const std::string& school_id, absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    return cases_[school_id];
  }
  absl::StatusOr<platform::HolidayYear> HolidayYear(int year, absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = years_.find(year);
    if (it == years_.end()) return absl::NotFoundError(absl::StrCat("no holiday calendar for ", year));
    return it->second;
  }
  absl::StatusOr<std::vector<Recipient>> Accounts(const std::string& parent, absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    return accounts_[parent];
  }

  void AddSchool(const std::string& authority, SweptSchool school) {
    std::lock_guard<std::mutex> lock(mu_);
    schools_[authority].push_back(std::move(school));
  }
  void AddTask(const std::string& school, PlanTask task) {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_[school].push_back(std::move(task));
  }
  void AddCase(const std::string& school, OpenCase c) {
    std::lock_guard<std::mutex> lock(mu_);
    cases_[school].push_back(std::move(c));
  }
  void AddYear(platform::HolidayYear year) {
    std::lock_guard<std::mutex> lock(mu_);
    years_[year.year] = std::move(year);
  }
  void AddAccount(const std::string& parent, Recipient who) {
    std::lock_guard<std::mutex> lock(mu_);
    accounts_[parent].push_back(std::move(who));
  }
  void SetTasksDown(const std::string& school, bool down) {
    std::lock_guard<std::mutex> lock(mu_);
    if (down) {
      tasks_down_.insert({school, true});
    } else {
      tasks_down_.erase(school);
    }
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::vector<SweptSchool>> schools_;
  std::map<std::string, std::vector<PlanTask>> tasks_;
  std::map<std::string, std::vector<OpenCase>> cases_;
  std::map<int, platform::HolidayYear> years_;
  std::map<std::string, std::vector<Recipient>> accounts_;
  std::map<std::string, bool> tasks_down_;
};

// A test harness's notification desk over MariaDB and a scripted source.
struct TestNotifications final {
  TestNotifications(platform::Db& db, ReportDesk& reports, platform::Mailer* mailer,
                    std::function<absl::Time()> clock)
      : store(db),
        sweeper(store, source, reports, SweepSettings{}, clock),
        desk(store, sweeper, source, mailer,
             DigestMailSettings{.from = "thongbao@parhub.test", .dashboard_url = "https://parhub.test/"},
             clock) {}
  ScriptedNotificationSource source;
  MySqlNotificationStore store;
  NotificationSweeper sweeper;
  NotificationDesk desk;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_TESTS_SCRIPTED_NOTIFICATION_SOURCE_H_
