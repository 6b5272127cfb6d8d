// Strict UTF-8 validation and a descriptor-guided wire-format walk.
#include "platform/rpc/utf8_field.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <climits>
#include <cstdint>
#include <map>

#include "absl/strings/str_cat.h"

namespace parhub::platform {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

enum class Walk { kClean, kFound, kMalformed };

// Walks the fields of `type` until the end of `in` (or its current limit);
// `in` reads `all`, so a string is checked where it lies, without a copy.
Walk WalkMessage(const Descriptor& type, absl::string_view all, CodedInputStream& in,
                 const std::string& prefix, std::string* found) {
  std::map<int, int> elements;  // field number → repeated elements seen so far
  while (true) {
    uint32_t tag = in.ReadTag();
    if (tag == 0) return in.BytesUntilLimit() <= 0 && in.ExpectAtEnd() ? Walk::kClean : Walk::kMalformed;
    const FieldDescriptor* field = type.FindFieldByNumber(WireFormatLite::GetTagFieldNumber(tag));
    bool text_or_message = field != nullptr && (field->type() == FieldDescriptor::TYPE_STRING ||
                                                field->type() == FieldDescriptor::TYPE_MESSAGE);
    if (!text_or_message ||
        WireFormatLite::GetTagWireType(tag) != WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      if (!WireFormatLite::SkipField(&in, tag)) return Walk::kMalformed;
      continue;
    }
    std::string path = absl::StrCat(prefix, field->name());
    if (field->is_repeated() && !field->is_map()) {
      absl::StrAppend(&path, "[", elements[field->number()]++, "]");
    }
    uint32_t length = 0;
    if (!in.ReadVarint32(&length) || length > static_cast<uint32_t>(INT_MAX)) return Walk::kMalformed;
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      int start = in.CurrentPosition();
      if (!in.Skip(static_cast<int>(length))) return Walk::kMalformed;
      if (!IsValidUtf8(all.substr(start, length))) {
        *found = path;
        return Walk::kFound;
      }
      continue;
    }
    if (!in.IncrementRecursionDepth()) return Walk::kMalformed;
    CodedInputStream::Limit limit = in.PushLimit(static_cast<int>(length));
    Walk inner = WalkMessage(*field->message_type(), all, in, absl::StrCat(path, "."), found);
    if (inner == Walk::kFound && field->is_map()) *found = path;  // the map, not "metadata.value"
    if (inner != Walk::kClean) return inner;
    in.PopLimit(limit);
    in.DecrementRecursionDepth();
  }
}

}  // namespace

bool IsValidUtf8(absl::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    unsigned char lead = *p;
    if (lead < 0x80) {
      ++p;
      continue;
    }
    int continuation = 0;     // bytes after the lead
    uint32_t code_point = 0;  // the lead's payload bits, then the whole code point
    uint32_t smallest = 0;    // the smallest code point this length may encode
    if ((lead & 0xE0) == 0xC0) {
      continuation = 1;
      code_point = lead & 0x1F;
      smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      continuation = 2;
      code_point = lead & 0x0F;
      smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      continuation = 3;
      code_point = lead & 0x07;
      smallest = 0x10000;
    } else {
      return false;  // a continuation byte without a lead, or 0xF8..0xFF
    }
    if (end - p <= continuation) return false;
    for (int i = 1; i <= continuation; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (p[i] & 0x3F);
    }
    if (code_point < smallest) return false;                         // overlong
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;  // surrogate
    if (code_point > 0x10FFFF) return false;
    p += continuation + 1;
  }
  return true;
}

std::string InvalidUtf8Field(const Descriptor& type, absl::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return "";
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()), static_cast<int>(bytes.size()));
  std::string found;
  return WalkMessage(type, bytes, in, "", &found) == Walk::kFound ? found : "";
}

}  // namespace parhub::platform
