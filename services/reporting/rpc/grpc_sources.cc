// Parallel summary pulls over gRPC (see grpc_sources.h).
#include "services/reporting/rpc/grpc_sources.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/pending_calls.h"
#include "platform/rpc/proto_values.h"

namespace parhub::reporting {
namespace {

const std::map<std::string, std::string>& DefaultAddresses() {
  static const auto* const kDefaults =
      new std::map<std::string, std::string>{{"directory", "127.0.0.1:50051"},
                                             {"tasks", "127.0.0.1:50052"},
                                             {"staffing", "127.0.0.1:50053"},
                                             {"finance", "127.0.0.1:50054"},
                                             {"complaints", "127.0.0.1:50055"}};
  return *kDefaults;
}

// One outgoing call: its context, request and response live until the
// callback has run.
template <typename Request, typename Response>
struct Call final {
  grpc::ClientContext context;
  Request request;
  Response response;
  absl::Status status;
};

template <typename Request>
Request PeriodRequest(const std::string& school_id, platform::Date start, platform::Date end) {
  Request request;
  request.set_school(absl::StrCat("schools/", school_id));
  *request.mutable_period_start() = platform::DateToProto(start);
  *request.mutable_period_end() = platform::DateToProto(end);
  return request;
}

}  // namespace

absl::StatusOr<std::unique_ptr<GrpcSources>> GrpcSources::Connect(
    absl::string_view addresses, const std::shared_ptr<grpc::ChannelCredentials>& credentials,
    const platform::IdentityKey& key) {
  std::map<std::string, std::string> chosen = DefaultAddresses();
  for (absl::string_view entry : absl::StrSplit(addresses, ',', absl::SkipWhitespace())) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(entry, absl::MaxSplits('=', 1));
    std::string name(absl::StripAsciiWhitespace(kv.first)), address(absl::StripAsciiWhitespace(kv.second));
    if (!DefaultAddresses().contains(name) || address.find(':') == std::string::npos) {
      return platform::InvalidField(
          "sources",
          absl::StrCat(
              "'", entry,
              "' is not name=host:port with name directory, tasks, staffing, finance or complaints"));
    }
    chosen[name] = address;
  }
  std::unique_ptr<GrpcSources> out(new GrpcSources(key));
  out->tasks_ = tasks::v1::TaskService::NewStub(platform::MakeChannel(chosen["tasks"], credentials, "tasks"));
  out->staffing_ = staffing::v1::StaffingService::NewStub(
      platform::MakeChannel(chosen["staffing"], credentials, "staffing"));
  out->finance_ =
      finance::v1::FinanceService::NewStub(platform::MakeChannel(chosen["finance"], credentials, "finance"));
  out->complaints_ = complaints::v1::ComplaintService::NewStub(
      platform::MakeChannel(chosen["complaints"], credentials, "complaints"));
  out->directory_ = directory::v1::DirectoryService::NewStub(
      platform::MakeChannel(chosen["directory"], credentials, "directory"));
  return out;
}

absl::StatusOr<SchoolNames> GrpcSources::Names(const std::string& school_id, absl::Time deadline) {
  platform::Caller self{"services/reporting", platform::Role::kService, school_id, "",
                        platform::RandomHex(8)};
  SchoolNames out;
  directory::v1::GetSchoolRequest get_school;
  get_school.set_name(absl::StrCat("schools/", school_id));
  directory::v1::School school;
  {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    platform::AttachIdentity(context, key_, self, "/parhub.directory.v1.DirectoryService/GetSchool");
    RETURN_IF_ERROR(platform::FromGrpcStatus(directory_->GetSchool(&context, get_school, &school)));
  }
  out.school = school.display_name();
  directory::v1::GetAuthorityRequest get_authority;
  get_authority.set_name(school.authority());
  directory::v1::Authority authority;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  platform::AttachIdentity(context, key_, self, "/parhub.directory.v1.DirectoryService/GetAuthority");
  RETURN_IF_ERROR(platform::FromGrpcStatus(directory_->GetAuthority(&context, get_authority, &authority)));
  out.authority = authority.display_name();
  return out;
}

absl::StatusOr<std::vector<PlanTask>> GrpcSources::PlanTasks(const std::string& school_id, int year,
                                                             absl::Time deadline) {
  platform::Caller self{"services/reporting", platform::Role::kService, school_id, "",
                        platform::RandomHex(8)};
  std::vector<PlanTask> out;
  tasks::v1::ListPlansRequest plans_request;
  plans_request.set_parent(absl::StrCat("schools/", school_id));
  plans_request.set_year(year);
  plans_request.set_page_size(100);
  tasks::v1::ListPlansResponse plans;
  {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    platform::AttachIdentity(context, key_, self, "/parhub.tasks.v1.TaskService/ListPlans");
    RETURN_IF_ERROR(platform::FromGrpcStatus(tasks_->ListPlans(&context, plans_request, &plans)));
  }
  for (const auto& plan : plans.plans()) {
    tasks::v1::ListTasksRequest request;
    request.set_parent(plan.name());
    request.set_page_size(100);
    do {
      tasks::v1::ListTasksResponse page;
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(deadline));
      platform::AttachIdentity(context, key_, self, "/parhub.tasks.v1.TaskService/ListTasks");
      RETURN_IF_ERROR(platform::FromGrpcStatus(tasks_->ListTasks(&context, request, &page)));
      for (const auto& t : page.tasks()) {
        PlanTask task;
        task.name = t.name();
        task.code = t.code();
        task.title = t.title();
        task.percent_done = t.percent_done();
        task.overdue = t.overdue();
        if (auto due = platform::DateFromProto(t.due_date(), "due_date"); due.ok()) task.due_date = *due;
        task.open =
            t.status() != tasks::v1::TASK_STATUS_DONE && t.status() != tasks::v1::TASK_STATUS_CANCELLED;
        task.directive = t.directive();
        task.create_time = platform::TimeFromProto(t.create_time());
        out.push_back(std::move(task));
      }
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
  }
  return out;
}

FetchResults GrpcSources::Fetch(const std::string& school_id, platform::Date start, platform::Date end,
                                const std::set<std::string>& sources, absl::Time deadline) {
  platform::Caller self{"services/reporting", platform::Role::kService, school_id, "",
                        platform::RandomHex(8)};
  platform::PendingCalls pending(static_cast<int>(sources.size()));
  FetchResults out;
  auto tasks = std::make_shared<Call<tasks::v1::SummarizeTasksRequest, tasks::v1::TaskSummary>>();
  auto staffing =
      std::make_shared<Call<staffing::v1::SummarizeStaffingRequest, staffing::v1::StaffingSummary>>();
  auto finance = std::make_shared<Call<finance::v1::SummarizeFinanceRequest, finance::v1::FinanceSummary>>();
  auto complaints =
      std::make_shared<Call<complaints::v1::SummarizeComplaintsRequest, complaints::v1::ComplaintSummary>>();
  // Starts one call; `rpc` is the stub's async method.
  auto start_call = [&](auto& call, absl::string_view method, auto&& rpc) {
    using Req = decltype(call->request);
    call->request = PeriodRequest<Req>(school_id, start, end);
    call->context.set_deadline(absl::ToChronoTime(deadline));
    platform::AttachIdentity(call->context, key_, self, method);
    rpc(&call->context, &call->request, &call->response, [&pending, c = call.get()](grpc::Status s) {
      c->status = platform::FromGrpcStatus(s);
      pending.DecrementCount();
    });
  };
  for (const std::string& source : sources) {
    if (source == "tasks") {
      start_call(tasks, "/parhub.tasks.v1.TaskService/SummarizeTasks",
                 [&](auto... a) { tasks_->async()->SummarizeTasks(a...); });
    } else if (source == "staffing") {
      start_call(staffing, "/parhub.staffing.v1.StaffingService/SummarizeStaffing",
                 [&](auto... a) { staffing_->async()->SummarizeStaffing(a...); });
    } else if (source == "finance") {
      start_call(finance, "/parhub.finance.v1.FinanceService/SummarizeFinance",
                 [&](auto... a) { finance_->async()->SummarizeFinance(a...); });
    } else if (source == "complaints") {
      start_call(complaints, "/parhub.complaints.v1.ComplaintService/SummarizeComplaints",
                 [&](auto... a) { complaints_->async()->SummarizeComplaints(a...); });
    } else {
      out[source] = absl::InvalidArgumentError(absl::StrCat("unknown source ", source));
      pending.DecrementCount();
    }
  }
  pending.Wait();
  auto collect = [&](const std::string& source, auto& call) {
    if (!sources.contains(source)) return;
    if (call->status.ok()) {
      out[source] = std::shared_ptr<const google::protobuf::Message>(call, &call->response);
    } else {
      out[source] = call->status;
    }
  };
  collect("tasks", tasks);
  collect("staffing", staffing);
  collect("finance", finance);
  collect("complaints", complaints);
  return out;
}

}  // namespace parhub::reporting
