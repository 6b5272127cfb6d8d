// Field violations and reasons stored as absl::Status payloads.
#include "platform/core/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace parhub::platform {
namespace {
constexpr char kFieldPayload[] = "parhub.dev/field_violations";
constexpr char kReasonPayload[] = "parhub.dev/reason";
}  // namespace

absl::Status InvalidField(absl::string_view field, absl::string_view description) {
  absl::Status status = absl::InvalidArgumentError(absl::StrCat(field, ": ", description));
  status.SetPayload(kFieldPayload, absl::Cord(absl::StrCat(field, "\t", description)));
  return status;
}

std::vector<FieldViolation> FieldViolations(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kFieldPayload);
  if (!payload) return out;
  // One violation: the field, a tab, then the description as it is. The
  // description may quote the client's text, newlines and tabs included,
  // so nothing after the first tab is split again (a quoted newline once
  // made a second "violation" whose field was the client's text).
  std::pair<std::string, std::string> parts = absl::StrSplit(std::string(*payload), absl::MaxSplits('\t', 1));
  out.push_back({parts.first, parts.second});
  return out;
}

absl::Status WithReason(absl::Status status, absl::string_view reason) {
  status.SetPayload(kReasonPayload, absl::Cord(reason));
  return status;
}

std::string Reason(const absl::Status& status) {
  auto payload = status.GetPayload(kReasonPayload);
  return payload ? std::string(*payload) : std::string();
}

}  // namespace parhub::platform
