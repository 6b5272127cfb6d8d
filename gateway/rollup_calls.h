// How the gateway's own roll-ups call a backend: deadlines, method names,
// a blocking call under the backend's circuit breaker (Guarded), and the
// paged fan-out (FanOutPages): a list of schools cut into pages, one batch
// call per page, every page in flight at once, admitted by the breaker as
// one whole (a half-open breaker lets the whole roll-up through as its
// probe, never one page of it). A page that fails keeps its error; the
// caller marks that page's schools with it (PageOutcome).
#ifndef PARHUB_GATEWAY_ROLLUP_CALLS_H_
#define PARHUB_GATEWAY_ROLLUP_CALLS_H_

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "gateway/backends.h"
#include "platform/rpc/client.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/pending_calls.h"

namespace parhub::gateway {

inline void SetDeadline(grpc::ClientContext& context, absl::Time deadline) {
  context.set_deadline(absl::ToChronoTime(deadline));
}

template <typename Service>
std::string Method(absl::string_view rpc) {
  return absl::StrCat("/", Service::service_full_name(), "/", rpc);
}

// Runs a blocking call to `backend` under its breaker.
template <typename Call>
grpc::Status Guarded(const Backend& backend, Call&& call) {
  if (grpc::Status admitted = backend.breaker->Admit(backend.spec.label); !admitted.ok()) return admitted;
  grpc::Status status = call();
  backend.breaker->Record(status.error_code());
  return status;
}

// One page of a fan-out: schools [from, from + count) of the caller's list.
template <typename Request, typename Response>
struct FanOutPage final {
  grpc::ClientContext context;
  Request request;
  Response response;
  grpc::Status status;
  size_t from = 0;
  size_t count = 0;
};

// Who calls and how: `fill(request, from, to)` sets a page's request (its
// schools [from, to) and the period), `start(context, request, response,
// done)` starts the async call (e.g. stub->async()->BatchX). The gateway
// signs each page as `caller` for `method`. No schools make no page, or
// one empty page with `page_when_empty` (so the service still checks the
// request's other fields and answers them). Blocks until every page ended.
template <typename Request, typename Response, typename Fill, typename Start>
std::vector<std::unique_ptr<FanOutPage<Request, Response>>> FanOutPages(
    const Backend& backend, size_t schools, size_t page_size, const platform::IdentityKey& key,
    const platform::Caller& caller, const std::string& method, absl::Time deadline, bool page_when_empty,
    Fill&& fill, Start&& start) {
  using Page = FanOutPage<Request, Response>;
  std::vector<std::unique_ptr<Page>> pages;
  for (size_t from = 0; from < schools || (from == 0 && page_when_empty); from += page_size) {
    auto page = std::make_unique<Page>();
    page->from = from;
    page->count = std::min(schools, from + page_size) - from;
    fill(page->request, from, from + page->count);
    SetDeadline(page->context, deadline);
    platform::AttachIdentity(page->context, key, caller, method);
    pages.push_back(std::move(page));
  }
  const grpc::Status admitted = pages.empty() ? grpc::Status::OK : backend.breaker->Admit(backend.spec.label);
  platform::PendingCalls pending(static_cast<int>(pages.size()));
  for (auto& page : pages) {
    Page* p = page.get();
    if (!admitted.ok()) {
      p->status = admitted;
      pending.DecrementCount();
      continue;
    }
    start(&p->context, &p->request, &p->response, [&backend, p, &pending](grpc::Status status) {
      backend.breaker->Record(status.error_code());
      p->status = std::move(status);
      pending.DecrementCount();  // last: the frame may end after it
    });
  }
  pending.Wait();
  return pages;
}

// A page's outcome as the officer may see it: OK, the backend's error
// reworded (ForClient), or INTERNAL when it answered for `answered`
// schools instead of the page's.
template <typename Page>
grpc::Status PageOutcome(const Page& page, const Backend& backend, int answered) {
  if (!page.status.ok()) return ForClient(page.status, backend.spec);
  if (static_cast<size_t>(answered) != page.count) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        absl::StrCat(backend.spec.label, " trả lời thiếu trường (answered ", answered, " of ",
                                     page.count, " schools)"));
  }
  return grpc::Status::OK;
}

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_ROLLUP_CALLS_H_
