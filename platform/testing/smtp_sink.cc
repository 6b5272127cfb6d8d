// The test SMTP server (see smtp_sink.h): POSIX sockets, poll() on the
// connection and a wake-up pipe, so the destructor can always stop it.
#include "platform/testing/smtp_sink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace parhub::testing {
namespace {

constexpr size_t kMaxLine = 64 * 1024;         // longer lines end the session
constexpr size_t kMaxData = 16 * 1024 * 1024;  // bigger messages get 552
constexpr char kName[] = "parhub-test-sink";

absl::Status Errno(absl::string_view what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

bool SendAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The address in "FROM:<a@b> PARAMS" / "TO:<a@b>" after `keyword`, or false.
bool ParsePath(absl::string_view argument, absl::string_view keyword, std::string* address) {
  if (!absl::StartsWithIgnoreCase(argument, keyword)) return false;
  argument = absl::StripLeadingAsciiWhitespace(argument.substr(keyword.size()));
  if (argument.empty() || argument.front() != '<') return false;
  const size_t close = argument.find('>');
  if (close == absl::string_view::npos) return false;
  *address = std::string(argument.substr(1, close - 1));
  return true;
}

// Whether AUTH PLAIN's base64 "authzid NUL authcid NUL password" names
// `username` and `password`.
bool PlainCredentialsMatch(absl::string_view response, absl::string_view username,
                           absl::string_view password) {
  std::string decoded;
  if (!absl::Base64Unescape(response, &decoded)) return false;
  std::vector<std::string> parts = absl::StrSplit(decoded, absl::MaxSplits('\0', 2));
  return parts.size() == 3 && parts[1] == username && parts[2] == password;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SmtpSink>> SmtpSink::Start(SmtpSinkOptions options) {
  const int listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd < 0) return Errno("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (bind(listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      listen(listen_fd, 16) != 0 ||
      getsockname(listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    absl::Status status = Errno("bind/listen on 127.0.0.1");
    close(listen_fd);
    return status;
  }
  int wake[2];
  if (pipe2(wake, O_CLOEXEC) != 0) {
    absl::Status status = Errno("pipe2");
    close(listen_fd);
    return status;
  }
  std::unique_ptr<SmtpSink> sink(
      new SmtpSink(std::move(options), listen_fd, ntohs(address.sin_port), wake[0], wake[1]));
  sink->thread_ = std::thread([raw = sink.get()] { raw->Run(); });
  return sink;
}

SmtpSink::SmtpSink(SmtpSinkOptions options, int listen_fd, int port, int wake_read, int wake_write)
    : options_(std::move(options)),
      listen_fd_(listen_fd),
      port_(port),
      wake_read_(wake_read),
      wake_write_(wake_write) {}

SmtpSink::~SmtpSink() {
  const char byte = 0;
  while (write(wake_write_, &byte, 1) < 0 && errno == EINTR) {
  }
  if (thread_.joinable()) thread_.join();
  close(listen_fd_);
  close(wake_read_);
  close(wake_write_);
}

std::string SmtpSink::url() const { return absl::StrCat("smtp://127.0.0.1:", port_); }

std::vector<SmtpSink::Message> SmtpSink::Messages() const {
  absl::MutexLock lock(&mu_);
  return messages_;
}

bool SmtpSink::WaitForMessages(size_t count, absl::Duration timeout) const {
  struct Want {
    const std::vector<Message>* messages;
    size_t count;
  };
  Want want{&messages_, count};
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithTimeout(absl::Condition(
                                  +[](Want* w) { return w->messages->size() >= w->count; }, &want),
                              timeout);
}

int SmtpSink::refused_logins() const {
  absl::MutexLock lock(&mu_);
  return refused_logins_;
}

void SmtpSink::Run() {
  while (true) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_read_, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Serve(fd);
    close(fd);
  }
}

bool SmtpSink::ReadLine(int fd, std::string* buffer, std::string* line) const {
  while (true) {
    const size_t end = buffer->find("\r\n");
    if (end != std::string::npos) {
      line->assign(*buffer, 0, end);
      buffer->erase(0, end + 2);
      return true;
    }
    if (buffer->size() > kMaxLine) return false;
    pollfd fds[2] = {{fd, POLLIN, 0}, {wake_read_, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (fds[1].revents != 0) return false;
    char chunk[4096];
    const ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer->append(chunk, static_cast<size_t>(n));
  }
}

bool SmtpSink::IsRefused(const std::string& address) const {
  for (const std::string& refused : options_.refused_recipients) {
    if (absl::EqualsIgnoreCase(refused, address)) return true;
  }
  return false;
}

void SmtpSink::Serve(int fd) {
  const bool login_required = !options_.username.empty();
  bool logged_in = false;
  bool have_sender = false;
  Message transaction;
  std::string buffer, line;
  if (!SendAll(fd, absl::StrCat("220 ", kName, " ESMTP\r\n"))) return;
  while (ReadLine(fd, &buffer, &line)) {
    const size_t space = line.find(' ');
    const std::string verb = absl::AsciiStrToUpper(line.substr(0, space));
    const std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
    std::string reply;
    if (verb == "EHLO") {
      have_sender = false;
      transaction = Message();
      reply = login_required ? absl::StrCat("250-", kName, "\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n")
                             : absl::StrCat("250-", kName, "\r\n250 8BITMIME\r\n");
    } else if (verb == "HELO") {
      have_sender = false;
      transaction = Message();
      reply = absl::StrCat("250 ", kName, "\r\n");
    } else if (verb == "AUTH") {
      std::string response;
      if (!login_required) {
        reply = "503 5.5.1 Error: authentication not enabled\r\n";
      } else if (logged_in) {
        reply = "503 5.5.1 Error: already authenticated\r\n";
      } else if (!absl::StartsWithIgnoreCase(argument, "PLAIN")) {
        reply = "504 5.5.4 Unrecognized authentication type\r\n";
      } else {
        response = std::string(absl::StripAsciiWhitespace(absl::string_view(argument).substr(5)));
        if (response.empty()) {  // no initial response: ask for it
          if (!SendAll(fd, "334 \r\n") || !ReadLine(fd, &buffer, &response)) return;
        }
        if (response == "*") {
          reply = "501 5.7.0 Authentication aborted\r\n";
        } else if (PlainCredentialsMatch(response, options_.username, options_.password)) {
          logged_in = true;
          reply = "235 2.7.0 Authentication successful\r\n";
        } else {
          absl::MutexLock lock(&mu_);
          ++refused_logins_;
          reply = "535 5.7.8 Error: authentication failed: authentication failure\r\n";
        }
      }
    } else if (verb == "MAIL") {
      std::string address;
      if (login_required && !logged_in) {
        reply = "530 5.7.0 Authentication required\r\n";
      } else if (!ParsePath(argument, "FROM:", &address)) {
        reply = "501 5.5.4 Syntax: MAIL FROM:<address>\r\n";
      } else {
        transaction = Message();
        transaction.mail_from = std::move(address);
        have_sender = true;
        reply = "250 2.1.0 Ok\r\n";
      }
    } else if (verb == "RCPT") {
      std::string address;
      if (!have_sender) {
        reply = "503 5.5.1 Error: need MAIL command\r\n";
      } else if (!ParsePath(argument, "TO:", &address)) {
        reply = "501 5.5.4 Syntax: RCPT TO:<address>\r\n";
      } else if (IsRefused(address)) {
        reply = absl::StrCat("550 5.1.1 <", address, ">: Recipient address rejected: User unknown\r\n");
      } else {
        transaction.recipients.push_back(std::move(address));
        reply = "250 2.1.5 Ok\r\n";
      }
    } else if (verb == "DATA") {
      if (transaction.recipients.empty()) {
        reply = "503 5.5.1 Error: need RCPT command\r\n";
      } else {
        if (!SendAll(fd, "354 End data with <CR><LF>.<CR><LF>\r\n")) return;
        bool too_big = false;
        while (true) {
          if (!ReadLine(fd, &buffer, &line)) return;
          if (line == ".") break;
          if (too_big) continue;
          const absl::string_view text =
              absl::StartsWith(line, ".") ? absl::string_view(line).substr(1) : line;
          absl::StrAppend(&transaction.data, text, "\r\n");
          too_big = transaction.data.size() > kMaxData;
        }
        if (too_big) {
          reply = "552 5.3.4 Error: message too big\r\n";
        } else {
          absl::MutexLock lock(&mu_);
          messages_.push_back(std::move(transaction));
          reply = "250 2.0.0 Ok: queued\r\n";
        }
        transaction = Message();
        have_sender = false;
      }
    } else if (verb == "RSET") {
      transaction = Message();
      have_sender = false;
      reply = "250 2.0.0 Ok\r\n";
    } else if (verb == "NOOP") {
      reply = "250 2.0.0 Ok\r\n";
    } else if (verb == "QUIT") {
      SendAll(fd, "221 2.0.0 Bye\r\n");
      return;
    } else {
      reply = "500 5.5.2 Error: command not recognized\r\n";
    }
    if (!SendAll(fd, reply)) return;
  }
}

}  // namespace parhub::testing
