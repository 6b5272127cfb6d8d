// The HTTP/JSON server (see http_gateway.h).
#include "gateway/http_gateway.h"

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "gateway/abuse_limiter.h"
#include "gateway/http_json.h"
#include "platform/core/log.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";

// Set by the task queue for a connection taken beyond its depth: the
// request is answered 503 without any work.
thread_local bool shed_this_connection = false;

// A fixed pool of threads over a queue of connections; a connection queued
// beyond `depth` is still taken (cpp-httplib cannot refuse one without
// reading it) but only gets a quick 503.
class BoundedTaskQueue final : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(int threads, int depth) : depth_(static_cast<size_t>(depth)) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back({std::move(fn), jobs_.size() >= depth_});
    }
    cv_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  struct Job {
    std::function<void()> fn;
    bool shed;
  };
  void Work() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, queue drained
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      shed_this_connection = job.shed;
      job.fn();
      shed_this_connection = false;
    }
  }

  size_t depth_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

void SendError(httplib::Response& response, const HttpError& error) {
  response.status = error.http_status;
  if (!error.retry_after.empty()) response.set_header("Retry-After", error.retry_after);
  response.set_content(error.body, kJson);
}

// The HTTP client's address as a gRPC peer string.
std::string PeerString(const httplib::Request& request) {
  if (absl::StrContains(request.remote_addr, ':')) {
    return absl::StrCat("ipv6:[", request.remote_addr, "]:", request.remote_port);
  }
  return absl::StrCat("ipv4:", request.remote_addr, ":", request.remote_port);
}

bool SplitAddress(const std::string& address, std::string* host, int* port) {
  size_t colon = address.rfind(':');
  if (colon == std::string::npos) return false;
  *host = address.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']')
    *host = host->substr(1, host->size() - 2);
  return absl::SimpleAtoi(address.substr(colon + 1), port) && *port >= 0 && *port <= 65535;
}

std::string Flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const auto& slice : slices) out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return out;
}

}  // namespace

HttpGateway::HttpGateway(HttpGatewayOptions options) : options_(std::move(options)) {
  cors_origins_.insert(options_.cors_origins.begin(), options_.cors_origins.end());
  absl::StatusOr<std::unique_ptr<HttpRouter>> router = HttpRouter::Build(HttpBindings());
  if (!router.ok()) {  // a defect of the table, caught by its unit test
    platform::LogError("bad HTTP binding table", {{"error", std::string(router.status().message())}});
    std::abort();
  }
  router_ = *std::move(router);
}

HttpGateway::~HttpGateway() { Stop(); }

absl::Status HttpGateway::Start(std::shared_ptr<grpc::Channel> channel) {
  channel_ = std::move(channel);
  stub_ = std::make_unique<grpc::GenericStub>(channel_);
  if (!options_.web.dir.empty()) {
    auto who_am_i = [this](const httplib::Request& from, const std::string& authorization,
                           v1::WhoAmIResponse* answer) {
      std::string reply;
      grpc::Status status = Call("/parhub.gateway.v1.GatewayService/WhoAmI", v1::WhoAmIRequest(), from,
                                 authorization, &reply, nullptr);
      if (status.ok() && !answer->ParseFromString(reply)) {
        return grpc::Status(grpc::StatusCode::INTERNAL, "Lỗi hệ thống (unreadable WhoAmI answer)");
      }
      return status;
    };
    absl::StatusOr<std::unique_ptr<WebApp>> web = WebApp::Load(options_.web, who_am_i);
    if (!web.ok()) return web.status();
    web_ = *std::move(web);
  }
  server_ = std::make_unique<httplib::Server>();
  int threads = std::max(1, options_.threads);
  int depth = std::max(0, options_.queue_depth);
  server_->new_task_queue = [threads, depth] { return new BoundedTaskQueue(threads, depth); };
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_read_timeout(absl::ToChronoSeconds(options_.read_timeout));
  server_->set_write_timeout(absl::ToChronoSeconds(options_.write_timeout));
  // Small JSON answers: without TCP_NODELAY, Nagle's algorithm and the
  // client's delayed ACK add ~40 ms to a keep-alive request.
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_timeout(5);
  server_->set_keep_alive_max_count(1000);
  auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    Handle(request, response);
  };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  server_->Put(".*", handler);
  server_->Options(".*", handler);
  // Errors cpp-httplib answers itself (413 over the body limit, 400 for a
  // request it cannot read) get the same JSON document.
  server_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&,
                                                                     httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    grpc::StatusCode code = grpc::StatusCode::INVALID_ARGUMENT;
    std::string message = response.status == 413
                              ? "Nội dung yêu cầu quá lớn (request body too large)"
                              : absl::StrCat("Yêu cầu HTTP không đọc được (unreadable HTTP request, status ",
                                             response.status, ")");
    int status = response.status;
    SendError(response, HttpLayerError(status, code, message));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Cache-Control", "no-store");
    return httplib::Server::HandlerResponse::Handled;
  }));
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        SendError(response, HttpLayerError(500, grpc::StatusCode::INTERNAL,
                                           "Lỗi hệ thống, đã ghi nhận (internal error; it has been logged)"));
      });
  std::string host;
  int port = 0;
  if (!SplitAddress(options_.address, &host, &port)) {
    return absl::InvalidArgumentError(absl::StrCat("bad --http_address ", options_.address));
  }
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
    if (port_ <= 0) return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.address));
  } else {
    if (!server_->bind_to_port(host, port)) {
      return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.address));
    }
    port_ = port;
  }
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  platform::LogInfo("serving HTTP/JSON", {{"listen", options_.address}, {"port", absl::StrCat(port_)}});
  return absl::OkStatus();
}

void HttpGateway::Stop() {
  if (!server_) return;
  server_->stop();
  if (listener_.joinable()) listener_.join();
  server_.reset();
}

bool HttpGateway::ApplyCors(const httplib::Request& request, httplib::Response& response) const {
  std::string origin = request.get_header_value("Origin");
  if (origin.empty() || !cors_origins_.contains(origin)) return false;
  response.set_header("Access-Control-Allow-Origin", origin);
  response.set_header("Vary", "Origin");
  response.set_header("Access-Control-Expose-Headers", "X-Trace-Id, Retry-After");
  return true;
}

void HttpGateway::Handle(const httplib::Request& request, httplib::Response& response) const {
  response.set_header("X-Content-Type-Options", "nosniff");
  if (web_ != nullptr && WebApp::Serves(request.path) && !shed_this_connection) {
    web_->Handle(request, response);  // same-origin pages and sessions: no CORS
    return;
  }
  response.set_header("Cache-Control", "no-store");
  bool cors = ApplyCors(request, response);
  if (request.method == "OPTIONS") {
    if (!cors) {
      SendError(response, HttpLayerError(403, grpc::StatusCode::PERMISSION_DENIED,
                                         "Nguồn gốc (Origin) này không được phép gọi API từ trình duyệt "
                                         "(cross-origin requests from this origin are not allowed)"));
      return;
    }
    response.status = 204;
    response.set_header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
    response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Trace-Id");
    response.set_header("Access-Control-Max-Age", "600");
    return;
  }
  if (shed_this_connection) {
    HttpError error =
        HttpLayerError(503, grpc::StatusCode::UNAVAILABLE,
                       "Cổng API đang quá tải, hãy thử lại sau giây lát (gateway busy; retry shortly)");
    error.retry_after = "1";
    SendError(response, error);
    response.set_header("Connection", "close");
    return;
  }
  Dispatch(request, response);
}

void HttpGateway::Dispatch(const httplib::Request& request, httplib::Response& response) const {
  std::vector<std::string> allowed;
  std::unique_ptr<HttpMatch> match = router_->Find(request.method, request.path, &allowed);
  if (match == nullptr) {
    if (!allowed.empty()) {
      response.set_header("Allow", absl::StrJoin(allowed, ", "));
      SendError(response,
                HttpLayerError(
                    405, grpc::StatusCode::UNIMPLEMENTED,
                    absl::StrCat("Phương thức ", request.method, " không dùng được cho đường dẫn này; dùng ",
                                 absl::StrJoin(allowed, ", "), " (method not allowed)")));
      return;
    }
    SendError(response,
              HttpLayerError(404, grpc::StatusCode::NOT_FOUND,
                             absl::StrCat("Không có API tại ", request.path, " (no API at this path)")));
    return;
  }
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> built =
      BuildRequest(*match, request.params, request.body);
  if (!built.ok()) {
    SendError(response, ErrorJson(platform::ToGrpcStatus(built.status())));
    return;
  }
  std::optional<std::string> authorization;
  if (web_ != nullptr) {
    WebApp::Outcome outcome = web_->Authorize(request, response);
    if (outcome.refused) {
      SendError(response, *outcome.refused);
      return;
    }
    authorization = std::move(outcome.authorization);
  } else if (std::string header = request.get_header_value("Authorization"); !header.empty()) {
    authorization = std::move(header);
  }
  std::string reply;
  grpc::Status status = Call(std::string(match->route->binding->method), **built, request,
                             authorization.value_or(""), &reply, &response);
  if (!status.ok()) {
    SendError(response, ErrorJson(status));
    return;
  }
  const auto* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(
      match->route->method->output_type());
  std::unique_ptr<google::protobuf::Message> answer(prototype->New());
  if (!answer->ParseFromString(reply)) {
    SendError(response, HttpLayerError(500, grpc::StatusCode::INTERNAL,
                                       "Lỗi hệ thống, đã ghi nhận (internal error; it has been logged)"));
    return;
  }
  response.status = 200;
  response.set_content(ResponseJson(*answer), kJson);
}

grpc::Status HttpGateway::Call(const std::string& method, const google::protobuf::Message& message,
                               const httplib::Request& request, const std::string& authorization,
                               std::string* reply, httplib::Response* response) const {
  std::string bytes;
  message.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer call_request(&slice, 1);
  grpc::ByteBuffer call_response;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + options_.call_deadline));
  if (!authorization.empty()) context.AddMetadata("authorization", authorization);
  if (std::string trace = request.get_header_value("X-Trace-Id"); !trace.empty() && trace.size() <= 64) {
    context.AddMetadata(platform::kTraceIdHeader, trace);
  }
  context.AddMetadata(kHttpClientPeerHeader, PeerString(request));
  context.AddMetadata(kInProcessTokenHeader, InProcessToken());
  grpc::Status status;
  absl::Notification done;
  stub_->UnaryCall(&context, method, grpc::StubOptions(), &call_request, &call_response, [&](grpc::Status s) {
    status = std::move(s);
    done.Notify();
  });
  done.WaitForNotification();
  const auto& initial = context.GetServerInitialMetadata();
  if (auto it = initial.find(platform::kTraceIdHeader); it != initial.end() && response != nullptr) {
    response->set_header("X-Trace-Id", std::string(it->second.data(), it->second.size()));
  }
  if (status.ok()) *reply = Flatten(call_response);
  return status;
}

}  // namespace parhub::gateway
