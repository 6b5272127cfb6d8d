// parhub-complaints: cases under legal deadlines, public filing and
// tracking. Built from the service skeleton (platform/rpc/service_main.h):
// this file only wires the reference data and store → domain → rpc.
#include <memory>

#include "platform/core/feedback_code.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/service_main.h"
#include "services/complaints/rpc/complaints_service.h"
#include "services/complaints/rpc/refdata.h"
#include "services/complaints/store/mysql_complaints_store.h"

namespace {

// Everything the service object uses, owned together.
struct ComplaintsService final {
  ComplaintsService(parhub::platform::ServiceEnv& env, parhub::complaints::LoadedRules refdata_in)
      : refdata(std::move(refdata_in)),
        store(env.db),
        desk(store, *refdata.rules, env.clock),
        public_desk(store, desk, env.identity_key.DeriveKey(parhub::platform::kFeedbackKeyLabel)),
        enrolment(store, desk),
        summarizer(store, *refdata.rules),
        rpc(env.handlers, desk, public_desk, enrolment, summarizer, refdata) {}
  parhub::complaints::LoadedRules refdata;
  parhub::complaints::MySqlComplaintsStore store;
  parhub::complaints::CaseDesk desk;
  parhub::complaints::PublicDesk public_desk;
  parhub::complaints::EnrolmentDesk enrolment;
  parhub::complaints::ComplaintsSummarizer summarizer;
  parhub::complaints::ComplaintServiceImpl rpc;
};

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "complaints",
       .usage = "parhub-complaints: feedback, complaints, denunciations and dossiers under legal deadlines",
       .proto_service = parhub::complaints::v1::ComplaintService::service_full_name(),
       .default_listen = "0.0.0.0:50055",
       .default_metrics = "0.0.0.0:9455",
       .migrations = ComplaintsMigrations,
       .wire = [](parhub::platform::ServiceEnv& env) -> absl::StatusOr<parhub::platform::WiredService> {
         ASSIGN_OR_RETURN(parhub::complaints::LoadedRules loaded, parhub::complaints::LoadEmbeddedRules());
         auto service = std::make_shared<ComplaintsService>(env, std::move(loaded));
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
