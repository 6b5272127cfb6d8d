// Mail formatting (RFC 5322, MIME, RFC 2047 encoded-words) and the SMTP
// mailer over libcurl (see smtp_mail.h).
#include "platform/core/smtp_mail.h"

#include <curl/curl.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "platform/core/date.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {
namespace {

// RFC 5322's recommended line length, and RFC 2047's longest encoded-word.
constexpr size_t kMaxLine = 78;
constexpr size_t kMaxEncodedWord = 75;
constexpr absl::string_view kWordStart = "=?UTF-8?B?";
constexpr absl::string_view kWordEnd = "?=";
constexpr size_t kBodyLine = 76;

// Length of the well-formed UTF-8 sequence at text[pos] (strict RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
size_t Utf8SequenceLength(absl::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t code_point = 0, smallest = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(pos + i) & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

bool IsValidUtf8(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = Utf8SequenceLength(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

absl::Status InvalidUtf8(absl::string_view field) {
  return InvalidField(field, "không phải văn bản UTF-8 hợp lệ (not valid UTF-8)");
}

// A header's text: valid UTF-8, one line, no control characters (C0, DEL,
// C1), so nothing a caller passes can start another header.
absl::Status CheckHeaderText(absl::string_view text, absl::string_view field) {
  if (!IsValidUtf8(text)) return InvalidUtf8(field);
  if (text.find_first_of("\r\n") != absl::string_view::npos) {
    return InvalidField(
        field, "không được xuống dòng: có ký tự CR hoặc LF (must be a single line: contains CR or LF)");
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (c < 0x20 || c == 0x7F || c1) {
      return InvalidField(field, "không được chứa ký tự điều khiển (must not contain control characters)");
    }
  }
  return absl::OkStatus();
}

bool IsAtext(char c) {
  return absl::ascii_isalnum(c) ||
         absl::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != absl::string_view::npos;
}

// A required address, safe in a header and in SMTP's <…>: ValidateEmail,
// plus a dot-atom local part (no quotes, commas, angle brackets…).
absl::Status CheckAddress(absl::string_view address, absl::string_view field) {
  if (address.empty()) return InvalidField(field, "bắt buộc (required)");
  RETURN_IF_ERROR(CheckHeaderText(address, field));
  RETURN_IF_ERROR(ValidateEmail(address, field));
  const absl::string_view local = address.substr(0, address.find('@'));
  bool dot_atom = local.front() != '.' && local.back() != '.' && !absl::StrContains(local, "..");
  for (char c : local) {
    if (c != '.' && !IsAtext(c)) dot_atom = false;
  }
  if (!dot_atom) {
    return InvalidField(field,
                        "phần trước @ chỉ được gồm chữ, số, dấu chấm đơn và !#$%&'*+-/=?^_`{|}~ "
                        "(the part before @ must be a dot-atom)");
  }
  return absl::OkStatus();
}

// A host name: dot-separated labels of letters, digits and '-'.
absl::Status CheckDomain(absl::string_view domain, absl::string_view field) {
  bool ok = !domain.empty() && domain.size() <= 253;
  for (absl::string_view label : absl::StrSplit(domain, '.')) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') ok = false;
    for (char c : label) {
      if (!absl::ascii_isalnum(c) && c != '-') ok = false;
    }
  }
  if (ok) return absl::OkStatus();
  return InvalidField(field, "không phải tên miền hợp lệ, ví dụ parhub.vn (not a host name)");
}

// "Tue, 10 Jun 2025 08:05:00 +0700", in English as RFC 5322 requires
// (not through strftime, whose names follow the process locale).
std::string RfcDate(absl::Time now) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilSecond local = absl::ToCivilSecond(now, VietnamTimeZone());
  const int weekday = static_cast<int>(absl::GetWeekday(local));  // absl: Monday is 0
  return absl::StrFormat("%s, %02d %s %04d %02d:%02d:%02d +0700", kDays[weekday], local.day(),
                         kMonths[local.month() - 1], local.year(), local.hour(), local.minute(),
                         local.second());
}

bool IsPlainAscii(absl::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return !absl::StrContains(text, "=?");
}

// `name` + ":" followed by `text` as RFC 2047 encoded-words, one per line
// (continuation lines start with a space), each holding as many whole UTF-8
// sequences as fit in kMaxLine and kMaxEncodedWord. No CRLF at the end.
std::string EncodedWordsHeader(absl::string_view name, absl::string_view text) {
  std::string out = absl::StrCat(name, ":");
  size_t line_start = 0;  // where the current line starts in `out`
  size_t pos = 0;
  while (pos < text.size()) {
    // The word follows a space on the current line.
    const size_t used = out.size() - line_start + 1;
    const size_t word_room = used >= kMaxLine ? 0 : std::min(kMaxEncodedWord, kMaxLine - used);
    const size_t max_bytes = word_room > kWordStart.size() + kWordEnd.size()
                                 ? (word_room - kWordStart.size() - kWordEnd.size()) / 4 * 3
                                 : 0;
    if (max_bytes < 4) {  // a long header name: start on the next line
      out += "\r\n";
      line_start = out.size();
      continue;
    }
    size_t end = pos;
    while (end < text.size()) {
      const size_t length = Utf8SequenceLength(text, end);  // text is valid UTF-8
      if (end + length - pos > max_bytes) break;
      end += length;
    }
    absl::StrAppend(&out, " ", kWordStart, absl::Base64Escape(text.substr(pos, end - pos)), kWordEnd);
    pos = end;
    if (pos < text.size()) {
      out += "\r\n";
      line_start = out.size();
    }
  }
  return out;
}

// An unstructured header (Subject): as is when it is short printable ASCII,
// else encoded-words.
std::string TextHeader(absl::string_view name, absl::string_view text) {
  if (text.empty()) return absl::StrCat(name, ":");
  if (IsPlainAscii(text) && name.size() + 2 + text.size() <= kMaxLine && text.front() != ' ' &&
      text.back() != ' ') {
    return absl::StrCat(name, ": ", text);
  }
  return EncodedWordsHeader(name, text);
}

// From: the display name as an atom phrase, a quoted string or
// encoded-words, then <address> (on a line of its own when it would not
// fit).
std::string FromHeader(absl::string_view display_name, absl::string_view address) {
  if (display_name.empty()) return absl::StrCat("From: ", address);
  std::string header;
  if (IsPlainAscii(display_name)) {
    bool atoms =
        display_name.front() != ' ' && display_name.back() != ' ' && !absl::StrContains(display_name, "  ");
    for (char c : display_name) {
      if (c != ' ' && !IsAtext(c)) atoms = false;
    }
    std::string phrase;
    if (atoms) {
      phrase = std::string(display_name);
    } else {
      phrase = "\"";
      for (char c : display_name) {
        if (c == '"' || c == '\\') phrase += '\\';
        phrase += c;
      }
      phrase += '"';
    }
    if (6 + phrase.size() <= kMaxLine) header = absl::StrCat("From: ", phrase);
  }
  if (header.empty()) header = EncodedWordsHeader("From", display_name);
  const size_t newline = header.rfind('\n');
  const size_t last_line = newline == std::string::npos ? header.size() : header.size() - newline - 1;
  const std::string angle = absl::StrCat("<", address, ">");
  absl::StrAppend(&header, last_line + 1 + angle.size() <= kMaxLine ? " " : "\r\n ", angle);
  return header;
}

// MIME's canonical text: every line end CRLF.
std::string CanonicalLineEnds(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

// --- SMTP through libcurl -------------------------------------------------

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

bool GetUrlPart(CURLU* url, CURLUPart part, unsigned flags, std::string* out) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK) return false;
  *out = value == nullptr ? "" : value;
  curl_free(value);
  return true;
}

struct Upload {
  absl::string_view data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// What the session said last: the verb of the last command sent and the
// server's reply to it. QUIT, which libcurl sends on its way out after a
// refusal too, and its reply are left out, so the refusal stays. Only verbs
// are kept from what is sent, so the login's base64 lines are never stored.
struct Transcript {
  std::string command;
  std::string reply;
  bool reply_complete = false;
  bool quitting = false;
};

int OnCurlDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  auto* transcript = static_cast<Transcript*>(user);
  const absl::string_view text(data, size);
  if (type == CURLINFO_HEADER_OUT) {
    std::string verb = absl::AsciiStrToUpper(text.substr(0, text.find_first_of(" \r\n")));
    static constexpr absl::string_view kVerbs[] = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL",
                                                   "RCPT", "DATA", "RSET",     "NOOP", "QUIT"};
    if (std::find(std::begin(kVerbs), std::end(kVerbs), verb) == std::end(kVerbs)) verb = "AUTH";
    transcript->quitting = verb == "QUIT";
    if (transcript->quitting) return 0;
    transcript->command = std::move(verb);
    transcript->reply.clear();
    transcript->reply_complete = false;
  } else if (type == CURLINFO_HEADER_IN && !transcript->quitting) {
    for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
      line = absl::StripTrailingAsciiWhitespace(line);
      if (line.empty()) continue;
      if (transcript->reply_complete) {
        transcript->reply.clear();
        transcript->reply_complete = false;
      }
      if (!transcript->reply.empty()) transcript->reply += " | ";
      for (char c : line) {
        if (transcript->reply.size() >= 400) break;
        transcript->reply += (c >= 0x20 && c <= 0x7E) ? c : '?';
      }
      if (line.size() < 4 || line[3] != '-') transcript->reply_complete = true;
    }
  }
  return 0;
}

int ReplyCode(absl::string_view reply) {
  if (reply.size() < 3 || !absl::ascii_isdigit(reply[0]) || !absl::ascii_isdigit(reply[1]) ||
      !absl::ascii_isdigit(reply[2])) {
    return 0;
  }
  return (reply[0] - '0') * 100 + (reply[1] - '0') * 10 + (reply[2] - '0');
}

}  // namespace

absl::StatusOr<std::string> FormatMailMessage(const MailMessage& message, absl::Time now,
                                              absl::string_view message_id_domain) {
  RETURN_IF_ERROR(CheckAddress(message.from, "from"));
  RETURN_IF_ERROR(CheckHeaderText(message.from_name, "from_name"));
  RETURN_IF_ERROR(CheckAddress(message.to, "to"));
  RETURN_IF_ERROR(CheckHeaderText(message.subject, "subject"));
  if (!IsValidUtf8(message.text_body)) return InvalidUtf8("text_body");
  RETURN_IF_ERROR(CheckDomain(message_id_domain, "message_id_domain"));

  std::string out;
  absl::StrAppend(&out, "Date: ", RfcDate(now), "\r\n");
  absl::StrAppend(&out, FromHeader(message.from_name, message.from), "\r\n");
  absl::StrAppend(&out, "To: ", message.to, "\r\n");
  absl::StrAppend(&out, TextHeader("Subject", message.subject), "\r\n");
  absl::StrAppend(&out, "Message-ID: <", RandomHex(16), "@", message_id_domain, ">\r\n");
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  const std::string body = absl::Base64Escape(CanonicalLineEnds(message.text_body));
  for (size_t pos = 0; pos < body.size(); pos += kBodyLine) {
    absl::StrAppend(&out, absl::string_view(body).substr(pos, kBodyLine), "\r\n");
  }
  return out;
}

absl::StatusOr<std::unique_ptr<SmtpMailer>> SmtpMailer::Make(SmtpSettings settings) {
  static const CURLcode global_init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (global_init != CURLE_OK) {
    return absl::InternalError(absl::StrCat("curl_global_init: ", curl_easy_strerror(global_init)));
  }
  constexpr absl::string_view kField = "smtp_url";
  const auto not_smtp = [&] {
    return InvalidField(kField,
                        "phải có dạng smtp://máy-chủ:cổng hoặc smtps://máy-chủ:cổng "
                        "(must be smtp://host:port or smtps://host:port)");
  };
  if (settings.url.empty()) return InvalidField(kField, "bắt buộc (required)");
  for (char c : settings.url) {
    if (c <= 0x20 || c >= 0x7F) return not_smtp();
  }
  std::unique_ptr<CURLU, CurlDeleter> url(curl_url());
  if (url == nullptr) return absl::InternalError("curl_url: out of memory");
  if (curl_url_set(url.get(), CURLUPART_URL, settings.url.c_str(), 0) != CURLUE_OK) return not_smtp();
  std::string scheme, host, port, ignored;
  if (!GetUrlPart(url.get(), CURLUPART_SCHEME, 0, &scheme) ||
      (absl::AsciiStrToLower(scheme) != "smtp" && absl::AsciiStrToLower(scheme) != "smtps")) {
    return not_smtp();
  }
  // curl forgives "smtp:/host" and "smtp:///host"; a setting should say
  // scheme://host.
  const std::string authority_start = absl::StrCat(scheme, "://");
  if (!absl::StartsWithIgnoreCase(settings.url, authority_start) ||
      settings.url.size() == authority_start.size() || settings.url[authority_start.size()] == '/' ||
      !GetUrlPart(url.get(), CURLUPART_HOST, 0, &host) || host.empty()) {
    return InvalidField(kField, "thiếu tên máy chủ (the URL has no host)");
  }
  if (GetUrlPart(url.get(), CURLUPART_USER, 0, &ignored) ||
      GetUrlPart(url.get(), CURLUPART_PASSWORD, 0, &ignored)) {
    return InvalidField(kField,
                        "không được chứa tên đăng nhập hay mật khẩu; đặt chúng riêng (must not contain a "
                        "user name or password; set them separately)");
  }
  if (!GetUrlPart(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT, &port)) return not_smtp();
  if (settings.timeout <= absl::ZeroDuration()) {
    return InvalidField("smtp_timeout", "phải lớn hơn 0 (must be positive)");
  }
  RETURN_IF_ERROR(CheckDomain(settings.message_id_domain, "message_id_domain"));
  std::string server = absl::StrCat(host, ":", port);
  return std::unique_ptr<SmtpMailer>(new SmtpMailer(std::move(settings), std::move(server)));
}

SmtpMailer::SmtpMailer(SmtpSettings settings, std::string server)
    : settings_(std::move(settings)), server_(std::move(server)) {}

absl::Status SmtpMailer::Send(const MailMessage& message) {
  ASSIGN_OR_RETURN(const std::string data,
                   FormatMailMessage(message, absl::Now(), settings_.message_id_domain));
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (curl == nullptr) return absl::InternalError("curl_easy_init failed");
  const std::string mail_from = absl::StrCat("<", message.from, ">");
  std::unique_ptr<curl_slist, CurlDeleter> recipients(
      curl_slist_append(nullptr, absl::StrCat("<", message.to, ">").c_str()));
  if (recipients == nullptr) return absl::InternalError("curl_slist_append: out of memory");
  const long timeout_ms =
      static_cast<long>(std::clamp<int64_t>(absl::ToInt64Milliseconds(settings_.timeout), 1, INT_MAX));
  char error[CURL_ERROR_SIZE] = {0};
  Upload upload{data};
  Transcript transcript;

  CURL* h = curl.get();
  CURLcode set = CURLE_OK;
  const auto check = [&set](CURLcode result) {
    if (set == CURLE_OK) set = result;
  };
  check(curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str()));
  check(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps"));
  check(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
  check(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error));
  check(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms));
  check(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms));
  check(curl_easy_setopt(h, CURLOPT_USE_SSL,
                         static_cast<long>(settings_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY)));
  if (!settings_.ca_file.empty()) check(curl_easy_setopt(h, CURLOPT_CAINFO, settings_.ca_file.c_str()));
  if (!settings_.username.empty()) {
    check(curl_easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str()));
    check(curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str()));
  }
  check(curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str()));
  check(curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get()));
  check(curl_easy_setopt(h, CURLOPT_UPLOAD, 1L));
  check(curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadUpload));
  check(curl_easy_setopt(h, CURLOPT_READDATA, &upload));
  // The debug stream is how libcurl shows the server's replies; nothing is
  // printed.
  check(curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, &OnCurlDebug));
  check(curl_easy_setopt(h, CURLOPT_DEBUGDATA, &transcript));
  check(curl_easy_setopt(h, CURLOPT_VERBOSE, 1L));
  if (set != CURLE_OK)
    return absl::InternalError(absl::StrCat("curl_easy_setopt: ", curl_easy_strerror(set)));

  const CURLcode result = curl_easy_perform(h);
  if (result == CURLE_OK) return absl::OkStatus();

  const std::string detail = error[0] != '\0' ? std::string(error) : curl_easy_strerror(result);
  const int code = ReplyCode(transcript.reply);
  const std::string reply =
      transcript.reply.empty() ? "" : absl::StrCat("; máy chủ trả lời (reply): ", transcript.reply);
  switch (result) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      return absl::UnavailableError(absl::StrCat("máy chủ thư ", server_, " không trả lời (mail server ",
                                                 server_, " does not answer): ", detail));
    case CURLE_LOGIN_DENIED:
      return absl::PermissionDeniedError(absl::StrCat("máy chủ thư ", server_, " từ chối đăng nhập của '",
                                                      settings_.username, "' (mail server ", server_,
                                                      " refused the login): ", detail, reply));
    case CURLE_USE_SSL_FAILED:
      return absl::FailedPreconditionError(absl::StrCat(
          "máy chủ thư ", server_, " không hỗ trợ STARTTLS mà cấu hình yêu cầu TLS (mail server ", server_,
          " does not offer STARTTLS, which is required): ", detail));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
      return absl::FailedPreconditionError(
          absl::StrCat("không xác minh được chứng chỉ TLS của máy chủ thư ", server_,
                       " (cannot verify the TLS certificate of mail server ", server_, "): ", detail));
    default:
      break;
  }
  if (code >= 400) {
    // Refused by the server: 4xx is temporary, 5xx is not.
    const auto refused = [code](std::string text) {
      return code >= 500 ? absl::FailedPreconditionError(text) : absl::UnavailableError(text);
    };
    if (transcript.command == "RCPT") {
      return refused(absl::StrCat("máy chủ thư ", server_, " không nhận người nhận ", message.to,
                                  " (mail server ", server_, " refused the recipient ", message.to,
                                  "): ", transcript.reply, " (", detail, ")"));
    }
    if (transcript.command == "MAIL") {
      return refused(absl::StrCat("máy chủ thư ", server_, " không nhận người gửi ", message.from,
                                  " (mail server ", server_, " refused the sender ", message.from,
                                  "): ", transcript.reply, " (", detail, ")"));
    }
    return refused(absl::StrCat("máy chủ thư ", server_, " từ chối thư (mail server ", server_,
                                " refused the message): ", transcript.reply, " (", detail, ")"));
  }
  switch (result) {
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PARTIAL_FILE:
      return absl::UnavailableError(
          absl::StrCat("máy chủ thư ", server_, " ngắt kết nối hoặc trả lời sai giao thức (mail server ",
                       server_, " dropped the connection or broke the protocol): ", detail, reply));
    default:
      return absl::InternalError(absl::StrCat("gửi thư qua ", server_, " thất bại (sending mail through ",
                                              server_, " failed): ", detail, reply));
  }
}

}  // namespace parhub::platform
