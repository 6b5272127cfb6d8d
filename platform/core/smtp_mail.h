// E-mail sending for notification digests: a plain-text UTF-8 message
// formatted as RFC 5322 / MIME (encoded-word headers, base64 body), and a
// Mailer that hands it to a configured SMTP server through libcurl.
#ifndef PARHUB_PLATFORM_CORE_SMTP_MAIL_H_
#define PARHUB_PLATFORM_CORE_SMTP_MAIL_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace parhub::platform {

// One plain-text message to one recipient. Every field is UTF-8; the
// addresses are ASCII (checked by ValidateEmail, and their local part must
// be a dot-atom: letters, digits and !#$%&'*+-/=?^_`{|}~ with single dots).
struct MailMessage final {
  std::string from;       // envelope and header sender, e.g. "thongbao@parhub.vn"; required
  std::string from_name;  // display name, e.g. "Hệ thống PAR Index"; may be empty
  std::string to;         // the one recipient; required
  std::string subject;    // a single line; may be empty
  std::string text_body;  // any number of lines; '\n' or "\r\n" line ends
};

// What domain code sends mail through; tests substitute their own.
class Mailer {
 public:
  virtual ~Mailer() = default;
  // OK once the server has accepted the message for delivery.
  virtual absl::Status Send(const MailMessage& message) = 0;
};

// `message` as an RFC 5322 message with CRLF line ends, ready for SMTP DATA:
// Date (at `now`, Asia/Ho_Chi_Minh, +0700), From, To, Subject, Message-ID
// (<32 random hex digits@message_id_domain>), MIME-Version 1.0, Content-Type
// text/plain; charset=UTF-8, Content-Transfer-Encoding base64, then the body
// in base64 lines of 76 characters. The body's line ends become CRLF before
// it is encoded (MIME's canonical form for text), so it decodes to
// text_body with every "\n" written as "\r\n".
//
// A non-ASCII display name or subject (or one that would not fit on one
// line, or contains "=?") is written as RFC 2047 encoded-words
// =?UTF-8?B?…?=, as many as needed so that no line is longer than 78
// characters; no encoded-word splits a UTF-8 sequence.
//
// INVALID_ARGUMENT naming the field ("from", "from_name", "to", "subject",
// "text_body", "message_id_domain") for: an empty from or to; an address
// ValidateEmail refuses or whose local part is not a dot-atom; CR, LF or
// any other control character in from, from_name, to or subject (header
// injection); invalid UTF-8 anywhere; a message_id_domain that is not a
// host name.
absl::StatusOr<std::string> FormatMailMessage(const MailMessage& message, absl::Time now,
                                              absl::string_view message_id_domain);

struct SmtpSettings final {
  // "smtp://host:port" (STARTTLS when the server offers it; see
  // require_tls) or "smtps://host:port" (TLS from the first byte). Port
  // defaults: 25 and 465. No user name or password in the URL.
  std::string url;
  std::string username;  // empty: no login
  std::string password;  // never logged nor put in a status
  // smtp:// only: refuse to send unless the server upgrades to TLS with
  // STARTTLS (CURLUSESSL_ALL). Without it, STARTTLS is still used when
  // the server offers it (CURLUSESSL_TRY), and the login goes in clear
  // when it does not.
  bool require_tls = false;
  std::string ca_file;                         // PEM CA bundle to verify the server; empty: the system's
  absl::Duration timeout = absl::Seconds(30);  // for the whole exchange, connecting included
  std::string message_id_domain = "parhub.local";
};

// A Mailer over SMTP with libcurl: one connection per Send, so one
// SmtpMailer may be shared by any number of threads.
//
// Send's errors (the server is named as host:port, curl's own words
// follow; the password never appears):
//   INVALID_ARGUMENT     the message itself (see FormatMailMessage);
//   UNAVAILABLE          the server cannot be reached, times out, drops
//                        the connection, or answers 4xx (try again later);
//   FAILED_PRECONDITION  the server refuses the recipient (naming the
//                        address and the server's reply), the sender or the
//                        message with a 5xx reply, does not offer STARTTLS
//                        when require_tls is set, or its TLS certificate
//                        does not verify;
//   PERMISSION_DENIED    the server refuses the login;
//   INTERNAL             anything else libcurl reports.
class SmtpMailer final : public Mailer {
 public:
  // INVALID_ARGUMENT naming "smtp_url" unless settings.url is an smtp:// or
  // smtps:// URL with a host and without user name or password; naming
  // "smtp_timeout" unless the timeout is positive, "message_id_domain"
  // unless that is a host name.
  static absl::StatusOr<std::unique_ptr<SmtpMailer>> Make(SmtpSettings settings);

  absl::Status Send(const MailMessage& message) override;

  // "host:port", as errors name the server.
  const std::string& server() const { return server_; }

 private:
  SmtpMailer(SmtpSettings settings, std::string server);

  const SmtpSettings settings_;
  const std::string server_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_SMTP_MAIL_H_
