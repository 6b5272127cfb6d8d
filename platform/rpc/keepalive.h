// HTTP/2 keepalive between parhub processes. A channel with calls in flight
// pings its server every kKeepaliveTimeMs and drops a connection that does
// not answer within kKeepaliveTimeoutMs, so a connection that went dead
// without a FIN (half-open) is given up within 15 s instead of taking every
// call until its deadline (tests/e2e/fault_e2e_test.cc). Servers accept
// pings every kMinPingIntervalMs even while a long call sends nothing
// (gRPC's default, 5 min, would answer them with GOAWAY).
#ifndef PARHUB_PLATFORM_RPC_KEEPALIVE_H_
#define PARHUB_PLATFORM_RPC_KEEPALIVE_H_

namespace parhub::platform {

inline constexpr int kKeepaliveTimeMs = 10'000;
inline constexpr int kKeepaliveTimeoutMs = 5'000;
inline constexpr int kMinPingIntervalMs = 5'000;

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_KEEPALIVE_H_
