// Read and Mutate: identity and peer checks, executor scheduling, ledger.
#include "platform/rpc/handlers.h"

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/log.h"
#include "platform/rpc/deterministic.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::platform {
namespace {

std::string Metadata(const grpc::ServerContextBase& context, const char* key) {
  auto it = context.client_metadata().find(key);
  if (it == context.client_metadata().end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// UNAUTHENTICATED unless the TLS peer presented a verified certificate
// whose name the policy allows.
absl::Status CheckPeer(const grpc::ServerContextBase& context, const PeerPolicy& peers) {
  if (peers.any_peer) return absl::OkStatus();
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth != nullptr && auth->IsPeerAuthenticated()) {
    for (const grpc::string_ref& name : auth->FindPropertyValues("x509_common_name")) {
      if (peers.allowed.contains(std::string(name.data(), name.size()))) return absl::OkStatus();
    }
  }
  return absl::UnauthenticatedError(
      "Bên gọi không có chứng thư được phép (caller has no allowed client certificate)");
}

// When the call must be answered by (infinite when the client set none).
absl::Time DeadlineOf(const grpc::CallbackServerContext& context) {
  return context.deadline() == std::chrono::system_clock::time_point::max()
             ? absl::InfiniteFuture()
             : absl::FromChrono(context.deadline());
}

}  // namespace

Handlers::Handlers(std::string service, const IdentityKey& key, Executor& executor, IdempotencyLedger& ledger,
                   PeerPolicy peers, GroupCommitter* group_commit)
    : service_(std::move(service)),
      key_(key),
      executor_(executor),
      ledger_(ledger),
      peers_(std::move(peers)),
      group_commit_(group_commit) {}

grpc::ServerUnaryReactor* Handlers::Read(grpc::CallbackServerContext* context, absl::string_view method,
                                         ReadBody body) {
  return Schedule(context, method,
                  [body = std::move(body)](const Caller& caller, Finish finish) { finish(body(caller)); });
}

grpc::ServerUnaryReactor* Handlers::Schedule(grpc::CallbackServerContext* context, absl::string_view method,
                                             AsyncBody body) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  // Who is calling is settled before the call may take a place in the queue.
  if (absl::Status peer = CheckPeer(*context, peers_); !peer.ok()) {
    reactor->Finish(ToGrpcStatus(peer));
    return reactor;
  }
  absl::StatusOr<parhub::common::v1::Identity> identity =
      key_.Verify(Metadata(*context, kIdentityHeader), absl::StrCat("/", service_, "/", method), absl::Now());
  if (!identity.ok()) {
    reactor->Finish(ToGrpcStatus(identity.status()));
    return reactor;
  }
  Executor::Work work;
  work.deadline = DeadlineOf(*context);
  work.cancelled = [context] { return context->IsCancelled(); };
  work.run = [reactor, caller = CallerFromIdentity(*identity), body = std::move(body)] {
    ScopedTraceId trace(caller.trace_id);
    body(caller, [reactor](absl::Status status) { reactor->Finish(ToGrpcStatus(status)); });
  };
  work.drop = [reactor](absl::Status why) { reactor->Finish(ToGrpcStatus(why)); };
  if (!executor_.Submit(std::move(work))) {
    reactor->Finish(ToGrpcStatus(absl::ResourceExhaustedError(
        "Máy chủ đang quá tải, hãy thử lại sau giây lát (server busy: request queue full; retry shortly)")));
  }
  return reactor;
}

void Handlers::RunLedger(grpc::CallbackServerContext* context, const Caller& caller, bool anonymous,
                         bool grouped, const google::protobuf::Message& request,
                         const google::protobuf::Message& fingerprint_body, const std::string& scope,
                         const std::string& target, std::function<absl::StatusOr<std::string>()> apply,
                         std::function<void(absl::StatusOr<std::string>)> done) {
  const auto* field = request.GetDescriptor()->FindFieldByName("request_id");
  MutationRecord record{scope,
                        field ? request.GetReflection()->GetString(request, field) : std::string(),
                        request.GetDescriptor()->name(),
                        RequestFingerprint(fingerprint_body),
                        anonymous ? std::string("anonymous") : caller.subject,
                        target,
                        caller.trace_id};
  if (!grouped || group_commit_ == nullptr) return done(ledger_.Run(record, apply));
  GroupCommitter::Unit unit;
  unit.record = std::move(record);
  unit.apply = std::move(apply);
  unit.done = std::move(done);
  unit.deadline = DeadlineOf(*context);
  unit.cancelled = [context] { return context->IsCancelled(); };
  group_commit_->Submit(std::move(unit));
}

std::string RequestFingerprint(const google::protobuf::Message& request) {
  return Sha256Hex(FingerprintBytes(request));
}

absl::Status SecretAlreadyShown() {
  return WithReason(
      absl::AlreadyExistsError(
          "Khoá đã được tạo cho yêu cầu này; bí mật chỉ hiện một lần. Hãy thu hồi và tạo khoá mới "
          "(a key was already issued for this request_id; its secret is shown only once)"),
      "SECRET_ALREADY_SHOWN");
}

}  // namespace parhub::platform
