// E-mail messages (platform/core/smtp_mail.h) from hostile names, subjects
// and bodies: FormatMailMessage either refuses or writes a message whose
// lines all end in CRLF and stay within 78 characters in the header (an
// address, which cannot be folded, within RFC 5322's limit), with
// exactly one From, To and Subject header — a school or person name can
// never add a header (Bcc:) — and a body that decodes back to the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "fuzz/fuzz_check.h"
#include "platform/core/smtp_mail.h"

namespace {

int CountHeader(const std::string& header, const std::string& name) {
  int count = 0;
  for (size_t at = 0; (at = header.find("\r\n" + name + ":", at)) != std::string::npos; ++at) ++count;
  if (header.rfind(name + ":", 0) == 0) ++count;
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Fields separated by NUL: from_name, subject, to, body (a missing one is
  // a plain value, so most inputs reach the formatter).
  std::vector<std::string> parts =
      absl::StrSplit(std::string(reinterpret_cast<const char*>(data), size), absl::MaxSplits('\0', 3));
  parts.resize(4);
  parhub::platform::MailMessage message{"thongbao@parhub.test", parts[0],
                                        parts[2].empty() ? "hieutruong@truong.test" : parts[2], parts[1],
                                        parts[3]};
  absl::StatusOr<std::string> raw =
      parhub::platform::FormatMailMessage(message, absl::FromUnixSeconds(1764720000), "parhub.test");
  if (!raw.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(raw.status()));
    return 0;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    if ((*raw)[i] == '\n') FUZZ_CHECK(i > 0 && (*raw)[i - 1] == '\r');
    if ((*raw)[i] == '\r') FUZZ_CHECK(i + 1 < raw->size() && (*raw)[i + 1] == '\n');
  }
  const size_t end = raw->find("\r\n\r\n");
  FUZZ_CHECK(end != std::string::npos);
  const std::string header = raw->substr(0, end);
  // Folded header lines keep to 78 characters; an address cannot be folded,
  // so "To: " and a long address (up to 254) may pass 78, never RFC 5322's
  // hard 998.
  for (absl::string_view line : absl::StrSplit(header, "\r\n")) {
    FUZZ_CHECK(line.size() <= 78 || (absl::StartsWith(line, "To: ") && line.size() <= 4 + 254));
  }
  FUZZ_CHECK(CountHeader(header, "From") == 1);
  FUZZ_CHECK(CountHeader(header, "To") == 1);
  FUZZ_CHECK(CountHeader(header, "Subject") == 1);
  FUZZ_CHECK(CountHeader(header, "Bcc") == 0 && CountHeader(header, "Cc") == 0);
  std::string body;
  FUZZ_CHECK(absl::Base64Unescape(absl::StrReplaceAll(raw->substr(end + 4), {{"\r\n", ""}}), &body));
  // Every line end, CRLF, LF or a lone CR, is written CRLF.
  const std::string expected = absl::StrReplaceAll(
      absl::StrReplaceAll(absl::StrReplaceAll(message.text_body, {{"\r\n", "\n"}}), {{"\r", "\n"}}),
      {{"\n", "\r\n"}});
  FUZZ_CHECK(body == expected || body == expected + "\r\n");
  return 0;
}
