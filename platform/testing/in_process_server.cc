// In-process service for integration tests.
#include "platform/testing/in_process_server.h"

#include <cstdlib>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::testing {

parhub::common::v1::Date ProtoDate(int year, int month, int day) {
  parhub::common::v1::Date out;
  out.set_year(year);
  out.set_month(month);
  out.set_day(day);
  return out;
}

std::string ViolatedField(const grpc::Status& status) {
  std::vector<platform::FieldViolation> violations =
      platform::FieldViolations(platform::FromGrpcStatus(status));
  return violations.empty() ? "" : violations[0].field;
}

std::string ReasonOf(const grpc::Status& status) {
  return platform::Reason(platform::FromGrpcStatus(status));
}

InProcessServer::InProcessServer(std::string service_full_name, const std::string& name,
                                 const std::vector<platform::Migration>& migrations,
                                 platform::ExecutorOptions executor)
    : service_(std::move(service_full_name)) {
  database_ = std::make_unique<TestDatabase>(absl::StrCat(name, "_rpc"));
  platform::DbConfig config = database_->config();
  config.pool_size += 1;  // the group committer's own, as in platform/rpc/service_main.cc
  db_ = std::make_unique<platform::Db>(config);
  if (absl::Status migrated = platform::ApplyMigrations(*db_, name, migrations); !migrated.ok()) {
    std::cerr << "cannot migrate the test database: " << migrated << "\n";
    std::abort();
  }
  auto key = platform::IdentityKey::Create(std::string(32, 'k'));
  key_ = std::make_unique<platform::IdentityKey>(*key);
  executor_ = std::make_unique<platform::Executor>(std::move(executor));
  ledger_ = std::make_unique<platform::IdempotencyLedger>(*db_);
  // As a service run with --group_commit: the finance adapter tests send
  // RecordPayment through it (the e2e suites run the services' default, off).
  group_commit_ = std::make_unique<platform::GroupCommitter>(*db_, *ledger_, platform::GroupCommitOptions{});
  handlers_ = std::make_unique<platform::Handlers>(service_, *key_, *executor_, *ledger_,
                                                   platform::PeerPolicy::AnyPeer(), group_commit_.get());
}

InProcessServer::~InProcessServer() {
  if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  server_.reset();
  // The executor's threads may still be finishing a handler's last task;
  // join them before the Handlers those tasks belong to are destroyed.
  executor_.reset();
  group_commit_.reset();
}

void InProcessServer::Start(grpc::Service* service) {
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(service);
  server_ = builder.BuildAndStart();
  if (server_ == nullptr || port == 0) {
    std::cerr << "cannot start the in-process server\n";
    std::abort();
  }
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials());
}

std::unique_ptr<grpc::ClientContext> InProcessServer::Context(const platform::Caller& caller,
                                                              const std::string& method) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  platform::AttachIdentity(*context, *key_, caller, absl::StrCat("/", service_, "/", method));
  return context;
}

}  // namespace parhub::testing
