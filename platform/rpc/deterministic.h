// A message's bytes in one canonical order (protobuf's deterministic
// serialization: map entries sorted), for hashes that must not depend on how
// a message was built: a report version's content hash, and the idempotency
// ledger's fingerprint of a request (everything but its request_id).
#ifndef PARHUB_PLATFORM_RPC_DETERMINISTIC_H_
#define PARHUB_PLATFORM_RPC_DETERMINISTIC_H_

#include <google/protobuf/message.h>

#include <string>

namespace parhub::platform {

std::string DeterministicBytes(const google::protobuf::Message& message);
// The request's deterministic bytes with its `request_id` field cleared.
std::string FingerprintBytes(const google::protobuf::Message& request);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_DETERMINISTIC_H_
