// gRPC server lifecycle, metrics interceptor and signal handling.
#include "platform/rpc/server.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/support/server_interceptor.h>
#include <malloc.h>
#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <signal.h>

#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "platform/core/log.h"
#include "platform/db/db.h"
#include "platform/db/group_commit.h"
#include "platform/rpc/client.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/keepalive.h"

namespace parhub::platform {
namespace {

using grpc::experimental::InterceptionHookPoints;

// The metric label and log name of a call: the method when this process
// knows it (generated services, health, reflection), else "unknown" — a
// generic handler sees whatever path a client sends, and labels must not
// grow with client input.
std::string MethodLabel(const char* method) {
  if (method == nullptr) return "unknown";
  std::string path(method);
  if (absl::StartsWith(path, "/grpc.health.v1.Health/") || absl::StartsWith(path, "/grpc.reflection.")) {
    return path;
  }
  size_t slash = path.find('/', 1);
  if (path.size() < 4 || path.size() > 200 || path[0] != '/' || slash == std::string::npos) return "unknown";
  std::string full = path.substr(1);
  full[slash - 1] = '.';
  if (google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full) == nullptr) return "unknown";
  return path;
}

struct RpcMetrics {
  prometheus::Family<prometheus::Counter>* calls;
  prometheus::Family<prometheus::Histogram>* latency;
};

class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(grpc::experimental::ServerRpcInfo* info, RpcMetrics metrics)
      : method_(MethodLabel(info->method())), metrics_(metrics) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      start_ = absl::Now();
      auto* md = methods->GetRecvInitialMetadata();
      if (md) {
        auto it = md->find(kTraceIdHeader);
        if (it != md->end() && it->second.size() <= 64)
          trace_id_.assign(it->second.data(), it->second.size());
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      // The gateway makes the trace id when the client's is missing or bad,
      // and returns it to the client: that is the one to log.
      auto* sent = methods->GetSendInitialMetadata();
      if (sent) {
        auto it = sent->find(kTraceIdHeader);
        if (it != sent->end()) trace_id_ = it->second;
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
      const char* code = StatusCodeName(status.error_code());
      metrics_.calls->Add({{"method", method_}, {"code", code}}).Increment();
      metrics_.latency
          ->Add({{"method", method_}},
                prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                        0.25, 0.5, 1, 2.5, 5, 10})
          .Observe(seconds);
      if (!absl::StartsWith(method_, "/grpc.")) {
        ScopedTraceId trace(trace_id_);
        LogFields fields{
            {"method", method_},
            {"code", code},
            {"duration_ms", absl::StrCat(absl::ToInt64Microseconds(absl::Now() - start_) / 1000.0)}};
        if (!status.ok()) fields.emplace_back("error", status.error_message());
        Log(status.ok() ? LogLevel::kInfo : LogLevel::kWarning, "rpc", fields);
      }
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  RpcMetrics metrics_;
  absl::Time start_ = absl::Now();
  std::string trace_id_;
};

class MetricsInterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(RpcMetrics metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(info, metrics_);
  }

 private:
  RpcMetrics metrics_;
};

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

ServerRunner::ServerRunner(ServerOptions options)
    : options_(std::move(options)), registry_(std::make_shared<prometheus::Registry>()) {
  sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  SetLogServiceName(options_.name);
  // Abseil's lock-order graph costs every Mutex operation; it is a debugging
  // aid, not something to pay for on each request in production.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // glibc gives threads up to 8 × cores malloc arenas and each keeps its
  // peak: resident memory then climbs in steps whenever the machine is
  // busy and never comes back (BENCHMARKS.md, "Soak"). A few arenas shared
  // by the handler threads hold it flat at no measured cost.
  if (options_.malloc_arenas > 0) mallopt(M_ARENA_MAX, options_.malloc_arenas);
}

ServerRunner::~ServerRunner() = default;

void ServerRunner::WatchDb(Db& db) {
  auto& family = prometheus::BuildGauge()
                     .Name("parhub_db_pool_connections")
                     .Help("Database pool connections by state")
                     .Register(*registry_);
  auto* open = &family.Add({{"state", "open"}});
  auto* in_use = &family.Add({{"state", "in_use"}});
  family.Add({{"state", "max"}}).Set(db.Stats().max);
  db.SetStatsListener([open, in_use](const PoolStats& stats) {
    open->Set(stats.open);
    in_use->Set(stats.in_use);
  });
}

namespace {

// A metric family of one counter or gauge with `labels`, for collectors
// that read their figures when Prometheus scrapes.
prometheus::MetricFamily OneValueFamily(const char* name, const char* help, prometheus::MetricType type,
                                        double value, std::vector<prometheus::ClientMetric::Label> labels) {
  prometheus::MetricFamily f{name, help, type, {}};
  prometheus::ClientMetric m;
  m.label = std::move(labels);
  if (type == prometheus::MetricType::Counter) {
    m.counter.value = value;
  } else {
    m.gauge.value = value;
  }
  f.metric.push_back(std::move(m));
  return f;
}

// Reads the executor's counters when Prometheus scrapes.
class ExecutorCollector final : public prometheus::Collectable {
 public:
  explicit ExecutorCollector(const Executor& executor) : executor_(executor) {}
  std::vector<prometheus::MetricFamily> Collect() const override {
    ExecutorStats stats = executor_.Stats();
    auto family = [&](const char* name, const char* help, prometheus::MetricType type, double value) {
      return OneValueFamily(name, help, type, value, {{"executor", executor_.options().name}});
    };
    return {family("parhub_executor_queued", "Work waiting for a handler thread",
                   prometheus::MetricType::Gauge, static_cast<double>(stats.queued)),
            family("parhub_executor_running", "Work running on handler threads",
                   prometheus::MetricType::Gauge, static_cast<double>(stats.running)),
            family("parhub_executor_rejected_total", "Calls refused because the queue was full",
                   prometheus::MetricType::Counter, static_cast<double>(stats.rejected)),
            family("parhub_executor_dropped_total", "Queued calls dropped: cancelled or past their deadline",
                   prometheus::MetricType::Counter, static_cast<double>(stats.dropped))};
  }

 private:
  const Executor& executor_;
};

// The group committer's counters (platform/db/group_commit.h).
class GroupCommitCollector final : public prometheus::Collectable {
 public:
  explicit GroupCommitCollector(const GroupCommitter& committer) : committer_(committer) {}
  std::vector<prometheus::MetricFamily> Collect() const override {
    GroupCommitStats stats = committer_.Stats();
    auto family = [](const char* name, const char* help, prometheus::MetricType type, double value) {
      return OneValueFamily(name, help, type, value, {});
    };
    return {family("parhub_group_commit_batches_total", "Group-commit transactions run",
                   prometheus::MetricType::Counter, static_cast<double>(stats.batches)),
            family("parhub_group_commit_units_total", "Writes run in group-commit transactions",
                   prometheus::MetricType::Counter, static_cast<double>(stats.units)),
            family("parhub_group_commit_largest_batch", "Writes in the largest group-commit transaction",
                   prometheus::MetricType::Gauge, static_cast<double>(stats.largest_batch)),
            family("parhub_group_commit_lost_batches_total",
                   "Group-commit transactions lost (deadlock, connection, commit) whose writes re-ran alone",
                   prometheus::MetricType::Counter, static_cast<double>(stats.lost_batches)),
            family("parhub_group_commit_dropped_total",
                   "Queued writes dropped: cancelled, past deadline, stopping",
                   prometheus::MetricType::Counter, static_cast<double>(stats.dropped))};
  }

 private:
  const GroupCommitter& committer_;
};

}  // namespace

void ServerRunner::WatchGroupCommit(const GroupCommitter& committer) {
  collectables_.push_back(std::make_shared<GroupCommitCollector>(committer));
}

void ServerRunner::WatchExecutor(const Executor& executor) {
  collectables_.push_back(std::make_shared<ExecutorCollector>(executor));
}

absl::Status ServerRunner::Run() {
  RpcMetrics metrics{&prometheus::BuildCounter()
                          .Name("parhub_rpc_total")
                          .Help("RPCs served by method and status code")
                          .Register(*registry_),
                     &prometheus::BuildHistogram()
                          .Name("parhub_rpc_duration_seconds")
                          .Help("RPC latency by method")
                          .Register(*registry_)};
  std::unique_ptr<prometheus::Exposer> exposer;
  if (!options_.metrics_listen.empty()) {
    try {
      exposer = std::make_unique<prometheus::Exposer>(options_.metrics_listen);
      exposer->RegisterCollectable(registry_);
      for (const auto& collectable : collectables_) exposer->RegisterCollectable(collectable);
    } catch (const std::exception& e) {
      return absl::UnavailableError(
          absl::StrCat("cannot serve metrics on ", options_.metrics_listen, ": ", e.what()));
    }
  }

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  // Callers' keepalive pings are welcome this often (keepalive.h).
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, kMinPingIntervalMs);
  // No SO_REUSEPORT: a second process on the same address must fail to
  // start, not quietly take half of this one's calls.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  int port = 0;
  builder.AddListeningPort(options_.listen, credentials_ ? credentials_ : grpc::InsecureServerCredentials(),
                           &port);
  for (grpc::Service* service : services_) builder.RegisterService(service);
  if (generic_) builder.RegisterCallbackGenericService(generic_);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<MetricsInterceptorFactory>(metrics));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.listen));
  }
  for (const auto& hook : on_started_) {
    if (absl::Status started = hook(*server); !started.ok()) {
      server->Shutdown(std::chrono::system_clock::now());
      server->Wait();
      return started;
    }
  }
  server->GetHealthCheckService()->SetServingStatus(true);
  LogInfo("serving",
          {{"listen", options_.listen}, {"port", absl::StrCat(port)}, {"metrics", options_.metrics_listen}});

  sigset_t set = ShutdownSignals();
  int signal_number = 0;
  sigwait(&set, &signal_number);
  LogInfo("shutting down", {{"signal", absl::StrCat(signal_number)}});
  server->GetHealthCheckService()->SetServingStatus(false);
  absl::SleepFor(options_.drain);
  for (const auto& hook : on_stopping_) hook();
  server->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(options_.shutdown_grace));
  server->Wait();
  LogInfo("stopped");
  return absl::OkStatus();
}

}  // namespace parhub::platform
