// parhub-staffing: roster, quotas, ratings and downsizing. Built from the
// service skeleton (platform/rpc/service_main.h): this file only wires the
// catalog and store → domain → rpc.
#include <memory>

#include "platform/core/status_macros.h"
#include "platform/rpc/service_main.h"
#include "services/staffing/rpc/convert.h"
#include "services/staffing/rpc/staffing_service.h"
#include "services/staffing/store/mysql_staffing_store.h"

namespace {

// Everything the service object uses, owned together.
struct StaffingService final {
  StaffingService(parhub::platform::ServiceEnv& env, parhub::staffing::DownsizingCatalog catalog_in)
      : catalog(std::move(catalog_in)),
        store(env.db),
        roster(store, env.clock),
        ratings(store, env.clock),
        desk(store, catalog, env.clock),
        inspections(store, env.clock),
        voice(store, env.clock),
        summarizer(store, desk, env.clock),
        rpc(env.handlers, roster, ratings, desk, inspections, voice, summarizer) {}
  parhub::staffing::DownsizingCatalog catalog;
  parhub::staffing::MySqlStaffingStore store;
  parhub::staffing::Roster roster;
  parhub::staffing::RatingBook ratings;
  parhub::staffing::DownsizingDesk desk;
  parhub::staffing::InspectionBook inspections;
  parhub::staffing::StaffVoice voice;
  parhub::staffing::StaffingSummarizer summarizer;
  parhub::staffing::StaffingServiceImpl rpc;
};

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "staffing",
       .usage = "parhub-staffing: roster, quotas, ratings and downsizing service",
       .proto_service = parhub::staffing::v1::StaffingService::service_full_name(),
       .default_listen = "0.0.0.0:50053",
       .default_metrics = "0.0.0.0:9453",
       .migrations = StaffingMigrations,
       .wire = [](parhub::platform::ServiceEnv& env) -> absl::StatusOr<parhub::platform::WiredService> {
         ASSIGN_OR_RETURN(parhub::staffing::LoadedCatalog loaded, parhub::staffing::LoadEmbeddedCatalog());
         auto service = std::make_shared<StaffingService>(env, std::move(loaded.catalog));
         service->rpc.SetCatalogProto(std::move(loaded.proto));
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
