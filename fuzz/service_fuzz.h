// Shared pieces of the service fuzz targets (fuzz/*_rpc_fuzz.cc,
// fuzz/*_convert_fuzz.cc): the input framing, the codes a refusal may
// carry, a check that a response names only the caller's tenant, and the
// seeds each target writes itself.
//
// Input: one selector byte (the caller, or a variant), then records of
//   [op byte][length: 2 bytes, little-endian][payload: a serialized request]
// where `op` picks the RPC (modulo the target's count) and the payload is
// parsed with ParseFromArray into that RPC's request message. A truncated
// last record takes what is left.
//
// Seeds: with PARHUB_FUZZ_WRITE_SEEDS=<dir> set, a target writes its seed
// inputs (serialized valid requests, framed as above) there and exits; the
// repository's fuzz/corpus/<target>/ was made that way.
#ifndef PARHUB_FUZZ_SERVICE_FUZZ_H_
#define PARHUB_FUZZ_SERVICE_FUZZ_H_

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace parhub::fuzz {

class RecordReader final {
 public:
  RecordReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  // The selector byte (0 when the input is empty).
  uint8_t Selector();
  // The next record; false at the end of the input.
  bool Next(uint8_t& op, std::string_view& payload);

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

// One record: op, length, the message serialized.
std::string Record(uint8_t op, const google::protobuf::Message& request);

// A refusal a client can act on: INVALID_ARGUMENT, NOT_FOUND,
// ALREADY_EXISTS, FAILED_PRECONDITION, PERMISSION_DENIED, OUT_OF_RANGE or
// UNAUTHENTICATED, with a message. Never INTERNAL, UNKNOWN or another code
// that means the server broke.
bool IsClearRefusal(const absl::Status& status);

// What a proto → domain conversion may refuse with: INVALID_ARGUMENT naming
// the offending request field (a field violation with a field path).
bool IsFieldError(const absl::Status& status);

// Every string field of `message` (recursively) that holds a resource name
// ("schools/…", "authorities/…", "accounts/…") names one of `allowed_prefixes`
// ("schools/a", …: the prefix must be followed by '/' or the end). Fields
// whose text is the caller's own (notes, titles) are skipped by name:
// `name_fields` lists the fields that hold names.
bool NamesOnly(const google::protobuf::Message& message, const std::vector<std::string>& allowed_prefixes,
               const std::vector<std::string>& name_fields);
// The opposite: no such field names one of `denied_prefixes`.
bool NamesNone(const google::protobuf::Message& message, const std::vector<std::string>& denied_prefixes,
               const std::vector<std::string>& name_fields);

// With PARHUB_FUZZ_TRACE set: prints each request's RPC number and status
// (to see what a seed reaches).
void Trace(int op, const absl::Status& status);

// Call from LLVMFuzzerInitialize: silences protobuf's log (it reports the
// invalid UTF-8 of every other fuzzed string field), and when
// PARHUB_FUZZ_WRITE_SEEDS names a directory, writes `seeds` there as
// seed-00, seed-01, … and exits.
void StartTarget(const std::vector<std::string>& seeds);

}  // namespace parhub::fuzz

#endif  // PARHUB_FUZZ_SERVICE_FUZZ_H_
