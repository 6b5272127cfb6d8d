// Outgoing calls: channels that retry only on UNAVAILABLE (every parhub
// mutation carries a request_id, so a retry is safe), contexts whose
// deadline is derived from the incoming call's, and the signed identity for
// exactly one method of one service.
#ifndef PARHUB_PLATFORM_RPC_CLIENT_H_
#define PARHUB_PLATFORM_RPC_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "platform/rpc/identity.h"

namespace parhub::platform {

// The largest message any parhub server accepts or client channel carries:
// 20 MiB, room for a bank statement file of 16 MiB with its envelope
// (gRPC's default is 4 MiB). Each RPC still checks its own, smaller limits.
inline constexpr int kMaxMessageBytes = 20 << 20;

// A channel to `target` with the retry policy. With TLS credentials,
// `peer_name` is the name the server's certificate must carry ("tasks").
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target,
                                           std::shared_ptr<grpc::ChannelCredentials> credentials,
                                           const std::string& peer_name = "");

// Deadline: the sooner of now + `budget` and the incoming call's deadline
// (when there is one), so no downstream call outlives its caller.
void SetDeadline(grpc::ClientContext& context, absl::Duration budget,
                 const grpc::ServerContextBase* incoming = nullptr);

// Attaches a freshly signed identity of `caller` for one call of `method`
// ("/parhub.tasks.v1.TaskService/GetTask"), and its trace id.
void AttachIdentity(grpc::ClientContext& context, const IdentityKey& key, const Caller& caller,
                    absl::string_view method);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_CLIENT_H_
