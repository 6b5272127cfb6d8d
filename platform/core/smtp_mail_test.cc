// Tests of platform/core/smtp_mail.h: the formatted message decodes back to
// what was given, header injection is refused, and SmtpMailer talks real
// SMTP to the local sink (platform/testing/smtp_sink.h).
#include "platform/core/smtp_mail.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "platform/core/date.h"
#include "platform/core/vntext.h"
#include "platform/testing/smtp_sink.h"
#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsInvalidField;
using ::parhub::testing::SmtpSink;
using ::parhub::testing::SmtpSinkOptions;
using ::parhub::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

constexpr char kSubject[] =
    "Tổng hợp tiến độ kế hoạch cải thiện Chỉ số CCHC (PAR Index) và mức độ hài lòng SIPAS "
    "của Trường Mầm non Bến Thành — tuần 24/2025 — phường Sài Gòn, Tân Định, Cầu Ông Lãnh";
constexpr char kBody[] =
    "Kính gửi Ban giám hiệu,\n"
    "\n"
    "Trong tuần, 3 nhiệm vụ đã hoàn thành, 2 nhiệm vụ quá hạn.\n"
    ".Dòng bắt đầu bằng dấu chấm.\n"
    "Trân trọng,\r\n"
    "Hệ thống parhub";

MailMessage VietnameseMessage() {
  return MailMessage{.from = "thongbao@parhub.example.vn",
                     .from_name = "Hệ thống theo dõi cải cách hành chính — Phường Bến Thành",
                     .to = "hieutruong.mn2010@truong.example.vn",
                     .subject = kSubject,
                     .text_body = kBody};
}

// `text` with every line end written CRLF.
std::string Crlf(absl::string_view text) {
  return absl::StrReplaceAll(absl::StrReplaceAll(text, {{"\r\n", "\n"}}), {{"\n", "\r\n"}});
}

absl::Time June10() { return absl::FromCivil(absl::CivilSecond(2025, 6, 10, 8, 5, 0), VietnamTimeZone()); }

// The text of a header value with its encoded-words decoded; whitespace
// between two adjacent encoded-words is dropped (RFC 2047 §6.2). Each
// encoded-word's own bytes must be valid UTF-8 (no split sequence).
std::string DecodeHeader(absl::string_view value) {
  std::string out;
  bool previous_encoded = false;
  for (absl::string_view token : absl::StrSplit(value, ' ', absl::SkipEmpty())) {
    const bool encoded = absl::StartsWith(token, "=?UTF-8?B?") && absl::EndsWith(token, "?=");
    if (!out.empty() && !(encoded && previous_encoded)) out += ' ';
    if (encoded) {
      std::string bytes;
      EXPECT_TRUE(absl::Base64Unescape(token.substr(10, token.size() - 12), &bytes)) << token;
      EXPECT_LE(token.size(), 75u) << token;
      EXPECT_OK(NormalizeNfc(bytes, "word")) << "an encoded-word splits a UTF-8 sequence: " << token;
      out += bytes;
    } else {
      absl::StrAppend(&out, token);
    }
    previous_encoded = encoded;
  }
  return out;
}

struct ParsedMail {
  std::map<std::string, std::string> headers;  // unfolded raw values, by name
  std::string body;                            // decoded from base64
  int subject_lines = 0;
};

// Splits an RFC 5322 message, checking as it goes that every line ends in
// CRLF (no bare CR or LF) and is at most 78 characters.
ParsedMail ParseMail(absl::string_view raw) {
  ParsedMail mail;
  EXPECT_TRUE(absl::EndsWith(raw, "\r\n"));
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n') {
      EXPECT_TRUE(i > 0 && raw[i - 1] == '\r') << "bare LF at " << i;
    }
    if (raw[i] == '\r') {
      EXPECT_TRUE(i + 1 < raw.size() && raw[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  std::vector<absl::string_view> lines = absl::StrSplit(absl::StripSuffix(raw, "\r\n"), "\r\n");
  size_t i = 0;
  std::string last;
  for (; i < lines.size() && !lines[i].empty(); ++i) {
    EXPECT_LE(lines[i].size(), 78u) << lines[i];
    if (lines[i].front() == ' ' || lines[i].front() == '\t') {
      mail.headers[last] += std::string(lines[i]);
      if (last == "Subject") ++mail.subject_lines;
      continue;
    }
    const size_t colon = lines[i].find(':');
    EXPECT_NE(colon, absl::string_view::npos) << lines[i];
    last = std::string(lines[i].substr(0, colon));
    EXPECT_EQ(mail.headers.count(last), 0u) << "header twice: " << last;
    mail.headers[last] = std::string(absl::StripPrefix(lines[i].substr(colon + 1), " "));
    if (last == "Subject") mail.subject_lines = 1;
  }
  EXPECT_LT(i, lines.size()) << "no blank line after the headers";
  std::string base64;
  for (++i; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 76u);
    base64 += std::string(lines[i]);
  }
  EXPECT_TRUE(absl::Base64Unescape(base64, &mail.body));
  return mail;
}

TEST(FormatMailMessage, VietnameseSubjectNameAndBodyRoundTrip) {
  const MailMessage message = VietnameseMessage();
  ASSERT_OK_AND_ASSIGN(const std::string raw, FormatMailMessage(message, June10(), "parhub.example.vn"));
  const ParsedMail mail = ParseMail(raw);

  EXPECT_EQ(mail.headers.at("Date"), "Tue, 10 Jun 2025 08:05:00 +0700");
  EXPECT_EQ(DecodeHeader(mail.headers.at("From")), absl::StrCat(message.from_name, " <", message.from, ">"));
  EXPECT_EQ(mail.headers.at("To"), message.to);
  EXPECT_EQ(DecodeHeader(mail.headers.at("Subject")), message.subject);
  EXPECT_GE(mail.subject_lines, 3);  // the subject is long: several encoded-words
  EXPECT_THAT(mail.headers.at("Message-ID"), MatchesRegex("<[0-9a-f]{32}@parhub\\.example\\.vn>"));
  EXPECT_EQ(mail.headers.at("MIME-Version"), "1.0");
  EXPECT_EQ(mail.headers.at("Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(mail.headers.at("Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(mail.headers.size(), 8u);
  // The body's line ends become CRLF, MIME's canonical form for text.
  EXPECT_EQ(mail.body, Crlf(kBody));
}

TEST(FormatMailMessage, EveryLengthOfMixedWidthTextRoundTrips) {
  // 1-, 2-, 3- and 4-byte sequences, so word boundaries fall at every
  // offset inside a sequence at some length.
  const std::vector<std::string> pieces = {"a", "ư", "ệ", "😀", " ", "Đ"};
  std::string text;
  for (int n = 1; n <= 160; ++n) {
    text += pieces[static_cast<size_t>(n * 7 % 6)];
    MailMessage message = VietnameseMessage();
    message.subject = text;
    message.from_name = text;
    message.text_body = text;
    ASSERT_OK_AND_ASSIGN(const std::string raw, FormatMailMessage(message, June10(), "parhub.local"));
    const ParsedMail mail = ParseMail(raw);
    EXPECT_EQ(DecodeHeader(mail.headers.at("Subject")), text) << n;
    EXPECT_EQ(DecodeHeader(mail.headers.at("From")), absl::StrCat(text, " <", message.from, ">")) << n;
    EXPECT_EQ(mail.body, text) << n;
  }
}

TEST(FormatMailMessage, ShortAsciiHeadersStayReadable) {
  MailMessage message = VietnameseMessage();
  message.from_name = "PAR Index";
  message.subject = "Bao cao tuan 24";
  ASSERT_OK_AND_ASSIGN(const std::string raw, FormatMailMessage(message, June10(), "parhub.local"));
  EXPECT_THAT(raw, HasSubstr("\r\nFrom: PAR Index <thongbao@parhub.example.vn>\r\n"));
  EXPECT_THAT(raw, HasSubstr("\r\nSubject: Bao cao tuan 24\r\n"));

  message.from_name = "Phong \"GD&DT\", Q.1";         // specials: a quoted string
  message.subject = "=?UTF-8?B?eA==?= is text here";  // looks like an encoded-word: encoded
  ASSERT_OK_AND_ASSIGN(const std::string quoted, FormatMailMessage(message, June10(), "parhub.local"));
  EXPECT_THAT(quoted, HasSubstr("\r\nFrom: \"Phong \\\"GD&DT\\\", Q.1\" <thongbao@parhub.example.vn>\r\n"));
  EXPECT_EQ(DecodeHeader(ParseMail(quoted).headers.at("Subject")), message.subject);
}

TEST(FormatMailMessage, EachMessageGetsItsOwnMessageId) {
  ASSERT_OK_AND_ASSIGN(const std::string a, FormatMailMessage(VietnameseMessage(), June10(), "parhub.local"));
  ASSERT_OK_AND_ASSIGN(const std::string b, FormatMailMessage(VietnameseMessage(), June10(), "parhub.local"));
  EXPECT_NE(ParseMail(a).headers.at("Message-ID"), ParseMail(b).headers.at("Message-ID"));
}

TEST(FormatMailMessage, RefusesHeaderInjection) {
  struct Case {
    const char* field;
    void (*set)(MailMessage&);
  };
  const Case cases[] = {
      {"subject", [](MailMessage& m) { m.subject = "Báo cáo\r\nBcc: ke-gian@example.com"; }},
      {"subject", [](MailMessage& m) { m.subject = "Báo cáo\nBcc: ke-gian@example.com"; }},
      {"to", [](MailMessage& m) { m.to = "a@truong.example.vn\r\nBcc: ke-gian@example.com"; }},
      {"to", [](MailMessage& m) { m.to = "a@truong.example.vn\nBcc: ke-gian@example.com"; }},
      {"from_name", [](MailMessage& m) { m.from_name = "Phường\r\nBcc: ke-gian@example.com"; }},
      {"from_name", [](MailMessage& m) { m.from_name = "Phường\rBcc: ke-gian@example.com"; }},
      {"from", [](MailMessage& m) { m.from = "a@parhub.example.vn\nBcc: ke-gian@example.com"; }},
  };
  for (const Case& c : cases) {
    MailMessage message = VietnameseMessage();
    c.set(message);
    const absl::StatusOr<std::string> raw = FormatMailMessage(message, June10(), "parhub.local");
    EXPECT_THAT(raw, IsInvalidField(c.field)) << c.field;
    EXPECT_THAT(raw,
                StatusIs(absl::StatusCode::kInvalidArgument, AllOf(HasSubstr(c.field), HasSubstr("CR"))));
  }
}

TEST(FormatMailMessage, RefusesBadAddressesControlsAndInvalidUtf8) {
  struct Case {
    const char* field;
    void (*set)(MailMessage&);
  };
  const Case cases[] = {
      {"to", [](MailMessage& m) { m.to = ""; }},
      {"from", [](MailMessage& m) { m.from = ""; }},
      {"to", [](MailMessage& m) { m.to = "khong-phai-dia-chi"; }},
      {"to", [](MailMessage& m) { m.to = "a,b@truong.example.vn"; }},  // would be two addresses
      {"to", [](MailMessage& m) { m.to = "a>b@truong.example.vn"; }},  // would close SMTP's <…>
      {"to", [](MailMessage& m) { m.to = ".a@truong.example.vn"; }},
      {"from", [](MailMessage& m) { m.from = "thong bao@parhub.vn"; }},
      {"subject", [](MailMessage& m) { m.subject = "Tab\tinside"; }},
      {"subject", [](MailMessage& m) { m.subject = "C1 \xC2\x85 next line"; }},
      {"subject", [](MailMessage& m) { m.subject = "B\xC3\xA1o \xC3"; }},  // truncated sequence
      {"from_name", [](MailMessage& m) { m.from_name = "\xC0\xAF"; }},     // overlong '/'
      {"text_body", [](MailMessage& m) { m.text_body = "n\xFFi dung"; }},
  };
  for (const Case& c : cases) {
    MailMessage message = VietnameseMessage();
    c.set(message);
    EXPECT_THAT(FormatMailMessage(message, June10(), "parhub.local"), IsInvalidField(c.field)) << c.field;
  }
  EXPECT_THAT(FormatMailMessage(VietnameseMessage(), June10(), "bad domain\r\nX: y"),
              IsInvalidField("message_id_domain"));
}

// --- SmtpMailer against the sink -------------------------------------------

SmtpSinkOptions Refusing(const std::string& recipient) {
  SmtpSinkOptions options;
  options.refused_recipients = {recipient};
  return options;
}

SmtpSinkOptions LoginRequired(const std::string& username, const std::string& password) {
  SmtpSinkOptions options;
  options.username = username;
  options.password = password;
  return options;
}

std::unique_ptr<SmtpMailer> MailerFor(const std::string& url, absl::Duration timeout = absl::Seconds(20)) {
  SmtpSettings settings;
  settings.url = url;
  settings.timeout = timeout;
  absl::StatusOr<std::unique_ptr<SmtpMailer>> mailer = SmtpMailer::Make(settings);
  EXPECT_OK(mailer);
  return mailer.ok() ? std::move(*mailer) : nullptr;
}

TEST(SmtpMailer, DeliversToTheServer) {
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start());
  std::unique_ptr<SmtpMailer> mailer = MailerFor(sink->url());
  ASSERT_NE(mailer, nullptr);
  const MailMessage message = VietnameseMessage();

  ASSERT_OK(mailer->Send(message));

  ASSERT_TRUE(sink->WaitForMessages(1, absl::Seconds(10)));
  const std::vector<SmtpSink::Message> got = sink->Messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].mail_from, message.from);
  EXPECT_THAT(got[0].recipients, ElementsAre(message.to));
  const ParsedMail mail = ParseMail(got[0].data);
  EXPECT_EQ(DecodeHeader(mail.headers.at("Subject")), message.subject);
  EXPECT_EQ(mail.headers.at("To"), message.to);
  EXPECT_EQ(mail.body, Crlf(kBody));
}

TEST(SmtpMailer, RecipientRefusedByTheServerIsFailedPrecondition) {
  const std::string refused = "khong-ton-tai@truong.example.vn";
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start(Refusing(refused)));
  std::unique_ptr<SmtpMailer> mailer = MailerFor(sink->url());
  ASSERT_NE(mailer, nullptr);
  MailMessage message = VietnameseMessage();
  message.to = refused;

  EXPECT_THAT(mailer->Send(message),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr(refused), HasSubstr("550 5.1.1"), HasSubstr(mailer->server()))));
  EXPECT_TRUE(sink->Messages().empty());

  // The same sink still takes mail for others.
  EXPECT_OK(mailer->Send(VietnameseMessage()));
  EXPECT_EQ(sink->Messages().size(), 1u);
}

TEST(SmtpMailer, ClosedPortIsUnavailable) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int port = ntohs(address.sin_port);
  close(fd);  // nothing listens there now

  std::unique_ptr<SmtpMailer> mailer = MailerFor(absl::StrCat("smtp://127.0.0.1:", port), absl::Seconds(5));
  ASSERT_NE(mailer, nullptr);
  EXPECT_THAT(mailer->Send(VietnameseMessage()),
              StatusIs(absl::StatusCode::kUnavailable,
                       AllOf(HasSubstr(absl::StrCat("127.0.0.1:", port)), HasSubstr("không trả lời"))));
}

TEST(SmtpMailer, RefusedLoginIsPermissionDeniedAndNeverShowsThePassword) {
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start(LoginRequired("parhub", "dung-mat-khau-9")));
  SmtpSettings settings;
  settings.url = sink->url();
  settings.username = "parhub";
  settings.password = "sai-mat-khau-7";
  ASSERT_OK_AND_ASSIGN(auto wrong, SmtpMailer::Make(settings));
  const absl::Status refused = wrong->Send(VietnameseMessage());
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr(wrong->server())));
  EXPECT_THAT(std::string(refused.message()), Not(HasSubstr("sai-mat-khau-7")));
  EXPECT_EQ(sink->refused_logins(), 1);

  settings.password = "dung-mat-khau-9";
  ASSERT_OK_AND_ASSIGN(auto right, SmtpMailer::Make(settings));
  EXPECT_OK(right->Send(VietnameseMessage()));
  EXPECT_EQ(sink->Messages().size(), 1u);
}

TEST(SmtpMailer, RequiredTlsWithoutStarttlsIsFailedPrecondition) {
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start());
  SmtpSettings settings;
  settings.url = sink->url();
  settings.require_tls = true;
  ASSERT_OK_AND_ASSIGN(auto mailer, SmtpMailer::Make(settings));
  EXPECT_THAT(mailer->Send(VietnameseMessage()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("STARTTLS")));
  EXPECT_TRUE(sink->Messages().empty());
}

TEST(SmtpMailer, InvalidMessageIsRefusedBeforeConnecting) {
  std::unique_ptr<SmtpMailer> mailer = MailerFor("smtp://127.0.0.1:1");
  ASSERT_NE(mailer, nullptr);
  MailMessage message = VietnameseMessage();
  message.subject = "x\r\nBcc: ke-gian@example.com";
  EXPECT_THAT(mailer->Send(message), IsInvalidField("subject"));
}

TEST(SmtpMailerMake, RefusesWhatIsNotAnSmtpServer) {
  for (const char* url : {"http://x", "smtp://", "", "smtp:///path", "smtp:/host", "mail.example.vn:25",
                          "smtp://user:pw@mail.example.vn", "smtp://mail example.vn"}) {
    SmtpSettings settings;
    settings.url = url;
    EXPECT_THAT(SmtpMailer::Make(settings), IsInvalidField("smtp_url")) << url;
  }
  SmtpSettings no_timeout;
  no_timeout.url = "smtp://mail.example.vn";
  no_timeout.timeout = absl::ZeroDuration();
  EXPECT_THAT(SmtpMailer::Make(no_timeout), IsInvalidField("smtp_timeout"));
}

TEST(SmtpMailerMake, NamesTheServerWithItsPort) {
  for (const auto& [url, server] : std::vector<std::pair<std::string, std::string>>{
           {"smtp://mail.example.vn", "mail.example.vn:25"},
           {"smtp://mail.example.vn:587", "mail.example.vn:587"},
           {"SMTPS://mail.example.vn", "mail.example.vn:465"},
       }) {
    SmtpSettings settings;
    settings.url = url;
    ASSERT_OK_AND_ASSIGN(auto mailer, SmtpMailer::Make(settings));
    EXPECT_EQ(mailer->server(), server) << url;
  }
}

// --- The sink itself, spoken to by hand ------------------------------------

// A blocking client for the sink: sends a line, returns the reply's last line.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    connected_ = fd_ >= 0 && connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~RawClient() {
    if (fd_ >= 0) close(fd_);
  }
  bool connected() const { return connected_; }
  void Write(absl::string_view text) {
    while (!text.empty()) {
      const ssize_t n = send(fd_, text.data(), text.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      text.remove_prefix(static_cast<size_t>(n));
    }
  }
  // The next complete reply (its last line, "250 …"), or "" when closed.
  std::string Reply() {
    while (true) {
      const size_t end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        if (line.size() >= 4 && line[3] == '-') continue;
        return line;
      }
      char chunk[1024];
      const ssize_t n = recv(fd_, chunk, sizeof(chunk), 0);
      if (n <= 0) return "";
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }
  std::string Say(absl::string_view line) {
    Write(absl::StrCat(line, "\r\n"));
    return Reply();
  }

 private:
  const int fd_;
  bool connected_ = false;
  std::string buffer_;
};

TEST(SmtpSink, SpeaksSmtpAndUndoesDotStuffing) {
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start(Refusing("Bi.Tu.Choi@example.vn")));
  RawClient client(sink->port());
  ASSERT_TRUE(client.connected());
  EXPECT_THAT(client.Reply(), HasSubstr("220 "));
  EXPECT_THAT(client.Say("EHLO test"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("RCPT TO:<a@example.vn>"), HasSubstr("503 "));  // MAIL first
  EXPECT_THAT(client.Say("MAIL FROM:<gui@example.vn> BODY=8BITMIME"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("RCPT TO:<bi.tu.choi@example.vn>"), HasSubstr("550 5.1.1"));
  EXPECT_THAT(client.Say("RCPT TO:<nhan@example.vn>"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("NOOP"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("VRFY nhan"), HasSubstr("500 "));
  EXPECT_THAT(client.Say("DATA"), HasSubstr("354 "));
  // A line "." in the content is sent as "..", one starting with "." gets a second.
  EXPECT_THAT(client.Say("Subject: x\r\n\r\n..dong mot\r\n..\r\n...\r\nhet\r\n."), HasSubstr("250 "));
  EXPECT_THAT(client.Say("MAIL FROM:<bo@example.vn>"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("RSET"), HasSubstr("250 "));
  EXPECT_THAT(client.Say("DATA"), HasSubstr("503 "));  // RSET dropped the transaction
  EXPECT_THAT(client.Say("QUIT"), HasSubstr("221 "));

  const std::vector<SmtpSink::Message> got = sink->Messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].mail_from, "gui@example.vn");
  EXPECT_THAT(got[0].recipients, ElementsAre("nhan@example.vn"));
  EXPECT_EQ(got[0].data, "Subject: x\r\n\r\n.dong mot\r\n.\r\n..\r\nhet\r\n");
}

TEST(SmtpSink, StopsWhileAClientIsStillConnected) {
  ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start());
  RawClient client(sink->port());
  ASSERT_TRUE(client.connected());
  EXPECT_THAT(client.Reply(), HasSubstr("220 "));
  client.Write("EHLO half-a-line-and-then-nothing");
  EXPECT_FALSE(sink->WaitForMessages(1, absl::Milliseconds(50)));
  sink.reset();  // must not hang on the open session
  EXPECT_EQ(client.Reply(), "");
}

}  // namespace
}  // namespace parhub::platform
