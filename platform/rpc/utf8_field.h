// Which string field of a serialized message holds invalid UTF-8. Protobuf
// 3.21 refuses to parse a proto3 message whose `string` field is not UTF-8
// and says only "false"; InvalidUtf8Field walks the wire format itself
// against the message's descriptor (recursing into singular, repeated and
// map message fields) so a server can name the field in a field violation
// instead of answering "malformed request". IsValidUtf8 is strict RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequences.
#ifndef PARHUB_PLATFORM_RPC_UTF8_FIELD_H_
#define PARHUB_PLATFORM_RPC_UTF8_FIELD_H_

#include <google/protobuf/descriptor.h>

#include <string>

#include "absl/strings/string_view.h"

namespace parhub::platform {

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(absl::string_view text);

// The path of the first (in wire order) string field of `bytes`, a
// serialized `type`, whose value is not valid UTF-8: "task.title",
// "progress_update.evidence[1].title", or just the map's name ("metadata")
// for a map key or value. "" when there is none, and also when the bytes
// stop being well-formed wire format before one is found.
std::string InvalidUtf8Field(const google::protobuf::Descriptor& type, absl::string_view bytes);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_UTF8_FIELD_H_
