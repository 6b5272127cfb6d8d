// parhubctl's connection to the gateway: where it is, which API key to
// present (config file under the user's config dir, or environment), how
// calls are made, and how errors become messages and exit codes.
#ifndef PARHUB_CLI_SESSION_H_
#define PARHUB_CLI_SESSION_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "cli/output.h"

namespace parhub::cli {

// Exit codes scripts can rely on (see docs/CLI.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // anything else
  kExitUsage = 2,        // bad command line
  kExitAuth = 3,         // UNAUTHENTICATED, PERMISSION_DENIED
  kExitNotFound = 4,     // NOT_FOUND
  kExitRejected = 5,     // INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS, OUT_OF_RANGE
  kExitUnavailable = 6,  // UNAVAILABLE, DEADLINE_EXCEEDED (a retry may help)
};

struct Profile final {
  std::string gateway = "127.0.0.1:50050";
  std::string api_key;
  std::string school;     // "schools/…" of a school account
  std::string authority;  // "authorities/…" of an officer
};

// $XDG_CONFIG_HOME/parhub/config or ~/.config/parhub/config.
std::string ConfigPath();
// Config file, then PARHUB_GATEWAY / PARHUB_API_KEY override it.
Profile LoadProfile();
// Writes the file with mode 0600. Returns false with a message on failure.
bool SaveProfile(const Profile& profile, std::string* error);

class Session final {
 public:
  Session(Profile profile, Output& out, int timeout_s);

  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  // A context with the API key, a request id and the deadline.
  std::unique_ptr<grpc::ClientContext> NewContext() const;
  const Profile& profile() const { return profile_; }
  Output& out() { return out_; }

  // Prints a clear message for a failed call and returns its exit code.
  int Fail(const grpc::Status& status) const;

 private:
  Profile profile_;
  Output& out_;
  int timeout_s_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace parhub::cli

#endif  // PARHUB_CLI_SESSION_H_
