// parhub-reporting: PAR frameworks, self-assessment and appraisal, the live
// forecast and periodic reports pulled from the other services. Built from
// the service skeleton (platform/rpc/service_main.h): this file only wires
// the reference data, the sources and store → domain → rpc.
#include <memory>

#include "absl/flags/flag.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/service_main.h"
#include "services/reporting/rpc/grpc_sources.h"
#include "services/reporting/rpc/refdata.h"
#include "services/reporting/rpc/reporting_service.h"
#include "services/reporting/store/mysql_reporting_store.h"

ABSL_FLAG(
    std::string, sources, "",
    "Where the summaries come from: tasks=host:port,staffing=…,finance=…,complaints=… (default the local "
    "ports 50052-50055); called with this service's own certificate and identity");

namespace {

using namespace parhub::reporting;  // NOLINT: wiring only

// Everything the service object uses, owned together.
struct ReportingService final {
  ReportingService(parhub::platform::ServiceEnv& env, ReportingRefdata refdata_in,
                   std::unique_ptr<GrpcSources> sources_in)
      : refdata(std::move(refdata_in)),
        sources(std::move(sources_in)),
        store(env.db),
        frameworks(store, refdata.catalog, env.clock),
        assessments(store, frameworks, env.clock),
        calendar(refdata.families),
        reports(store, calendar, env.clock),
        summarizer(assessments, frameworks, reports),
        pulls(store, *sources, env.clock),
        forecasts(store, frameworks, assessments, summarizer, pulls, env.clock),
        generator(reports, forecasts, summarizer, pulls),
        rpc(env.handlers,
            ReportingDesks{frameworks, assessments, forecasts, reports, generator, summarizer, refdata}) {}
  ReportingRefdata refdata;
  std::unique_ptr<GrpcSources> sources;
  MySqlReportingStore store;
  FrameworkBook frameworks;
  AssessmentDesk assessments;
  ReportCalendar calendar;
  ReportDesk reports;
  ReportingSummarizer summarizer;
  SourcePulls pulls;
  ForecastDesk forecasts;
  ReportGenerator generator;
  ReportingServiceImpl rpc;
};

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
         ASSIGN_OR_RETURN(ReportingRefdata refdata, LoadEmbeddedRefdata());
         ASSIGN_OR_RETURN(
             std::unique_ptr<GrpcSources> sources,
             GrpcSources::Connect(absl::GetFlag(FLAGS_sources), env.client_credentials, env.identity_key));
         auto service = std::make_shared<ReportingService>(env, std::move(refdata), std::move(sources));
         RETURN_IF_ERROR(service->frameworks.Seed(service->refdata.frameworks));
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
