// A real SMTP server for tests: it listens on 127.0.0.1 at an ephemeral
// port, speaks enough SMTP for libcurl (EHLO/HELO, optional AUTH PLAIN, MAIL,
// RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT; anything else is 500),
// and records every message it accepts instead of delivering it.
//
//   SmtpSinkOptions options;
//   options.refused_recipients = {"khong-co@example.vn"};
//   ASSERT_OK_AND_ASSIGN(auto sink, SmtpSink::Start(options));
//   … send to sink->url() …
//   ASSERT_TRUE(sink->WaitForMessages(1, absl::Seconds(10)));
//   std::vector<SmtpSink::Message> got = sink->Messages();
//
// One thread accepts connections and serves them one after another; the
// destructor stops it, cutting any session short.
#ifndef PARHUB_PLATFORM_TESTING_SMTP_SINK_H_
#define PARHUB_PLATFORM_TESTING_SMTP_SINK_H_

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parhub::testing {

struct SmtpSinkOptions final {
  // RCPT TO one of these (compared ignoring case) is answered
  // "550 5.1.1 <address>: Recipient address rejected: User unknown".
  std::vector<std::string> refused_recipients;
  // When username is set, EHLO offers AUTH PLAIN, MAIL needs a login first,
  // and only these credentials are accepted (others get 535 5.7.8).
  std::string username;
  std::string password;
};

class SmtpSink final {
 public:
  struct Message final {
    std::string mail_from;                // MAIL FROM's address, without <>
    std::vector<std::string> recipients;  // each accepted RCPT TO's address, without <>
    std::string data;  // what followed DATA, CRLF line ends, dots unstuffed, without the final "."
  };

  // Listening and serving, or INTERNAL when the socket or thread cannot be made.
  static absl::StatusOr<std::unique_ptr<SmtpSink>> Start(SmtpSinkOptions options = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  // "smtp://127.0.0.1:<port>".
  std::string url() const;

  // The messages accepted so far, oldest first.
  std::vector<Message> Messages() const;
  // Whether at least `count` messages arrived within `timeout`.
  bool WaitForMessages(size_t count, absl::Duration timeout) const;
  // Logins refused so far (AUTH answered 535).
  int refused_logins() const;

 private:
  SmtpSink(SmtpSinkOptions options, int listen_fd, int port, int wake_read, int wake_write);
  void Run();
  void Serve(int fd);
  bool ReadLine(int fd, std::string* buffer, std::string* line) const;
  bool IsRefused(const std::string& address) const;

  const SmtpSinkOptions options_;
  const int listen_fd_;
  const int port_;
  const int wake_read_;  // readable once the destructor wants the thread to stop
  const int wake_write_;
  std::thread thread_;

  mutable absl::Mutex mu_;
  std::vector<Message> messages_ ABSL_GUARDED_BY(mu_);
  int refused_logins_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace parhub::testing

#endif  // PARHUB_PLATFORM_TESTING_SMTP_SINK_H_
