// The signed identity every service checks (platform/rpc/identity.h): any
// token a peer presents is either accepted only when it is the key's own
// signature or refused as UNAUTHENTICATED; an identity of fuzzed fields,
// signed, verifies to the same fields, and flipping any byte of the token
// makes it refused.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "fuzz/fuzz_check.h"
#include "platform/rpc/identity.h"

namespace {

const parhub::platform::IdentityKey& Key() {
  static const auto* key = [] {
    auto made = parhub::platform::IdentityKey::Create(std::string(32, 'k'));
    FUZZ_CHECK(made.ok());
    return new parhub::platform::IdentityKey(*std::move(made));
  }();
  return *key;
}

constexpr char kMethod[] = "/parhub.tasks.v1.TaskService/GetTask";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const absl::Time now = absl::FromUnixSeconds(1764720000);
  auto presented = Key().Verify(text, kMethod, now);
  FUZZ_CHECK(presented.ok() || absl::IsUnauthenticated(presented.status()));
  // The bytes as a caller (printable ASCII, as ids and names reach an
  // identity only after their checks): subject, school, authority.
  std::string ascii = text;
  for (char& c : ascii) c = static_cast<char>(' ' + static_cast<unsigned char>(c) % 95);
  parhub::platform::Caller caller;
  caller.role = static_cast<parhub::platform::Role>(1 + size % 4);
  caller.subject = ascii.substr(0, size / 3);
  caller.school_id = ascii.substr(size / 3, size / 3);
  caller.authority_id = ascii.substr(2 * (size / 3));
  caller.trace_id = "fuzz";
  const auto identity = parhub::platform::NewIdentity(caller, kMethod, now, absl::Seconds(15));
  const std::string token = Key().Sign(identity);
  auto verified = Key().Verify(token, kMethod, now);
  FUZZ_CHECK(verified.ok());
  FUZZ_CHECK(verified->SerializeAsString() == identity.SerializeAsString());
  if (!token.empty()) {
    std::string flipped = token;
    flipped[size % flipped.size()] ^= 0x01;
    FUZZ_CHECK(!Key().Verify(flipped, kMethod, now).ok());
  }
  return 0;
}
