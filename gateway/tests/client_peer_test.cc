// Whose address the public API's abuse limits count: over the network the
// call's own peer, whatever the client puts in the HTTP server's header;
// over the in-process channel (the HTTP/JSON server's calls) the header,
// when it comes with the process's token.
#include <gmock/gmock.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/synchronization/notification.h"
#include "gateway/abuse_limiter.h"

namespace parhub::gateway {
namespace {

// Answers every call with the ClientPeerOf its context.
class PeerEcho final : public grpc::CallbackGenericService {
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* context) override {
    class Reactor final : public grpc::ServerGenericBidiReactor {
     public:
      explicit Reactor(grpc::GenericCallbackServerContext* context) {
        std::string peer = ClientPeerOf(*context);
        grpc::Slice slice(peer);
        response_ = grpc::ByteBuffer(&slice, 1);
        StartRead(&request_);
      }
      void OnReadDone(bool) override {
        StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
      }
      void OnDone() override { delete this; }

     private:
      grpc::ByteBuffer request_, response_;
    };
    return new Reactor(context);
  }
};

std::string Call(const std::shared_ptr<grpc::Channel>& channel, const std::string& header,
                 const std::string& token = InProcessToken()) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  if (!header.empty()) context.AddMetadata(kHttpClientPeerHeader, header);
  if (!token.empty()) context.AddMetadata(kInProcessTokenHeader, token);
  grpc::Slice slice(std::string("x"));
  grpc::ByteBuffer request(&slice, 1), response;
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(&context, "/test.Echo/Peer", grpc::StubOptions(), &request, &response, [&](grpc::Status s) {
    status = s;
    done.Notify();
  });
  done.WaitForNotification();
  EXPECT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  std::string out;
  if (response.Dump(&slices).ok()) {
    for (const auto& s : slices) out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

TEST(ClientPeerOf, TheHeaderCountsOnlyOnInProcessCalls) {
  PeerEcho echo;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterCallbackGenericService(&echo);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(port, 0);

  auto network = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
  std::string spoofed = Call(network, "ipv4:203.0.113.9:1234");
  EXPECT_THAT(spoofed, ::testing::StartsWith("ipv4:127.0.0.1:"));
  EXPECT_EQ(ClientAddressOf(spoofed).address, "127.0.0.1");

  auto in_process = server->InProcessChannel(grpc::ChannelArguments());
  EXPECT_EQ(Call(in_process, "ipv4:203.0.113.9:1234"), "ipv4:203.0.113.9:1234");
  EXPECT_EQ(Call(in_process, ""), kInProcessPeer);
  // Without this process's token even an in-process call keeps its own peer.
  EXPECT_EQ(Call(in_process, "ipv4:203.0.113.9:1234", "0123"), kInProcessPeer);
  EXPECT_EQ(Call(in_process, "ipv4:203.0.113.9:1234", ""), kInProcessPeer);
  server->Shutdown();
}

}  // namespace
}  // namespace parhub::gateway
