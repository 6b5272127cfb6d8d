// Channels, deadlines and identities for outgoing calls.
#include "platform/rpc/client.h"

#include "platform/rpc/keepalive.h"

namespace parhub::platform {

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target,
                                           std::shared_ptr<grpc::ChannelCredentials> credentials,
                                           const std::string& peer_name) {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(R"json({
    "methodConfig": [{
      "name": [{}],
      "retryPolicy": {
        "maxAttempts": 4,
        "initialBackoff": "0.05s",
        "maxBackoff": "0.5s",
        "backoffMultiplier": 2,
        "retryableStatusCodes": ["UNAVAILABLE"]
      }
    }]
  })json");
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, kKeepaliveTimeMs);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, kKeepaliveTimeoutMs);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  if (!peer_name.empty()) args.SetSslTargetNameOverride(peer_name);
  return grpc::CreateCustomChannel(target, std::move(credentials), args);
}

void SetDeadline(grpc::ClientContext& context, absl::Duration budget,
                 const grpc::ServerContextBase* incoming) {
  auto deadline = std::chrono::system_clock::now() + absl::ToChronoMilliseconds(budget);
  if (incoming != nullptr && incoming->deadline() < deadline) deadline = incoming->deadline();
  context.set_deadline(deadline);
}

void AttachIdentity(grpc::ClientContext& context, const IdentityKey& key, const Caller& caller,
                    absl::string_view method) {
  context.AddMetadata(kIdentityHeader, key.Sign(NewIdentity(caller, method, absl::Now())));
  if (!caller.trace_id.empty()) context.AddMetadata(kTraceIdHeader, caller.trace_id);
}

}  // namespace parhub::platform
