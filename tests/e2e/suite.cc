// Child processes and the three-process suite for end-to-end tests.
#include "tests/e2e/suite.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "platform/core/resource_name.h"

extern char** environ;

namespace parhub::e2e {

int FreePort() {
  // The kernel may hand the same free port to two bind(0) calls in a row
  // once the first socket is closed: never give a port out twice.
  static std::mutex mu;
  static std::set<int> given;
  std::lock_guard<std::mutex> lock(mu);
  for (int attempt = 0; attempt < 100; ++attempt) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    socklen_t length = sizeof(addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    const int port = ntohs(addr.sin_port);
    close(fd);
    if (given.insert(port).second) return port;
  }
  throw std::runtime_error("no free loopback port not already given out");
}

Process::Process(std::string name, std::string binary, std::map<std::string, std::string> env,
                 std::string log_path, std::vector<std::string> args)
    : name_(std::move(name)),
      binary_(std::move(binary)),
      log_path_(std::move(log_path)),
      env_(std::move(env)),
      args_(std::move(args)) {}

Process::~Process() {
  if (pid_ > 0) Terminate();
}

void Process::Start() {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (std::string(*e).rfind("PARHUB_", 0) != 0) env_strings.emplace_back(*e);
  }
  for (const auto& [k, v] : env_) env_strings.push_back(absl::StrCat(k, "=", v));
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // Children must not inherit the test's blocked signal mask.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv{binary_.data()};
  for (auto& a : args_) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, binary_.c_str(), &actions, &attributes, argv.data(), envp.data()) != 0) {
    throw std::runtime_error("cannot start " + binary_);
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
}

void Process::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

bool Process::Alive() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == 0) return true;
  pid_ = -1;
  return false;
}

void Process::Terminate() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  Wait();
}

void Process::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  Wait();
}

Suite::Suite(SuiteOptions options) {
  dir_ =
      (std::filesystem::temp_directory_path() / absl::StrCat("parhub-e2e-", platform::RandomHex(4))).string();
  std::filesystem::create_directories(dir_ + "/config");
  // Mutual TLS between gateway and services, with certificates made the way
  // scripts/up.sh makes them.
  if (std::system(absl::StrCat("bash '", PARHUB_SOURCE_DIR, "/scripts/make-certs.sh' '", tls_dir(),
                               "' >/dev/null 2>&1")
                      .c_str()) != 0) {
    throw std::runtime_error("scripts/make-certs.sh failed");
  }
  directory_db_ = std::make_unique<testing::TestDatabase>("e2e_dir");
  tasks_db_ = std::make_unique<testing::TestDatabase>("e2e_tasks");
  staffing_db_ = std::make_unique<testing::TestDatabase>("e2e_staffing");
  finance_db_ = std::make_unique<testing::TestDatabase>("e2e_finance");
  complaints_db_ = std::make_unique<testing::TestDatabase>("e2e_complaints");
  reporting_db_ = std::make_unique<testing::TestDatabase>("e2e_reporting");
  gateway_port_ = FreePort();
  http_port_ = FreePort();
  tasks_port_ = FreePort();
  staffing_port_ = FreePort();
  finance_port_ = FreePort();
  complaints_port_ = FreePort();
  reporting_port_ = FreePort();
  directory_port_ = FreePort();
  admin_key_ = absl::StrCat("phk_", platform::RandomHex(20));
  identity_key_ = platform::RandomHex(32);
  auto db_env = [&](const platform::DbConfig& c, const std::string& service) {
    std::map<std::string, std::string> env{
        {"PARHUB_DB_HOST", c.host}, {"PARHUB_DB_PORT", absl::StrCat(c.port)}, {"PARHUB_DB_SOCKET", c.socket},
        {"PARHUB_DB_USER", c.user}, {"PARHUB_DB_PASSWORD", c.password},       {"PARHUB_DB_NAME", c.database}};
    if (options.proxied_databases.contains(service)) {
      if (!c.socket.empty()) throw std::runtime_error("a database proxy needs the tests' database on TCP");
      auto& proxy = database_proxies_[service] = std::make_unique<FaultProxy>(c.port);
      env["PARHUB_DB_HOST"] = "127.0.0.1";
      env["PARHUB_DB_PORT"] = absl::StrCat(proxy->port());
    }
    return env;
  };
  // The address the gateway reaches `service` on: its port, or a proxy's.
  auto backend = [&](const std::string& service, int port) {
    if (!options.proxied_backends.contains(service)) return absl::StrCat(service, "=127.0.0.1:", port);
    auto& proxy = backend_proxies_[service] = std::make_unique<FaultProxy>(port);
    return absl::StrCat(service, "=127.0.0.1:", proxy->port());
  };
  auto common = [&](int port, const std::string& name) {
    return std::map<std::string, std::string>{{"PARHUB_LISTEN", absl::StrCat("127.0.0.1:", port)},
                                              {"PARHUB_METRICS_LISTEN", "off"},
                                              {"PARHUB_IDENTITY_KEY", identity_key_},
                                              {"PARHUB_TLS_CERT_FILE", TlsFile(name + ".pem")},
                                              {"PARHUB_TLS_KEY_FILE", TlsFile(name + ".key")},
                                              {"PARHUB_TLS_CA_FILE", TlsFile("ca.pem")}};
  };
  auto directory_env = common(directory_port_, "directory");
  directory_env.merge(db_env(directory_db_->config(), "directory"));
  directory_env["PARHUB_BOOTSTRAP_ADMIN_KEY"] = admin_key_;
  auto tasks_env = common(tasks_port_, "tasks");
  tasks_env.merge(db_env(tasks_db_->config(), "tasks"));
  tasks_env["PARHUB_EVIDENCE_DIR"] = dir_ + "/evidence";
  auto staffing_env = common(staffing_port_, "staffing");
  staffing_env.merge(db_env(staffing_db_->config(), "staffing"));
  auto finance_env = common(finance_port_, "finance");
  finance_env.merge(db_env(finance_db_->config(), "finance"));
  auto complaints_env = common(complaints_port_, "complaints");
  complaints_env.merge(db_env(complaints_db_->config(), "complaints"));
  // Reporting pulls the directory and the four services with its own
  // certificate, so they accept it besides the gateway's.
  for (auto* env : {&directory_env, &tasks_env, &staffing_env, &finance_env, &complaints_env}) {
    (*env)["PARHUB_TLS_ALLOWED_CLIENTS"] = "gateway,reporting";
  }
  auto reporting_env = common(reporting_port_, "reporting");
  reporting_env.merge(db_env(reporting_db_->config(), "reporting"));
  // Digests go to a local SMTP sink; no scheduled sweep runs during the
  // tests (officers run them).
  auto sink = testing::SmtpSink::Start();
  if (!sink.ok()) throw std::runtime_error(std::string(sink.status().message()));
  smtp_sink_ = *std::move(sink);
  reporting_env["PARHUB_SMTP_URL"] = smtp_sink_->url();
  reporting_env["PARHUB_SMTP_FROM"] = kDigestSender;
  reporting_env["PARHUB_NOTIFY_HOUR"] = "-1";
  reporting_env["PARHUB_SOURCES"] = absl::StrCat(
      "directory=", directory_address(), ",tasks=", tasks_address(), ",staffing=127.0.0.1:", staffing_port_,
      ",finance=127.0.0.1:", finance_port_, ",complaints=127.0.0.1:", complaints_port_);
  auto gateway_env = common(gateway_port_, "gateway");
  gateway_env["PARHUB_BACKENDS"] =
      absl::StrCat(backend("directory", directory_port_), ",", backend("tasks", tasks_port_), ",",
                   backend("staffing", staffing_port_), ",", backend("finance", finance_port_), ",",
                   backend("complaints", complaints_port_), ",", backend("reporting", reporting_port_));
  gateway_env["PARHUB_AUTH_CACHE_TTL_S"] = "1";
  // No per-key call budget: the benches drive thousands of calls a second
  // with one key (the budget itself is tested in authenticator_test).
  gateway_env["PARHUB_KEY_RATE_PER_S"] = "0";
  gateway_env["PARHUB_HTTP_ADDRESS"] = absl::StrCat("127.0.0.1:", http_port_);
  gateway_env["PARHUB_HTTP_CORS_ORIGINS"] = kCorsOrigin;
  gateway_env["PARHUB_HTTP_MAX_BODY_BYTES"] = absl::StrCat(kHttpMaxBodyBytes);
  // The dashboard with its production cookie (Secure, __Host-): browsers
  // accept a Secure cookie from http://127.0.0.1, a trustworthy origin.
  gateway_env["PARHUB_WEB_DIR"] = PARHUB_WEB_SITE_DIR;
  directory_ =
      std::make_unique<Process>("directory", PARHUB_DIRECTORY_BIN, directory_env, dir_ + "/directory.log");
  tasks_ = std::make_unique<Process>("tasks", PARHUB_TASKS_BIN, tasks_env, dir_ + "/tasks.log");
  staffing_ =
      std::make_unique<Process>("staffing", PARHUB_STAFFING_BIN, staffing_env, dir_ + "/staffing.log");
  finance_ = std::make_unique<Process>("finance", PARHUB_FINANCE_BIN, finance_env, dir_ + "/finance.log");
  complaints_ = std::make_unique<Process>("complaints", PARHUB_COMPLAINTS_BIN, complaints_env,
                                          dir_ + "/complaints.log");
  reporting_ =
      std::make_unique<Process>("reporting", PARHUB_REPORTING_BIN, reporting_env, dir_ + "/reporting.log");
  gateway_ = std::make_unique<Process>("gateway", PARHUB_GATEWAY_BIN, gateway_env, dir_ + "/gateway.log");
}

Suite::~Suite() {
  gateway_->Terminate();
  reporting_->Terminate();
  complaints_->Terminate();
  finance_->Terminate();
  staffing_->Terminate();
  tasks_->Terminate();
  directory_->Terminate();
  // PARHUB_E2E_KEEP_LOGS=1 keeps the logs (and certificates) for a look.
  const char* keep = std::getenv("PARHUB_E2E_KEEP_LOGS");
  if (keep != nullptr && std::string(keep) == "1") {
    std::cerr << "e2e logs kept in " << dir_ << "\n";
  } else {
    std::filesystem::remove_all(dir_);
  }
}

Process& Suite::process(const std::string& name) {
  const std::map<std::string, Process*> all{
      {"directory", directory_.get()}, {"tasks", tasks_.get()},           {"staffing", staffing_.get()},
      {"finance", finance_.get()},     {"complaints", complaints_.get()}, {"reporting", reporting_.get()},
      {"gateway", gateway_.get()}};
  return *all.at(name);
}

int Suite::port(const std::string& name) const {
  const std::map<std::string, int> all{{"directory", directory_port_},   {"tasks", tasks_port_},
                                       {"staffing", staffing_port_},     {"finance", finance_port_},
                                       {"complaints", complaints_port_}, {"reporting", reporting_port_},
                                       {"gateway", gateway_port_}};
  return all.at(name);
}

std::string Suite::gateway_address() const { return absl::StrCat("127.0.0.1:", gateway_port_); }
std::string Suite::tasks_address() const { return absl::StrCat("127.0.0.1:", tasks_port_); }
std::string Suite::directory_address() const { return absl::StrCat("127.0.0.1:", directory_port_); }

std::string Suite::TlsFile(const std::string& name) const { return absl::StrCat(tls_dir(), "/", name); }

bool Suite::WaitHealthy(int port, int seconds) {
  absl::Time until = absl::Now() + absl::Seconds(seconds);
  std::vector<std::string> args{"--timeout", "2", "health", "--addr", absl::StrCat("127.0.0.1:", port)};
  if (port != gateway_port_) {  // services speak TLS only
    args.push_back("--tls-ca");
    args.push_back(TlsFile("ca.pem"));
  }
  while (absl::Now() < until) {
    if (Ctl("", args).exit_code == 0) return true;
    absl::SleepFor(absl::Milliseconds(200));
  }
  return false;
}

void Suite::Start() {
  directory_->Start();
  tasks_->Start();
  staffing_->Start();
  finance_->Start();
  complaints_->Start();
  reporting_->Start();
  gateway_->Start();
  for (int port : {directory_port_, tasks_port_, staffing_port_, finance_port_, complaints_port_,
                   reporting_port_, gateway_port_}) {
    if (!WaitHealthy(port, 60))
      throw std::runtime_error("not healthy: port " + std::to_string(port) + "\n" + Logs());
  }
}

CommandResult Suite::Ctl(const std::string& api_key, const std::vector<std::string>& args) {
  std::string command =
      absl::StrCat("env XDG_CONFIG_HOME='", dir_, "/config' PARHUB_GATEWAY=", gateway_address(),
                   " PARHUB_API_KEY='", api_key, "' '", PARHUB_CTL_BIN, "'");
  for (const auto& a : args) absl::StrAppend(&command, " ", ShellQuote(a));
  return RunCommand(command);
}

std::string ShellQuote(const std::string& word) {
  std::string quoted = word;
  size_t pos = 0;
  while ((pos = quoted.find('\'', pos)) != std::string::npos) {
    quoted.replace(pos, 1, "'\\''");
    pos += 4;
  }
  return absl::StrCat("'", quoted, "'");
}

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(absl::StrCat(command, " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::map<std::string, std::string> Suite::FullLogs() const {
  std::map<std::string, std::string> out;
  for (const char* name :
       {"directory", "tasks", "staffing", "finance", "complaints", "reporting", "gateway"}) {
    std::ifstream in(absl::StrCat(dir_, "/", name, ".log"));
    std::stringstream text;
    text << in.rdbuf();
    out[name] = text.str();
  }
  return out;
}

std::vector<std::string> Suite::Secrets() const {
  std::vector<std::string> out{admin_key_, identity_key_};
  for (const auto* db :
       {&directory_db_, &tasks_db_, &staffing_db_, &finance_db_, &complaints_db_, &reporting_db_}) {
    if (!(*db)->config().password.empty()) out.push_back((*db)->config().password);
  }
  return out;
}

std::string Suite::Logs() const {
  std::string out;
  for (const char* name :
       {"directory", "tasks", "staffing", "finance", "complaints", "reporting", "gateway"}) {
    std::ifstream in(absl::StrCat(dir_, "/", name, ".log"));
    std::stringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    absl::StrAppend(&out, "---- ", name, " (last 3000 bytes)\n",
                    all.size() > 3000 ? all.substr(all.size() - 3000) : all);
  }
  return out;
}

}  // namespace parhub::e2e
