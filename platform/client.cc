// Channels, deadlines and identities for outgoing calls.
#include "platform/client.h"

namespace parhub::platform {

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(R"json({
    "methodConfig": [{
      "name": [{}],
      "retryPolicy": {
        "maxAttempts": 4,
        "initialBackoff": "0.05s",
        "maxBackoff": "0.5s",
        "backoffMultiplier": 2,
        "retryableStatusCodes": ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]
      }
    }]
  })json");
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

void SetDeadline(grpc::ClientContext& context, absl::Duration budget,
                 const grpc::ServerContextBase* incoming) {
  auto deadline = std::chrono::system_clock::now() + absl::ToChronoMilliseconds(budget);
  if (incoming != nullptr && incoming->deadline() < deadline) deadline = incoming->deadline();
  context.set_deadline(deadline);
}

void AttachIdentity(grpc::ClientContext& context, const IdentityKey& key, const Caller& caller,
                    absl::Duration ttl) {
  context.AddMetadata(kIdentityHeader, key.Sign(NewIdentity(caller, ttl)));
  if (!caller.request_id.empty()) context.AddMetadata(kRequestIdHeader, caller.request_id);
}

}  // namespace parhub::platform
