// The property every *_convert_fuzz target checks on a proto → domain
// conversion: it either refuses with INVALID_ARGUMENT naming the field
// (service_fuzz.h, IsFieldError), or gives a value that survives the trip
// back: domain → proto → domain → proto gives the same proto again (what
// the service stores and answers reads back the same). The conversions run
// as the services' adapters run them, before any store, for school "a".
#ifndef PARHUB_FUZZ_CONVERT_FUZZ_H_
#define PARHUB_FUZZ_CONVERT_FUZZ_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/service_fuzz.h"

namespace parhub::fuzz {

inline constexpr char kSchool[] = "a";

template <typename Request>
bool ParsePayload(std::string_view bytes, Request& request) {
  return request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

// A conversion's answer: refused with a field error, or a value.
template <typename Value>
bool Converted(const absl::StatusOr<Value>& value) {
  if (!value.ok() && !IsFieldError(value.status())) {
    std::fprintf(stderr, "not a field error: %s\n", value.status().ToString().c_str());
    FUZZ_CHECK(IsFieldError(value.status()));
  }
  return value.ok();
}

// The domain value's own tenant, as the store would set it, when it has one.
template <typename Value>
void InSchool(Value& value) {
  if constexpr (requires(Value & v) { v.school_id; }) value.school_id = kSchool;
}

// `from(input)` refuses with a field error, or `to(from(to(from(input))))`
// equals `to(from(input))`.
template <typename Proto, typename From, typename To>
void CheckRoundTrip(const Proto& input, From from, To to) {
  auto first = from(input);
  if (!Converted(first)) return;
  InSchool(*first);
  const auto proto = to(*first);
  auto second = from(proto);
  if (!second.ok()) {
    std::fprintf(stderr, "the converted value's proto is refused: %s\n", second.status().ToString().c_str());
  }
  FUZZ_CHECK(second.ok());
  InSchool(*second);
  FUZZ_CHECK(to(*second).SerializeAsString() == proto.SerializeAsString());
}

}  // namespace parhub::fuzz

#endif  // PARHUB_FUZZ_CONVERT_FUZZ_H_
