// API key resolution with a short positive cache, kept a little longer
// while the directory cannot be reached.
#include "gateway/authenticator.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/retry_delay.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

std::string IdOf(const std::string& name) { return name.substr(name.find('/') + 1); }

std::shared_ptr<const Principal> ToPrincipal(const directory::v1::AuthenticateApiKeyResponse& r) {
  auto p = std::make_shared<Principal>();
  p->account = r.account().name();
  p->display_name = r.account().display_name();
  p->role = platform::RoleFromProto(r.account().role());
  if (!r.account().school().empty()) p->school_id = IdOf(r.account().school());
  if (!r.account().authority().empty()) p->authority_id = IdOf(r.account().authority());
  p->authority_ids.insert(r.scope_authority_ids().begin(), r.scope_authority_ids().end());
  p->school_ids.insert(r.scope_school_ids().begin(), r.scope_school_ids().end());
  return p;
}

}  // namespace

KeyLookup DirectoryKeyLookup(const Backend& directory, const platform::IdentityKey& key) {
  std::shared_ptr<directory::v1::DirectoryService::Stub> stub =
      directory::v1::DirectoryService::NewStub(directory.channel);
  const std::string method =
      absl::StrCat("/", directory::v1::DirectoryService::service_full_name(), "/AuthenticateApiKey");
  return [stub, method, &key, spec = directory.spec](
             const std::string& secret, const std::string& trace_id, const grpc::ServerContextBase* incoming,
             std::function<void(absl::StatusOr<directory::v1::AuthenticateApiKeyResponse>)> done) {
    struct Call {
      grpc::ClientContext context;
      directory::v1::AuthenticateApiKeyRequest request;
      directory::v1::AuthenticateApiKeyResponse response;
    };
    auto call = std::make_shared<Call>();
    call->request.set_secret(secret);
    platform::SetDeadline(call->context, absl::Seconds(3), incoming);
    platform::AttachIdentity(call->context, key,
                             platform::Caller{"services/gateway", platform::Role::kService, "", "", trace_id},
                             method);
    stub->async()->AuthenticateApiKey(&call->context, &call->request, &call->response,
                                      [call, spec, done = std::move(done)](grpc::Status status) {
                                        if (!status.ok()) {
                                          done(platform::FromGrpcStatus(ForClient(status, spec)));
                                          return;
                                        }
                                        done(std::move(call->response));
                                      });
  };
}

Authenticator::Authenticator(KeyLookup lookup, absl::Duration cache_ttl, std::function<absl::Time()> clock,
                             BucketRate key_rate, absl::Duration stale_grace)
    : lookup_(std::move(lookup)),
      ttl_(cache_ttl),
      stale_grace_(stale_grace),
      clock_(clock),
      key_calls_(key_rate, clock) {}

absl::Status Authenticator::TakeCall(const std::string& key_hash) {
  const absl::Duration wait = key_calls_.Take(key_hash);
  if (wait == absl::ZeroDuration()) return absl::OkStatus();
  const int64_t seconds = std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(wait, absl::Seconds(1))));
  return platform::WithRetryDelay(absl::ResourceExhaustedError(absl::StrCat(
                                      "Khoá API này gọi quá nhiều; thử lại sau ", seconds,
                                      " giây (too many calls with this API key; retry in ", seconds, " s)")),
                                  wait);
}

void Authenticator::Resolve(const std::string& authorization, const std::string& trace_id,
                            const grpc::ServerContextBase* incoming, PrincipalCallback done) {
  constexpr absl::string_view kBearer = "Bearer ";
  if (!absl::StartsWith(authorization, kBearer) || authorization.size() <= kBearer.size()) {
    done(absl::UnauthenticatedError(
        "Thiếu khoá API: gửi 'authorization: Bearer <khoá>' (missing API key; run 'parhubctl login')"));
    return;
  }
  std::string secret = authorization.substr(kBearer.size());
  std::string hash = platform::Sha256Hex(secret);
  absl::Time now = clock_();
  std::shared_ptr<const Principal> cached, stale;
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end()) {
      if (it->second.expiry > now) {
        cached = it->second.principal;
      } else if (it->second.expiry + stale_grace_ > now) {
        stale = it->second.principal;  // kept while the lookup runs
      } else {
        cache_.erase(it);
      }
    }
  }
  if (cached) {  // outside the lock: the caller goes on to forward the call
    if (absl::Status limited = TakeCall(hash); !limited.ok()) return done(limited);
    done(std::move(cached));
    return;
  }
  lookup_(secret, trace_id, incoming,
          [this, hash, stale = std::move(stale),
           done = std::move(done)](absl::StatusOr<directory::v1::AuthenticateApiKeyResponse> found) {
            if (!found.ok()) {
              const bool unreachable =
                  absl::IsUnavailable(found.status()) || absl::IsDeadlineExceeded(found.status());
              if (stale && unreachable) {
                if (absl::Status limited = TakeCall(hash); !limited.ok()) return done(limited);
                return done(stale);
              }
              if (!unreachable) {  // refused: drop the stale entry at once
                absl::MutexLock lock(&mu_);
                cache_.erase(hash);
              }
              done(found.status());
              return;
            }
            auto principal = ToPrincipal(*found);
            {
              absl::MutexLock lock(&mu_);
              if (cache_.size() >= kMaxCachedKeys) cache_.clear();  // bound memory under key-guessing floods
              cache_[hash] = Entry{principal, clock_() + ttl_};
            }
            if (absl::Status limited = TakeCall(hash); !limited.ok()) return done(limited);
            done(principal);
          });
}

}  // namespace parhub::gateway
