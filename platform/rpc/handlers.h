// The one handler style of every service. A service's RPC adapter is a
// CallbackService whose methods each return one of:
//
//   Read    for queries:   verify identity → run body(caller) → finish
//   Mutate  for mutations: verify identity → authorize(caller) returns a
//           Mutation (scope, audit target, apply) → idempotency ledger runs
//           apply once per request_id, writes the audit row, in one
//           transaction → finish
//
// Both verify the signed identity (audience = this service, method = this
// method) and the TLS peer before queueing, then run the body on the
// service's bounded Executor (queued work whose caller went away or whose
// deadline passed is dropped before it touches MySQL). Access is always
// checked before the ledger, because authorize() runs first and only the
// Mutation it returns can reach the ledger: a replay never hands one
// tenant's stored response to another.
//
//   grpc::ServerUnaryReactor* TaskServiceImpl::GetTask(grpc::CallbackServerContext* context,
//                                                      const v1::GetTaskRequest* request, v1::Task* response)
//                                                      {
//     return handlers_.Read(context, __func__, [=](const Caller& caller) -> absl::Status {
//       ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->name(), "name"));
//       RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "nhiệm vụ"));
//       ...
//     });
//   }
#ifndef PARHUB_PLATFORM_RPC_HANDLERS_H_
#define PARHUB_PLATFORM_RPC_HANDLERS_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "platform/core/caller.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/db/group_commit.h"
#include "platform/db/idempotency.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/identity.h"

namespace parhub::platform {

// What a mutating handler's authorize step returns once the caller may act.
template <typename Response>
struct Mutation final {
  Mutation(std::string scope, std::string target, std::function<absl::StatusOr<Response>()> apply)
      : scope(std::move(scope)), target(std::move(target)), apply(std::move(apply)) {}

  std::string scope;   // tenant the request_id lives in (the school id, or the service's own tenant key)
  std::string target;  // resource name for the audit row
  std::function<absl::StatusOr<Response>()> apply;  // the domain mutation, run at most once per key
  // For a response that carries a secret shown once (a new API key): clears
  // the secret from the copy the ledger keeps. A retry of the same request
  // then gets ALREADY_EXISTS (reason SECRET_ALREADY_SHOWN), never the secret.
  std::function<void(Response&)> forget_secret;
  // For a response holding personal data: removes it from the copy the
  // ledger keeps, so the ledger never holds what the domain tables may later
  // change or erase. A retry gets the reduced copy.
  std::function<void(Response&)> redact_stored;
  // The caller chose not to be named (an anonymous suggestion): the audit
  // row says "anonymous" and the replay binding uses that instead of the
  // caller's account, so nothing links the record to its author.
  bool anonymous = false;
  // The body whose fingerprint makes a retry "the same request"; the
  // request itself when unset (e.g. PublishDirective leaves out the school
  // list the gateway adds).
  std::shared_ptr<const google::protobuf::Message> fingerprint_body;
  // Coalesce with concurrent calls into one transaction and one commit
  // (platform/db/group_commit.h), when the process runs a GroupCommitter
  // (--group_commit). For high-rate writes whose callers can wait a batch
  // (finance's RecordPayment); the guarantees are the ledger's.
  bool group_commit = false;
};

// Which TLS peers may call: the certificate names (CN) allowed, e.g.
// {"gateway"}. Only in-process tests over plaintext use kAnyPeer.
struct PeerPolicy final {
  std::set<std::string> allowed;
  bool any_peer = false;
  static PeerPolicy AnyPeer() { return PeerPolicy{{}, true}; }
};

class Handlers final {
 public:
  // `service` is the proto service's full name (Service::service_full_name()).
  // `group_commit` may be null: mutations asking for it then run alone.
  Handlers(std::string service, const IdentityKey& key, Executor& executor, IdempotencyLedger& ledger,
           PeerPolicy peers, GroupCommitter* group_commit = nullptr);

  using ReadBody = std::function<absl::Status(const Caller&)>;
  // `method` is the RPC's name as in the proto (pass __func__ from the
  // handler, whose name is the RPC's).
  grpc::ServerUnaryReactor* Read(grpc::CallbackServerContext* context, absl::string_view method,
                                 ReadBody body);

  template <typename Response>
  grpc::ServerUnaryReactor* Mutate(
      grpc::CallbackServerContext* context, absl::string_view method,
      const google::protobuf::Message* request, Response* response,
      std::function<absl::StatusOr<Mutation<Response>>(const Caller&)> authorize);

  const std::string& service() const { return service_; }

 private:
  // A body that answers through `finish`, now or later (from another thread).
  using Finish = std::function<void(absl::Status)>;
  using AsyncBody = std::function<void(const Caller&, Finish)>;
  grpc::ServerUnaryReactor* Schedule(grpc::CallbackServerContext* context, absl::string_view method,
                                     AsyncBody body);
  // The ledger's record of this call; `done` gets the response bytes it
  // stored (first run) or replays (retry) — at once, or after a group
  // commit when `grouped` and the process has a GroupCommitter.
  void RunLedger(grpc::CallbackServerContext* context, const Caller& caller, bool anonymous, bool grouped,
                 const google::protobuf::Message& request, const google::protobuf::Message& fingerprint_body,
                 const std::string& scope, const std::string& target,
                 std::function<absl::StatusOr<std::string>()> apply,
                 std::function<void(absl::StatusOr<std::string>)> done);

  std::string service_;
  const IdentityKey& key_;
  Executor& executor_;
  IdempotencyLedger& ledger_;
  PeerPolicy peers_;
  GroupCommitter* group_commit_;
};

// SHA-256 of `request` serialized deterministically without request_id.
std::string RequestFingerprint(const google::protobuf::Message& request);

// ALREADY_EXISTS (SECRET_ALREADY_SHOWN): a retried request whose response
// held a secret that is shown only once.
absl::Status SecretAlreadyShown();

template <typename Response>
grpc::ServerUnaryReactor* Handlers::Mutate(
    grpc::CallbackServerContext* context, absl::string_view method, const google::protobuf::Message* request,
    Response* response, std::function<absl::StatusOr<Mutation<Response>>(const Caller&)> authorize) {
  return Schedule(
      context, method,
      [this, context, request, response, authorize = std::move(authorize)](const Caller& caller,
                                                                           Finish finish) {
        absl::StatusOr<Mutation<Response>> authorized = authorize(caller);
        if (!authorized.ok()) return finish(authorized.status());
        // What apply() produced, kept for the answer: it may run on the
        // group committer's thread after this body has returned.
        struct Outcome {
          Mutation<Response> mutation;
          std::optional<Response> fresh;
          std::string fresh_bytes;
        };
        auto outcome = std::make_shared<Outcome>(Outcome{*std::move(authorized), std::nullopt, ""});
        const Mutation<Response>& mutation = outcome->mutation;
        RunLedger(
            context, caller, mutation.anonymous, mutation.group_commit, *request,
            mutation.fingerprint_body ? *mutation.fingerprint_body : *request, mutation.scope,
            mutation.target,
            [outcome]() -> absl::StatusOr<std::string> {
              ASSIGN_OR_RETURN(Response out, outcome->mutation.apply());
              Response kept = out;
              if (outcome->mutation.forget_secret) outcome->mutation.forget_secret(kept);
              if (outcome->mutation.redact_stored) outcome->mutation.redact_stored(kept);
              outcome->fresh = std::move(out);
              outcome->fresh_bytes = kept.SerializeAsString();
              return outcome->fresh_bytes;
            },
            [outcome, response, finish](absl::StatusOr<std::string> stored) {
              if (!stored.ok()) return finish(stored.status());
              // The ledger returns what this call's apply() produced, or the stored
              // response of an earlier (or concurrent, winning) call with the same key.
              if (outcome->fresh.has_value() && *stored == outcome->fresh_bytes) {
                *response = *std::move(outcome->fresh);
                return finish(absl::OkStatus());
              }
              if (outcome->mutation.forget_secret) return finish(SecretAlreadyShown());
              if (!response->ParseFromString(*stored)) {
                return finish(absl::InternalError("stored response does not parse"));
              }
              finish(absl::OkStatus());
            });
      });
}

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_HANDLERS_H_
