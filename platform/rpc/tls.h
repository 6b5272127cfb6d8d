// Mutual TLS between the gateway and the services. One private CA signs a
// certificate per process whose name (CN and DNS SAN) is the process's name
// ("gateway", "tasks", …); scripts/make-certs.sh makes them.
//   - A service listens only with TLS and requires a verified client
//     certificate on every service method (Handlers' PeerPolicy says whose:
//     the gateway's by default). Health and reflection answer any TLS client,
//     so probes need only the CA.
//   - The gateway dials each backend with its own certificate and accepts
//     the backend only if its certificate, signed by the CA, names that
//     backend: a process squatting on a backend's port gets no identity.
#ifndef PARHUB_PLATFORM_RPC_TLS_H_
#define PARHUB_PLATFORM_RPC_TLS_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace parhub::platform {

struct TlsFiles final {
  std::string cert;  // this process's certificate chain (PEM)
  std::string key;   // its private key (PEM)
  std::string ca;    // the CA that signs every parhub certificate (PEM)
};

// From --tls_cert_file, --tls_key_file, --tls_ca_file (PARHUB_TLS_*).
TlsFiles TlsFilesFromFlags();

// Server side: TLS, client certificates requested and verified against the
// CA when presented. FAILED_PRECONDITION naming the flag when a file is
// missing or unreadable.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MutualTlsServerCredentials(const TlsFiles& files);

// Client side: presents this process's certificate and trusts only the CA.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MutualTlsChannelCredentials(const TlsFiles& files);

// Client side without a certificate of its own (health checks, probes):
// trusts only the CA.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> CaOnlyChannelCredentials(
    const std::string& ca_file);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_TLS_H_
