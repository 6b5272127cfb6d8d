// Outgoing calls: channels that retry on UNAVAILABLE and on RESOURCE_EXHAUSTED
// (a service whose handler threads are all busy; every parhub mutation
// carries a request_id, so a retry is safe), and client contexts
// whose deadline is derived from the incoming call's.
#ifndef PARHUB_PLATFORM_CLIENT_H_
#define PARHUB_PLATFORM_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "platform/caller.h"
#include "platform/identity.h"

namespace parhub::platform {

// An insecure channel (inside the cluster network) with the retry policy.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target);

// Deadline: the sooner of now + `budget` and the incoming call's deadline
// (when there is one), so no downstream call outlives its caller.
void SetDeadline(grpc::ClientContext& context, absl::Duration budget,
                 const grpc::ServerContextBase* incoming = nullptr);

// Attaches a freshly signed identity for `caller` and its request id.
void AttachIdentity(grpc::ClientContext& context, const IdentityKey& key, const Caller& caller,
                    absl::Duration ttl = absl::Seconds(30));

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CLIENT_H_
