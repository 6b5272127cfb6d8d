// Direct service channels and signed identities for the benchmarks.
#include "bench/service_client.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/tls.h"

namespace parhub::bench {

absl::StatusOr<std::shared_ptr<grpc::Channel>> ServiceChannel(const std::string& target,
                                                              const std::string& peer) {
  auto credentials = platform::MutualTlsChannelCredentials(platform::TlsFilesFromFlags());
  if (!credentials.ok()) return credentials.status();
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  args.SetMaxReceiveMessageSize(-1);
  args.SetSslTargetNameOverride(peer);
  auto channel = grpc::CreateCustomChannel(target, *credentials, args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
    return absl::UnavailableError(absl::StrCat("cannot connect to ", peer, " at ", target,
                                               " (is the suite running? bash scripts/up.sh)"));
  }
  return channel;
}

std::unique_ptr<grpc::ClientContext> Signer::Context(platform::Caller caller,
                                                     const std::string& method) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
  caller.trace_id = absl::StrCat("bench-", platform::RandomHex(6));
  platform::AttachIdentity(*context, key_, caller, method);
  return context;
}

platform::Caller Signer::SchoolAdmin(const std::string& school) {
  return platform::Caller{absl::StrCat("accounts/ht-", school), platform::Role::kSchoolAdmin, school, "", ""};
}

}  // namespace parhub::bench
