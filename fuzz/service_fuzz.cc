// The service fuzz targets' shared framing, code and tenant checks, and
// seed writer (service_fuzz.h).
#include "fuzz/service_fuzz.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/stubs/logging.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "platform/core/errors.h"

namespace parhub::fuzz {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

uint8_t RecordReader::Selector() {
  if (at_ != 0 || size_ == 0) return 0;
  at_ = 1;
  return data_[0];
}

bool RecordReader::Next(uint8_t& op, std::string_view& payload) {
  if (at_ == 0) Selector();
  if (at_ >= size_) return false;
  op = data_[at_++];
  size_t length = 0;
  if (at_ < size_) length = data_[at_++];
  if (at_ < size_) length |= static_cast<size_t>(data_[at_++]) << 8;
  if (length > size_ - at_) length = size_ - at_;
  payload = std::string_view(reinterpret_cast<const char*>(data_ + at_), length);
  at_ += length;
  return true;
}

std::string Record(uint8_t op, const Message& request) {
  std::string bytes = request.SerializeAsString();
  std::string out;
  out.push_back(static_cast<char>(op));
  out.push_back(static_cast<char>(bytes.size() & 0xff));
  out.push_back(static_cast<char>((bytes.size() >> 8) & 0xff));
  return out + bytes;
}

bool IsClearRefusal(const absl::Status& status) {
  if (status.ok() || status.message().empty()) return false;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kUnauthenticated:
      return true;
    default:
      return false;
  }
}

bool IsFieldError(const absl::Status& status) {
  if (!absl::IsInvalidArgument(status)) return false;
  const std::vector<platform::FieldViolation> violations = platform::FieldViolations(status);
  if (violations.empty()) return false;
  for (const platform::FieldViolation& v : violations) {
    if (v.field.empty() || v.description.empty()) return false;
  }
  return true;
}

namespace {

bool IsResourceName(const std::string& text) {
  return absl::StartsWith(text, "schools/") || absl::StartsWith(text, "authorities/") ||
         absl::StartsWith(text, "accounts/");
}

bool Allowed(const std::string& text, const std::vector<std::string>& prefixes) {
  for (const std::string& prefix : prefixes) {
    if (absl::StartsWith(text, prefix) && (text.size() == prefix.size() || text[prefix.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool Listed(const std::string& name, const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    if (n == name) return true;
  }
  return false;
}

// Whether every name-holding string field of `message` passes `ok`.
bool EveryName(const Message& message, const std::vector<std::string>& name_fields,
               const std::function<bool(const std::string&)>& ok) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
          if (!EveryName(reflection->GetRepeatedMessage(message, field, i), name_fields, ok)) {
            return false;
          }
        }
      } else if (!EveryName(reflection->GetMessage(message, field), name_fields, ok)) {
        return false;
      }
      continue;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_STRING || !Listed(field->name(), name_fields)) continue;
    std::vector<std::string> values;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
        values.push_back(reflection->GetRepeatedString(message, field, i));
      }
    } else {
      values.push_back(reflection->GetString(message, field));
    }
    for (const std::string& value : values) {
      if (!ok(value)) {
        std::fprintf(stderr, "field %s names another tenant: %s\n", field->full_name().c_str(),
                     value.c_str());
        return false;
      }
    }
  }
  return true;
}

}  // namespace

bool NamesOnly(const Message& message, const std::vector<std::string>& allowed_prefixes,
               const std::vector<std::string>& name_fields) {
  return EveryName(message, name_fields, [&](const std::string& value) {
    return !IsResourceName(value) || Allowed(value, allowed_prefixes);
  });
}

bool NamesNone(const Message& message, const std::vector<std::string>& denied_prefixes,
               const std::vector<std::string>& name_fields) {
  return EveryName(message, name_fields,
                   [&](const std::string& value) { return !Allowed(value, denied_prefixes); });
}

void Trace(int op, const absl::Status& status) {
  static const bool on = std::getenv("PARHUB_FUZZ_TRACE") != nullptr;
  if (on) std::fprintf(stderr, "rpc %d: %s\n", op, status.ToString().c_str());
}

void StartTarget(const std::vector<std::string>& seeds) {
  google::protobuf::SetLogHandler([](google::protobuf::LogLevel, const char*, int, const std::string&) {});
  const char* dir = std::getenv("PARHUB_FUZZ_WRITE_SEEDS");
  if (dir == nullptr || *dir == '\0') return;
  for (size_t i = 0; i < seeds.size(); ++i) {
    std::ofstream out(absl::StrFormat("%s/seed-%02d", dir, i), std::ios::binary);
    out << seeds[i];
  }
  std::fprintf(stderr, "wrote %zu seeds to %s\n", seeds.size(), dir);
  std::exit(0);
}

}  // namespace parhub::fuzz
