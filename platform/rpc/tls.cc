// Loading PEM files into gRPC's SSL credentials.
#include "platform/rpc/tls.h"

#include <fstream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"

ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate of this process (mutual TLS between gateway and services)");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of this process");
ABSL_FLAG(std::string, tls_ca_file, "", "PEM certificate of the CA that signs every parhub certificate");

namespace parhub::platform {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path, absl::string_view flag) {
  if (path.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "--", flag, " is required: services and gateway talk mutual TLS (scripts/make-certs.sh)"));
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().find("-----BEGIN") == std::string::npos) {
    return absl::FailedPreconditionError(absl::StrCat("--", flag, ": cannot read a PEM file at ", path));
  }
  return text.str();
}

// This process's certificate, key and the CA, read once.
struct Pems {
  std::string cert, key, ca;
};

absl::StatusOr<Pems> ReadPems(const TlsFiles& files) {
  Pems pems;
  absl::StatusOr<std::string> cert = ReadPem(files.cert, "tls_cert_file");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem(files.key, "tls_key_file");
  if (!key.ok()) return key.status();
  absl::StatusOr<std::string> ca = ReadPem(files.ca, "tls_ca_file");
  if (!ca.ok()) return ca.status();
  return Pems{*std::move(cert), *std::move(key), *std::move(ca)};
}

}  // namespace

TlsFiles TlsFilesFromFlags() {
  return TlsFiles{absl::GetFlag(FLAGS_tls_cert_file), absl::GetFlag(FLAGS_tls_key_file),
                  absl::GetFlag(FLAGS_tls_ca_file)};
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MutualTlsServerCredentials(const TlsFiles& files) {
  absl::StatusOr<Pems> pems = ReadPems(files);
  if (!pems.ok()) return pems.status();
  grpc::SslServerCredentialsOptions options(GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = pems->ca;
  options.pem_key_cert_pairs.push_back({pems->key, pems->cert});
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MutualTlsChannelCredentials(const TlsFiles& files) {
  absl::StatusOr<Pems> pems = ReadPems(files);
  if (!pems.ok()) return pems.status();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = pems->ca;
  options.pem_private_key = pems->key;
  options.pem_cert_chain = pems->cert;
  return grpc::SslCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> CaOnlyChannelCredentials(
    const std::string& ca_file) {
  absl::StatusOr<std::string> ca = ReadPem(ca_file, "tls_ca_file");
  if (!ca.ok()) return ca.status();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = *ca;
  return grpc::SslCredentials(options);
}

}  // namespace parhub::platform
