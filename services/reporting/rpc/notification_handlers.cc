// The notification methods of ReportingServiceImpl (declared in
// reporting_service.h): name → NotificationDesk → proto. The sweep is a
// Read, not a Mutate: it calls other services and an SMTP server, which
// must not run inside the ledger's transaction, and it is idempotent by
// construction (the outbox records each event once, each account's digest
// is mailed once per day).
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/rpc/reporting_service.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::DateFromProto;
using ::parhub::platform::DateToProto;
using ::parhub::platform::ParseName;

constexpr char kSchool[] = "schools/{school}";
constexpr char kAuthority[] = "authorities/{authority}";

v1::Notification ToProto(const Notification& n) {
  v1::Notification out;
  out.set_name(absl::StrCat("schools/", n.school_id, "/notifications/", n.id));
  out.set_kind(static_cast<v1::NotificationKind>(n.kind));
  out.set_subject(n.subject);
  out.set_title(n.title);
  if (n.due_date.IsSet()) *out.mutable_due_date() = DateToProto(n.due_date);
  out.set_working_days_left(n.working_days_left);
  *out.mutable_occurred_on() = DateToProto(n.occurred_on);
  out.set_directive(n.directive);
  out.set_school_display_name(n.school_display_name);
  out.set_message(DescribeNotification(n));
  *out.mutable_create_time() = platform::TimeToProto(n.create_time);
  return out;
}

absl::StatusOr<NotificationFilter> FilterFromProto(const v1::ListNotificationsRequest& request) {
  NotificationFilter filter;
  ASSIGN_OR_RETURN(filter.occurred_after, DateFromProto(request.occurred_after(), "occurred_after"));
  ASSIGN_OR_RETURN(filter.occurred_before, DateFromProto(request.occurred_before(), "occurred_before"));
  for (int kind : request.kinds()) {
    if (kind <= 0 || kind > kLastNotificationKind) return platform::UnknownEnumValue("kinds", kind);
    filter.kinds.push_back(static_cast<NotificationKind>(kind));
  }
  return filter;
}

}  // namespace

grpc::ServerUnaryReactor* ReportingServiceImpl::ListNotifications(Context* c,
                                                                  const v1::ListNotificationsRequest* request,
                                                                  v1::ListNotificationsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    ASSIGN_OR_RETURN(NotificationFilter filter, FilterFromProto(*request));
    ASSIGN_OR_RETURN(auto page, desks_.notifications.List(caller, ids[0], filter, request->page_size(),
                                                          request->page_token()));
    for (const Notification& n : page.items) *response->add_notifications() = ToProto(n);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetNotificationDigest(
    Context* c, const v1::GetNotificationDigestRequest* request, v1::NotificationDigest* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(platform::Date day, DateFromProto(request->date(), "date"));
    ASSIGN_OR_RETURN(Digest digest, desks_.notifications.DigestOf(caller, day));
    response->set_account(digest.account);
    *response->mutable_date() = DateToProto(digest.day);
    std::map<NotificationKind, int> counts;
    for (const Notification& n : digest.notifications) {
      *response->add_notifications() = ToProto(n);
      ++counts[n.kind];
    }
    for (const auto& [kind, count] : counts) {
      v1::NotificationCount* out = response->add_counts();
      out->set_kind(static_cast<v1::NotificationKind>(kind));
      out->set_count(count);
    }
    response->set_subject(digest.subject);
    response->set_text(digest.text);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::RunNotificationSweep(
    Context* c, const v1::RunNotificationSweepRequest* request, v1::NotificationSweep* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAuthority, request->parent(), "parent"));
    ASSIGN_OR_RETURN(platform::Date day, DateFromProto(request->date(), "date"));
    ASSIGN_OR_RETURN(SweepOutcome outcome,
                     desks_.notifications.Sweep(caller, ids[0], day, request->send_email()));
    *response->mutable_date() = DateToProto(outcome.sweep.day);
    response->set_school_count(static_cast<int>(outcome.sweep.schools.size()));
    response->set_new_notification_count(outcome.sweep.new_notifications);
    for (const auto& [school, reason] : outcome.sweep.failures) {
      v1::SweepFailure* failure = response->add_failures();
      failure->set_school(absl::StrCat("schools/", school));
      failure->set_reason(reason);
    }
    response->set_emails_sent(outcome.mail.sent);
    response->set_emails_failed(outcome.mail.failed);
    response->set_emails_skipped(outcome.mail.skipped);
    return absl::OkStatus();
  });
}

}  // namespace parhub::reporting
