// Starts and stops the real parhub binaries for end-to-end tests: fresh
// databases, free loopback ports, a random identity key and bootstrap
// admin key, logs in a temporary directory.
#ifndef PARHUB_TESTS_E2E_SUITE_H_
#define PARHUB_TESTS_E2E_SUITE_H_

#include <gtest/gtest.h>
#include <sys/types.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "platform/testing/smtp_sink.h"
#include "platform/testing/test_database.h"
#include "tests/e2e/fault_proxy.h"

namespace parhub::e2e {

// One child process with its environment, arguments and a log file.
class Process final {
 public:
  Process(std::string name, std::string binary, std::map<std::string, std::string> env, std::string log_path,
          std::vector<std::string> args = {});
  ~Process();
  void Start();
  void Terminate();  // SIGTERM and wait
  void Kill();       // SIGKILL and wait
  bool running() const { return pid_ > 0; }
  // Started and not exited since (a crash or an exit of its own is not).
  bool Alive();
  pid_t pid() const { return pid_; }
  const std::string& log_path() const { return log_path_; }

 private:
  void Wait();
  std::string name_, binary_, log_path_;
  std::map<std::string, std::string> env_;
  std::vector<std::string> args_;
  pid_t pid_ = -1;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// What a suite puts a FaultProxy in front of, by service name ("tasks").
struct SuiteOptions {
  // Services whose connections to MariaDB go through a proxy.
  std::set<std::string> proxied_databases;
  // Services the gateway reaches through a proxy (reporting still pulls
  // them directly).
  std::set<std::string> proxied_backends;
};

class Suite final {
 public:
  explicit Suite(SuiteOptions options = {});
  ~Suite();

  // Starts directory, tasks, staffing, finance, complaints, reporting and gateway and waits until all are
  // healthy.
  void Start();
  bool WaitHealthy(int port, int seconds);

  std::string gateway_address() const;
  std::string tasks_address() const;
  std::string directory_address() const;
  int gateway_port() const { return gateway_port_; }
  // The gateway's HTTP/JSON port (plain HTTP on 127.0.0.1).
  int http_port() const { return http_port_; }
  // The one Origin the suite's gateway allows for CORS.
  static constexpr char kCorsOrigin[] = "https://dashboard.parhub.test";
  // The suite's HTTP body limit (small, so a test can exceed it).
  static constexpr int kHttpMaxBodyBytes = 1 << 20;
  int tasks_port() const { return tasks_port_; }
  int directory_port() const { return directory_port_; }
  const std::string& admin_key() const { return admin_key_; }
  const std::string& identity_key() const { return identity_key_; }
  // The CA and every process's certificate and key (scripts/make-certs.sh).
  std::string tls_dir() const { return dir_ + "/tls"; }
  std::string TlsFile(const std::string& name) const;
  Process& tasks() { return *tasks_; }
  Process& gateway() { return *gateway_; }
  Process& directory() { return *directory_; }
  Process& finance() { return *finance_; }
  int finance_port() const { return finance_port_; }
  Process& reporting() { return *reporting_; }
  int reporting_port() const { return reporting_port_; }
  // Any process and its gRPC port by name: "directory", "tasks", "staffing",
  // "finance", "complaints", "reporting" or "gateway".
  Process& process(const std::string& name);
  int port(const std::string& name) const;
  // The proxies of SuiteOptions (a service not named there: a test bug,
  // std::out_of_range).
  FaultProxy& database_proxy(const std::string& service) { return *database_proxies_.at(service); }
  FaultProxy& backend_proxy(const std::string& service) { return *backend_proxies_.at(service); }
  // The SMTP server reporting mails the notification digests to (a sink
  // started by the suite); the sender is kDigestSender.
  testing::SmtpSink& smtp_sink() { return *smtp_sink_; }
  static constexpr char kDigestSender[] = "thongbao@parhub.test";

  // Runs parhubctl with `api_key`, a private config dir, against the gateway.
  CommandResult Ctl(const std::string& api_key, const std::vector<std::string>& args);

  // Shows the services' logs (on failure).
  std::string Logs() const;
  // Each process's whole log, by process name.
  std::map<std::string, std::string> FullLogs() const;
  // The secrets the suite gave its processes: the administrator's key, the
  // identity key, each database password.
  std::vector<std::string> Secrets() const;

 private:
  std::string dir_;
  std::unique_ptr<testing::TestDatabase> directory_db_, tasks_db_, staffing_db_, finance_db_, complaints_db_,
      reporting_db_;
  int gateway_port_, http_port_, tasks_port_, directory_port_, staffing_port_, finance_port_,
      complaints_port_, reporting_port_;
  std::string admin_key_, identity_key_;
  std::unique_ptr<testing::SmtpSink> smtp_sink_;
  std::map<std::string, std::unique_ptr<FaultProxy>> database_proxies_, backend_proxies_;
  std::unique_ptr<Process> directory_, tasks_, staffing_, finance_, complaints_, reporting_, gateway_;
};

// A free TCP port on 127.0.0.1 (bound, then released), never the same
// twice in one process.
int FreePort();

// Runs a shell command line; its exit code and its stdout and stderr together.
CommandResult RunCommand(const std::string& command);
// `word` single-quoted for the shell.
std::string ShellQuote(const std::string& word);

// The gtest environment each e2e binary registers: starts a Suite with
// `options` before the first test and stops it after the last; `*slot`
// points at it in between.
class SuiteEnvironment final : public ::testing::Environment {
 public:
  explicit SuiteEnvironment(Suite** slot, SuiteOptions options = {})
      : slot_(slot), options_(std::move(options)) {}
  void SetUp() override {
    *slot_ = new Suite(options_);
    (*slot_)->Start();
  }
  void TearDown() override {
    delete *slot_;
    *slot_ = nullptr;
  }

 private:
  Suite** slot_;
  SuiteOptions options_;
};

}  // namespace parhub::e2e

#endif  // PARHUB_TESTS_E2E_SUITE_H_
