// The fault-injecting TCP proxy: one acceptor thread, one thread per
// connection polling both of its sockets.
#include "tests/e2e/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "absl/time/clock.h"

namespace parhub::e2e {
namespace {

// Resets the connection (RST, not FIN) and closes the socket.
void ResetAndClose(int fd) {
  if (fd < 0) return;
  linger hard{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
  close(fd);
}

// A send that gives up after a second instead of blocking on a peer that
// stopped reading.
void BoundSends(int fd) {
  timeval second{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &second, sizeof(second));
}

int ConnectLoopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return -1;
  }
  BoundSends(fd);
  return fd;
}

bool SendAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string FaultName(Fault fault) {
  switch (fault) {
    case Fault::kNone:
      return "none";
    case Fault::kDelay:
      return "delay";
    case Fault::kSlowReads:
      return "slow reads";
    case Fault::kHalfOpen:
      return "half-open";
    case Fault::kDrop:
      return "drop";
  }
  return "?";
}

struct FaultProxy::Link {
  int client = -1;
  int upstream = -1;
  bool stalled = false;  // half-open: never forwards again
};

FaultProxy::FaultProxy(int upstream_port, absl::Duration delay)
    : upstream_port_(upstream_port), delay_(delay) {
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t length = sizeof(addr);
  if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || listen(listener_, 128) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
    close(listener_);
    throw std::runtime_error("fault proxy: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(addr.sin_port);
  threads_.emplace_back(&FaultProxy::AcceptLoop, this);
}

FaultProxy::~FaultProxy() {
  stopping_ = true;
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    threads.swap(threads_);
  }
  for (std::thread& t : threads) t.join();
  close(listener_);
}

void FaultProxy::AcceptLoop() {
  while (!stopping_) {
    pollfd ready{listener_, POLLIN, 0};
    if (poll(&ready, 1, 50) <= 0) continue;
    int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    ++accepted_;
    const Fault fault = fault_.load();
    if (fault == Fault::kDrop) {
      ResetAndClose(client);
      continue;
    }
    BoundSends(client);
    auto link = std::make_shared<Link>();
    link->client = client;
    if (fault == Fault::kHalfOpen) {
      link->stalled = true;
    } else if ((link->upstream = ConnectLoopback(upstream_port_)) < 0) {
      ResetAndClose(client);
      continue;
    }
    std::lock_guard<std::mutex> lock(mu_);
    threads_.emplace_back(&FaultProxy::Serve, this, std::move(link));
  }
}

void FaultProxy::Serve(std::shared_ptr<Link> link) {
  bool open = true;
  while (open && !stopping_) {
    const Fault fault = fault_.load();
    if (fault == Fault::kDrop) break;
    if (fault == Fault::kHalfOpen) link->stalled = true;
    if (link->stalled) {
      absl::SleepFor(absl::Milliseconds(20));
      continue;
    }
    pollfd fds[2] = {{link->client, POLLIN, 0}, {link->upstream, POLLIN, 0}};
    if (poll(fds, 2, 50) <= 0) continue;
    if (fds[0].revents != 0) open = Forward(link->client, link->upstream, fault);
    if (open && fds[1].revents != 0) open = Forward(link->upstream, link->client, fault);
  }
  ResetAndClose(link->client);
  ResetAndClose(link->upstream);
}

bool FaultProxy::Forward(int from, int to, Fault fault) {
  char buffer[1 << 16];
  const size_t most = fault == Fault::kSlowReads ? 16 : sizeof(buffer);
  ssize_t n = recv(from, buffer, most, 0);
  if (n <= 0) return false;
  if (fault == Fault::kDelay) absl::SleepFor(delay_);
  if (fault == Fault::kSlowReads) absl::SleepFor(absl::Milliseconds(5));
  return SendAll(to, buffer, static_cast<size_t>(n));
}

}  // namespace parhub::e2e
