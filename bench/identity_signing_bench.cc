// Micro-benchmark of what every forwarded call pays twice (the gateway signs
// an identity, the service verifies it): HMAC-SHA256 computed one-shot
// (OpenSSL 3 fetches and keys the algorithm on every call) versus with a
// context keyed once and copied per call, side by side in one run.
#include <benchmark/benchmark.h>

#include <string>

#include "platform/core/crypto.h"

namespace {

const std::string kKey(64, 'k');
const std::string kPayload(120, 'p');  // about the size of a serialized Identity

void BM_HmacOneShot(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parhub::platform::HmacSha256(kKey, kPayload));
}
BENCHMARK(BM_HmacOneShot);

void BM_HmacPreparedSigner(benchmark::State& state) {
  parhub::platform::HmacSha256Signer signer(kKey);
  for (auto _ : state) benchmark::DoNotOptimize(signer.Mac(kPayload));
}
BENCHMARK(BM_HmacPreparedSigner);

}  // namespace

BENCHMARK_MAIN();
