// HttpGateway: the gateway's HTTP/JSON server (cpp-httplib). Each request
// is matched against the binding table (http_bindings.h), turned into the
// gRPC request of its method (http_json.h) and sent, serialized, over an
// in-process channel to the gateway's own gRPC server, so API keys, the
// route table's authorization, tenant scope, abuse limits, trace ids,
// GatewayService and PublicService apply exactly as for gRPC clients.
//
// What crosses from HTTP into the call's metadata: `Authorization`
// (Bearer key), `X-Trace-Id`, and the HTTP client's socket address (for
// the public API's abuse limits; the gateway trusts that header only on
// in-process calls, see ClientPeerOf). Nothing else is forwarded.
//
// Plain HTTP, like the gateway's gRPC port: TLS is terminated in front.
// CORS is closed unless the Origin is listed. A fixed pool of threads
// serves connections; beyond `queue_depth` waiting connections, requests
// are answered 503 at once.
#ifndef PARHUB_GATEWAY_HTTP_GATEWAY_H_
#define PARHUB_GATEWAY_HTTP_GATEWAY_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/http_bindings.h"
#include "gateway/web_app.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace parhub::gateway {

struct HttpGatewayOptions final {
  std::string address = "0.0.0.0:8080";   // host:port, "[::]:8080"; port 0 picks one
  std::vector<std::string> cors_origins;  // exact origins, e.g. "https://parhub.example.vn"
  size_t max_body_bytes = 28 << 20;       // a 20 MB evidence file as base64 JSON
  int threads = 16;
  int queue_depth = 64;
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration write_timeout = absl::Seconds(10);
  absl::Duration call_deadline = absl::Seconds(30);  // the in-process call's, above the gateway's own
  WebAppOptions web;                                 // the dashboard; off when web.dir is empty
};

class HttpGateway final {
 public:
  explicit HttpGateway(HttpGatewayOptions options);
  ~HttpGateway();

  // Binds and starts serving; `channel` reaches the gateway's gRPC server
  // in process. UNAVAILABLE when the address cannot be bound, NOT_FOUND
  // when the dashboard's directory has no index.html.
  absl::Status Start(std::shared_ptr<grpc::Channel> channel);
  // Stops accepting, lets running requests finish, joins the threads.
  void Stop();
  int port() const { return port_; }

  // One request, start to finish (the server's handler; tests call it).
  void Handle(const httplib::Request& request, httplib::Response& response) const;

 private:
  void Dispatch(const httplib::Request& request, httplib::Response& response) const;
  // CORS headers for an allowed Origin; whether the Origin is allowed.
  bool ApplyCors(const httplib::Request& request, httplib::Response& response) const;
  // One call of `method` to the gateway's gRPC server for the HTTP request
  // `request`; the serialized answer in `reply`, the trace id on `response`.
  grpc::Status Call(const std::string& method, const google::protobuf::Message& message,
                    const httplib::Request& request, const std::string& authorization, std::string* reply,
                    httplib::Response* response) const;

  HttpGatewayOptions options_;
  absl::flat_hash_set<std::string> cors_origins_;
  std::unique_ptr<HttpRouter> router_;
  std::unique_ptr<WebApp> web_;
  std::unique_ptr<httplib::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
  std::thread listener_;
  int port_ = 0;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_HTTP_GATEWAY_H_
