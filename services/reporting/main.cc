// parhub-reporting: PAR frameworks, self-assessment and appraisal, the live
// forecast and periodic reports pulled from the other services. Built from
// the service skeleton (platform/rpc/service_main.h): this file only wires
// the reference data, the sources and store → domain → rpc.
#include <memory>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "platform/core/crypto.h"
#include "platform/core/feedback_code.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/service_main.h"
#include "services/reporting/domain/forecast_schedule.h"
#include "services/reporting/domain/notification_schedule.h"
#include "services/reporting/rpc/grpc_sources.h"
#include "services/reporting/rpc/refdata.h"
#include "services/reporting/rpc/reporting_service.h"
#include "services/reporting/store/mysql_notification_store.h"
#include "services/reporting/store/mysql_reporting_store.h"
#include "services/reporting/store/mysql_service_feedback_store.h"
#include "services/reporting/store/mysql_sipas_store.h"

ABSL_FLAG(
    std::string, sources, "",
    "Where the summaries come from: tasks=host:port,staffing=…,finance=…,complaints=… (default the local "
    "ports 50052-50055); called with this service's own certificate and identity");
ABSL_FLAG(int, forecast_refresh_minutes, 15,
          "Recompute every known school's forecast this often, pulling the services (0: only on demand)");
ABSL_FLAG(int, report_forecast_max_age_minutes, 15,
          "A generated report's forecast section reuses the school's stored forecast when it is at most this "
          "old and every source answered for it, instead of pulling every service a second time (0: always "
          "recompute)");
ABSL_FLAG(std::string, sipas_code_key, "",
          "Secret (>= 32 bytes) keying the HMAC under which SIPAS respondent codes are stored (prefer "
          "PARHUB_SIPAS_CODE_KEY_FILE); changing it makes every unused code unknown. Unset: derived from "
          "--identity_key, so rotating that key also voids unused codes");
ABSL_FLAG(
    int, notify_hour, 6,
    "Sweep every authority's schools for notifications once a day at or after this hour, Ho Chi Minh City "
    "time, and e-mail the digests (-1: only when an officer runs a sweep)");
ABSL_FLAG(int, notify_due_working_days, 3,
          "A task, report or case is 'due soon' when its due date is at most this many working days away");
ABSL_FLAG(std::string, smtp_url, "",
          "SMTP server for the digests' e-mails, smtp://host:port or smtps://host:port (unset: no e-mail)");
ABSL_FLAG(std::string, smtp_user, "", "SMTP login, when the server wants one");
ABSL_FLAG(std::string, smtp_password, "", "SMTP password (prefer PARHUB_SMTP_PASSWORD_FILE)");
ABSL_FLAG(bool, smtp_require_tls, false, "Refuse to send unless the smtp:// server upgrades with STARTTLS");
ABSL_FLAG(std::string, smtp_from, "",
          "The digests' sender address, e.g. thongbao@truong.edu.vn (needed with --smtp_url)");
ABSL_FLAG(std::string, dashboard_url, "",
          "The dashboard's address, printed at the end of each digest e-mail");
ABSL_DECLARE_FLAG(std::string, identity_key);

namespace {

using namespace parhub::reporting;  // NOLINT: wiring only

// Everything the service object uses, owned together.
struct ReportingService final {
  ReportingService(parhub::platform::ServiceEnv& env, ReportingRefdata refdata_in,
                   std::unique_ptr<GrpcSources> sources_in, const std::string& sipas_code_key,
                   std::unique_ptr<parhub::platform::Mailer> mailer_in)
      : refdata(std::move(refdata_in)),
        sources(std::move(sources_in)),
        mailer(std::move(mailer_in)),
        store(env.db),
        sipas_store(env.db),
        sipas(sipas_store, refdata.questionnaire, sipas_code_key, env.clock),
        sipas_comparisons(sipas_store, sipas, env.clock),
        frameworks(store, refdata.catalog, env.clock),
        assessments(store, frameworks, env.clock),
        calendar(refdata.families),
        reports(store, calendar, env.clock),
        feedback_store(env.db),
        feedback(feedback_store, env.identity_key.DeriveKey(parhub::platform::kFeedbackKeyLabel), env.clock),
        summarizer(assessments, frameworks, reports, sipas, feedback),
        pulls(store, *sources, env.clock),
        forecasts(store, frameworks, assessments, summarizer, pulls, env.clock),
        generator(reports, forecasts, summarizer, pulls,
                  absl::Minutes(absl::GetFlag(FLAGS_report_forecast_max_age_minutes))),
        official_results(store, frameworks, *sources, env.clock),
        notification_store(env.db),
        sweeper(notification_store, *sources, reports,
                SweepSettings{.due_within = absl::GetFlag(FLAGS_notify_due_working_days)}, env.clock),
        notifications(notification_store, sweeper, *sources, mailer.get(),
                      DigestMailSettings{.from = absl::GetFlag(FLAGS_smtp_from),
                                         .dashboard_url = absl::GetFlag(FLAGS_dashboard_url)},
                      env.clock),
        rpc(env.handlers,
            ReportingDesks{frameworks, assessments, forecasts, reports, generator, summarizer,
                           official_results, refdata, sipas, sipas_comparisons, notifications, feedback}),
        schedule(store, forecasts, absl::Minutes(absl::GetFlag(FLAGS_forecast_refresh_minutes)), env.clock),
        notification_schedule(notifications, *sources, absl::GetFlag(FLAGS_notify_hour), env.clock) {}
  ReportingRefdata refdata;
  std::unique_ptr<GrpcSources> sources;
  std::unique_ptr<parhub::platform::Mailer> mailer;  // null: no SMTP configured
  MySqlReportingStore store;
  MySqlSipasStore sipas_store;
  SipasDesk sipas;
  SipasComparisons sipas_comparisons;
  FrameworkBook frameworks;
  AssessmentDesk assessments;
  ReportCalendar calendar;
  ReportDesk reports;
  MySqlServiceFeedbackStore feedback_store;
  ServiceFeedbackDesk feedback;
  ReportingSummarizer summarizer;
  SourcePulls pulls;
  ForecastDesk forecasts;
  ReportGenerator generator;
  OfficialResults official_results;
  MySqlNotificationStore notification_store;
  NotificationSweeper sweeper;
  NotificationDesk notifications;
  ReportingServiceImpl rpc;
  ForecastSchedule schedule;  // the schedules last: stopped first, before what they use
  NotificationSchedule notification_schedule;
};

// The respondent codes' HMAC key: --sipas_code_key, or one derived from the
// identity key (RunService has refused a missing or short one by now).
absl::StatusOr<std::string> SipasCodeKey() {
  std::string key = absl::GetFlag(FLAGS_sipas_code_key);
  if (!key.empty()) {
    if (key.size() < kMinCodeKeyBytes) {
      return absl::InvalidArgumentError("--sipas_code_key must be at least 32 bytes");
    }
    return key;
  }
  parhub::platform::LogWarning(
      "--sipas_code_key not set: respondent codes are keyed by a key derived from --identity_key; rotating "
      "that key makes unused codes unknown");
  return parhub::platform::HmacSha256(absl::GetFlag(FLAGS_identity_key),
                                      "parhub.reporting.sipas-code-key.v1");
}

// The digests' mailer from the --smtp_* flags; null when --smtp_url is unset.
absl::StatusOr<std::unique_ptr<parhub::platform::Mailer>> DigestMailer() {
  if (absl::GetFlag(FLAGS_notify_due_working_days) < 0) {
    return absl::InvalidArgumentError("--notify_due_working_days must be 0 or more");
  }
  const std::string url = absl::GetFlag(FLAGS_smtp_url);
  if (url.empty()) return nullptr;
  if (absl::GetFlag(FLAGS_smtp_from).empty()) {
    return absl::InvalidArgumentError("--smtp_from is needed with --smtp_url (the digests' sender address)");
  }
  parhub::platform::SmtpSettings settings;
  settings.url = url;
  settings.username = absl::GetFlag(FLAGS_smtp_user);
  settings.password = absl::GetFlag(FLAGS_smtp_password);
  settings.require_tls = absl::GetFlag(FLAGS_smtp_require_tls);
  ASSIGN_OR_RETURN(auto mailer, parhub::platform::SmtpMailer::Make(settings));
  return std::unique_ptr<parhub::platform::Mailer>(std::move(mailer));
}

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "reporting",
       .usage = "parhub-reporting: PAR self-assessment, live forecast and periodic reports",
       .proto_service = parhub::reporting::v1::ReportingService::service_full_name(),
       .default_listen = "0.0.0.0:50056",
       .default_metrics = "0.0.0.0:9456",
       .migrations = ReportingMigrations,
       .wire = [](parhub::platform::ServiceEnv& env) -> absl::StatusOr<parhub::platform::WiredService> {
         if (absl::GetFlag(FLAGS_report_forecast_max_age_minutes) < 0) {
           return absl::InvalidArgumentError("--report_forecast_max_age_minutes must be 0 or more");
         }
         ASSIGN_OR_RETURN(ReportingRefdata refdata, LoadEmbeddedRefdata());
         ASSIGN_OR_RETURN(
             std::unique_ptr<GrpcSources> sources,
             GrpcSources::Connect(absl::GetFlag(FLAGS_sources), env.client_credentials, env.identity_key));
         RETURN_IF_ERROR(ValidateQuestionnaire(refdata.questionnaire));
         ASSIGN_OR_RETURN(std::string sipas_code_key, SipasCodeKey());
         ASSIGN_OR_RETURN(std::unique_ptr<parhub::platform::Mailer> mailer, DigestMailer());
         auto service = std::make_shared<ReportingService>(env, std::move(refdata), std::move(sources),
                                                           sipas_code_key, std::move(mailer));
         RETURN_IF_ERROR(service->frameworks.Seed(service->refdata.frameworks));
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
