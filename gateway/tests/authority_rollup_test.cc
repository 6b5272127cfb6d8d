// Authority overviews, directive publishing and the reporting overview
// against a fake directory, a fake tasks service and a fake reporting
// service served in-process on 127.0.0.1 (plaintext). The fakes
// answer from canned data and verify every identity they receive with the
// gateway's key, recording what they saw.
#include "gateway/authority_rollup.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <optional>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/proto_values.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kBatchSummarize[] = "/parhub.tasks.v1.TaskService/BatchSummarizeTasks";
constexpr char kPublish[] = "/parhub.tasks.v1.TaskService/PublishDirective";
constexpr char kGetAuthority[] = "/parhub.directory.v1.DirectoryService/GetAuthority";
constexpr char kListSchools[] = "/parhub.directory.v1.DirectoryService/ListSchools";
constexpr char kMemberships[] = "/parhub.directory.v1.DirectoryService/ListSchoolMemberships";
constexpr char kScorecards[] = "/parhub.reporting.v1.ReportingService/BatchGetScorecards";
constexpr char kStatuses[] = "/parhub.reporting.v1.ReportingService/BatchGetReportStatuses";
// What gRPC says when a backend cannot be reached; no client may see it.
constexpr char kTransportText[] = "failed to connect to all addresses; last error: ipv4:10.1.2.3:50052";

const platform::IdentityKey& Key() {
  static const auto* const key =
      new platform::IdentityKey(*platform::IdentityKey::Create(std::string(32, 'g')));
  return *key;
}

const std::string& Label(absl::string_view backend) {
  for (const BackendSpec& spec : KnownBackends()) {
    if (spec.name == backend) return spec.label;
  }
  std::abort();
}

// One call as a fake saw it: the verified identity (or why it did not verify).
struct Seen {
  std::string method;
  absl::StatusOr<common::v1::Identity> identity;
  std::string token;
};

Seen Verify(const grpc::CallbackServerContext* context, const char* method) {
  std::string token;
  auto it = context->client_metadata().find(platform::kIdentityHeader);
  if (it != context->client_metadata().end()) token.assign(it->second.data(), it->second.size());
  return Seen{method, Key().Verify(token, method, absl::Now()), token};
}

directory::v1::School School(const std::string& id, const std::string& display_name,
                             const std::string& authority = "authorities/q1") {
  directory::v1::School school;
  school.set_name(absl::StrCat("schools/", id));
  school.set_display_name(display_name);
  school.set_authority(authority);
  return school;
}

class FakeDirectory final : public directory::v1::DirectoryService::CallbackService {
 public:
  grpc::ServerUnaryReactor* GetAuthority(grpc::CallbackServerContext* context,
                                         const directory::v1::GetAuthorityRequest* request,
                                         directory::v1::Authority* response) override {
    absl::MutexLock lock(&mu_);
    seen_.push_back(Verify(context, kGetAuthority));
    authorities_asked_.push_back(request->name());
    grpc::Status status = get_authority_fails_;
    if (status.ok()) {
      auto it = authorities_.find(request->name());
      if (it == authorities_.end()) {
        status = grpc::Status(grpc::StatusCode::NOT_FOUND, "no such authority");
      } else {
        response->set_name(it->first);
        response->set_display_name(it->second);
      }
    }
    auto* reactor = context->DefaultReactor();
    reactor->Finish(status);
    return reactor;
  }

  // Pages of at most page_size_ schools; the token is the next offset.
  grpc::ServerUnaryReactor* ListSchools(grpc::CallbackServerContext* context,
                                        const directory::v1::ListSchoolsRequest* request,
                                        directory::v1::ListSchoolsResponse* response) override {
    absl::MutexLock lock(&mu_);
    seen_.push_back(Verify(context, kListSchools));
    parents_asked_.push_back(request->parent());
    auto* reactor = context->DefaultReactor();
    if (!list_schools_fails_.ok()) {
      reactor->Finish(list_schools_fails_);
      return reactor;
    }
    as_of_asked_.push_back(request->has_as_of() ? platform::DateFromProto(request->as_of(), "as_of")->ToIso()
                                                : std::string());
    // A day before today lists past_schools_ when the test set them.
    const bool past =
        request->has_as_of() &&
        *platform::DateFromProto(request->as_of(), "as_of") < platform::LocalDate(absl::Now()) &&
        past_schools_.contains(request->parent());
    const std::vector<directory::v1::School>& all =
        past ? past_schools_[request->parent()] : schools_[request->parent()];
    size_t from = 0;
    if (!request->page_token().empty() && !absl::SimpleAtoi(request->page_token(), &from)) {
      reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token"));
      return reactor;
    }
    size_t to = std::min(all.size(), from + std::min<size_t>(page_size_, request->page_size()));
    for (size_t i = from; i < to; ++i) *response->add_schools() = all[i];
    if (to < all.size()) response->set_next_page_token(absl::StrCat(to));
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  // UNIMPLEMENTED (an older directory) unless a test sets tree_version_.
  grpc::ServerUnaryReactor* GetTreeVersion(grpc::CallbackServerContext* context,
                                           const directory::v1::GetTreeVersionRequest* /*request*/,
                                           directory::v1::TreeVersion* response) override {
    absl::MutexLock lock(&mu_);
    auto* reactor = context->DefaultReactor();
    if (!tree_version_.has_value()) {
      reactor->Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "no GetTreeVersion"));
      return reactor;
    }
    ++tree_version_asked_;
    response->set_version(*tree_version_);
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  grpc::ServerUnaryReactor* ListSchoolMemberships(
      grpc::CallbackServerContext* context, const directory::v1::ListSchoolMembershipsRequest* request,
      directory::v1::ListSchoolMembershipsResponse* response) override {
    absl::MutexLock lock(&mu_);
    seen_.push_back(Verify(context, kMemberships));
    for (const auto& m : memberships_[request->name()]) *response->add_memberships() = m;
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  absl::Mutex mu_;
  std::map<std::string, std::string> authorities_ ABSL_GUARDED_BY(mu_);  // name → display name
  std::map<std::string, std::vector<directory::v1::School>> schools_ ABSL_GUARDED_BY(mu_);  // by parent
  // By parent: the schools on any day before today (each with its authority then).
  std::map<std::string, std::vector<directory::v1::School>> past_schools_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::vector<directory::v1::SchoolMembership>> memberships_
      ABSL_GUARDED_BY(mu_);                                    // by school name
  std::vector<std::string> as_of_asked_ ABSL_GUARDED_BY(mu_);  // ISO dates, "" when unset
  size_t page_size_ ABSL_GUARDED_BY(mu_) = 1000;
  grpc::Status get_authority_fails_ ABSL_GUARDED_BY(mu_);
  grpc::Status list_schools_fails_ ABSL_GUARDED_BY(mu_);
  std::vector<Seen> seen_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> authorities_asked_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> parents_asked_ ABSL_GUARDED_BY(mu_);
  std::optional<int64_t> tree_version_ ABSL_GUARDED_BY(mu_);
  int tree_version_asked_ ABSL_GUARDED_BY(mu_) = 0;
};

class FakeTasks final : public tasks::v1::TaskService::CallbackService {
 public:
  ~FakeTasks() override { JoinAll(); }

  // Answers from summaries_ by school (zeros for a school without one, as
  // the service does); fails the whole call with the status in failures_
  // of any school asked. With a delay, on a thread of its own, counting the
  // calls in flight until just before it finishes.
  grpc::ServerUnaryReactor* BatchSummarizeTasks(grpc::CallbackServerContext* context,
                                                const tasks::v1::BatchSummarizeTasksRequest* request,
                                                tasks::v1::BatchSummarizeTasksResponse* response) override {
    auto* reactor = context->DefaultReactor();
    absl::MutexLock lock(&mu_);
    Seen seen = Verify(context, kBatchSummarize);
    batch_sizes_.push_back(request->schools_size());
    max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
    grpc::Status status;
    if (!seen.identity.ok()) status = platform::ToGrpcStatus(seen.identity.status());
    for (const std::string& school : request->schools()) {
      summarized_.push_back({school, request->period_start(), request->period_end(), seen});
      ++calls_by_school_[school];
      if (auto f = failures_.find(school); status.ok() && f != failures_.end()) status = f->second;
      auto it = summaries_.find(school);
      tasks::v1::TaskSummary summary = it != summaries_.end() ? it->second : tasks::v1::TaskSummary();
      summary.set_school(school);
      *response->add_summaries() = summary;
    }
    if (!status.ok()) response->Clear();
    auto finish = [this, reactor, status] {
      {
        absl::MutexLock lock(&mu_);
        --in_flight_;
      }
      reactor->Finish(status);
    };
    if (delay_ == absl::ZeroDuration()) {
      --in_flight_;
      reactor->Finish(status);
    } else {
      threads_.emplace_back([finish, delay = delay_] {
        absl::SleepFor(delay);
        finish();
      });
    }
    return reactor;
  }

  grpc::ServerUnaryReactor* PublishDirective(grpc::CallbackServerContext* context,
                                             const tasks::v1::PublishDirectiveRequest* request,
                                             tasks::v1::Directive* response) override {
    absl::MutexLock lock(&mu_);
    published_.push_back({*request, Verify(context, kPublish)});
    grpc::Status status = publish_fails_;
    if (status.ok()) {
      *response = request->directive();
      response->set_name(absl::StrCat(request->parent(), "/directives/", request->directive_id()));
      response->set_school_count(request->school_ids_size());
    }
    auto* reactor = context->DefaultReactor();
    reactor->Finish(status);
    return reactor;
  }

  void JoinAll() {
    std::vector<std::thread> threads;
    {
      absl::MutexLock lock(&mu_);
      threads.swap(threads_);
    }
    for (auto& t : threads) t.join();
  }

  struct Summarized {
    std::string school;
    common::v1::Date period_start, period_end;
    Seen seen;
  };
  struct Published {
    tasks::v1::PublishDirectiveRequest request;
    Seen seen;
  };

  absl::Mutex mu_;
  std::map<std::string, tasks::v1::TaskSummary> summaries_ ABSL_GUARDED_BY(mu_);  // by school name
  std::map<std::string, grpc::Status> failures_ ABSL_GUARDED_BY(mu_);             // by school name
  grpc::Status publish_fails_ ABSL_GUARDED_BY(mu_);
  absl::Duration delay_ ABSL_GUARDED_BY(mu_) = absl::ZeroDuration();
  std::vector<Summarized> summarized_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_by_school_ ABSL_GUARDED_BY(mu_);
  std::vector<int> batch_sizes_ ABSL_GUARDED_BY(mu_);
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  int max_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<Published> published_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> threads_ ABSL_GUARDED_BY(mu_);
};

namespace rpb = reporting::v1;

// Answers the batch calls from canned scorecards and statuses by school id:
// a school without a canned scorecard has no stored forecast, one without a
// canned status is PENDING. Records each call with the identity it carried.
class FakeReporting final : public rpb::ReportingService::CallbackService {
 public:
  grpc::ServerUnaryReactor* BatchGetScorecards(grpc::CallbackServerContext* context,
                                               const rpb::BatchGetScorecardsRequest* request,
                                               rpb::BatchGetScorecardsResponse* response) override {
    absl::MutexLock lock(&mu_);
    card_calls_.push_back({*request, Verify(context, kScorecards)});
    grpc::Status status = cards_fail_;
    if (status.ok()) {
      for (const std::string& id : request->school_ids()) {
        if (id == omit_) continue;
        auto it = cards_.find(id);
        rpb::Scorecard card = it == cards_.end() ? rpb::Scorecard() : it->second;
        card.set_school_id(id);
        *response->add_scorecards() = card;
      }
    }
    auto* reactor = context->DefaultReactor();
    reactor->Finish(status);
    return reactor;
  }

  grpc::ServerUnaryReactor* BatchGetReportStatuses(grpc::CallbackServerContext* context,
                                                   const rpb::BatchGetReportStatusesRequest* request,
                                                   rpb::BatchGetReportStatusesResponse* response) override {
    absl::MutexLock lock(&mu_);
    status_calls_.push_back({*request, Verify(context, kStatuses)});
    grpc::Status status = statuses_fail_;
    if (status.ok() && request->period() != "q3") {
      status = platform::ToGrpcStatus(
          absl::NotFoundError(absl::StrCat("loại báo cáo 'cchc' không có kỳ '", request->period(), "'")));
    }
    if (status.ok()) {
      response->mutable_period()->set_family(request->family());
      response->mutable_period()->set_year(request->year());
      response->mutable_period()->set_code(request->period());
      response->mutable_period()->set_label("Quý III");
      for (const std::string& id : request->school_ids()) {
        auto it = statuses_.find(id);
        rpb::SchoolReportStatus line;
        if (it != statuses_.end()) {
          line = it->second;
        } else {
          line.set_status(rpb::SUBMISSION_STATUS_PENDING);
        }
        line.set_school_id(id);
        *response->add_statuses() = line;
      }
    }
    auto* reactor = context->DefaultReactor();
    reactor->Finish(status);
    return reactor;
  }

  template <typename Request>
  struct Call {
    Request request;
    Seen seen;
  };

  absl::Mutex mu_;
  std::map<std::string, rpb::Scorecard> cards_ ABSL_GUARDED_BY(mu_);              // by school id
  std::map<std::string, rpb::SchoolReportStatus> statuses_ ABSL_GUARDED_BY(mu_);  // by school id
  std::string omit_ ABSL_GUARDED_BY(mu_);  // a school left out of the scorecards
  grpc::Status cards_fail_ ABSL_GUARDED_BY(mu_);
  grpc::Status statuses_fail_ ABSL_GUARDED_BY(mu_);
  std::vector<Call<rpb::BatchGetScorecardsRequest>> card_calls_ ABSL_GUARDED_BY(mu_);
  std::vector<Call<rpb::BatchGetReportStatusesRequest>> status_calls_ ABSL_GUARDED_BY(mu_);
};

rpb::Scorecard Card(double forecast, rpb::AssessmentState state = rpb::ASSESSMENT_STATE_DRAFT,
                    double self = 0, double appraised = 0) {
  rpb::Scorecard card;
  card.set_forecast_points(forecast);
  card.mutable_forecast_time()->set_seconds(1790000000);
  card.set_assessment_state(state);
  card.set_self_assessed_points(self);
  card.set_appraised_points(appraised);
  return card;
}

rpb::SchoolReportStatus ReportStatus(rpb::SubmissionStatus status, int days_late = 0) {
  rpb::SchoolReportStatus line;
  line.set_status(status);
  line.set_days_late(days_late);
  return line;
}

tasks::v1::TaskSummary Summary(const std::string& school, int not_started, int in_progress, int done_on_time,
                               int done_late, int cancelled, int overdue) {
  tasks::v1::TaskSummary s;
  s.set_school(school);
  s.set_not_started(not_started);
  s.set_in_progress(in_progress);
  s.set_done_on_time(done_on_time);
  s.set_done_late(done_late);
  s.set_done(done_on_time + done_late);
  s.set_cancelled(cancelled);
  s.set_overdue(overdue);
  s.set_total(not_started + in_progress + s.done() + cancelled);
  // Work done in the period, summed like the rest.
  s.set_completed_in_period(s.done());
  s.set_progressed_in_period(in_progress + s.done());
  s.set_progress_entries_in_period(in_progress + 2 * s.done());
  s.set_evidence_in_period(3 * s.done());
  return s;
}

common::v1::Date Date(int year, int month, int day) {
  common::v1::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

// A port on 127.0.0.1 nothing listens on.
int ClosedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::abort();
  }
  close(fd);
  return ntohs(addr.sin_port);
}

std::unique_ptr<grpc::Server> Serve(grpc::Service* service, int* port) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), port);
  builder.RegisterService(service);
  auto server = builder.BuildAndStart();
  if (server == nullptr || *port == 0) std::abort();
  return server;
}

class AuthorityRollupTest : public ::testing::Test {
 protected:
  AuthorityRollupTest() {
    directory_server_ = Serve(&directory_, &directory_port_);
    tasks_server_ = Serve(&tasks_, &tasks_port_);
    reporting_server_ = Serve(&reporting_, &reporting_port_);
    absl::MutexLock lock(&directory_.mu_);
    directory_.authorities_["authorities/q1"] = "Phòng Giáo dục và Đào tạo Quận 1";
    directory_.authorities_["authorities/q1-p2"] = "Cụm trường Phường 2";
    officer_.account = "accounts/nguyen-van-duc";
    officer_.role = platform::Role::kAuthorityOfficer;
    officer_.authority_id = "q1";
    officer_.authority_ids = {"q1", "q1-p2"};
  }

  ~AuthorityRollupTest() override {
    tasks_.JoinAll();
    auto now = std::chrono::system_clock::now();
    reporting_server_->Shutdown(now + std::chrono::seconds(5));
    tasks_server_->Shutdown(now + std::chrono::seconds(5));
    directory_server_->Shutdown(now + std::chrono::seconds(5));
  }

  // The rollup over the fakes, or over `directory_address` for the
  // directory and `reporting_address` for reporting.
  std::unique_ptr<AuthorityRollup> Rollup(std::string directory_address = "",
                                          std::string reporting_address = "") {
    if (directory_address.empty()) directory_address = absl::StrCat("127.0.0.1:", directory_port_);
    if (reporting_address.empty()) reporting_address = absl::StrCat("127.0.0.1:", reporting_port_);
    auto backends =
        Backends::Connect(absl::StrCat("directory=", directory_address, ",tasks=127.0.0.1:", tasks_port_,
                                       ",reporting=", reporting_address),
                          grpc::InsecureChannelCredentials());
    if (!backends.ok()) std::abort();
    backends_ = *std::move(backends);
    return std::make_unique<AuthorityRollup>(*backends_, Key());
  }

  absl::StatusOr<v1::AuthorityOverview> Overview(const v1::GetAuthorityOverviewRequest& request,
                                                 AuthorityRollup* rollup = nullptr) {
    std::unique_ptr<AuthorityRollup> own;
    if (rollup == nullptr) rollup = (own = Rollup()).get();
    return rollup->Overview(officer_, request, "trace-1", absl::Now() + absl::Seconds(20));
  }

  absl::StatusOr<v1::ReportingOverview> ReportingOverview(const v1::GetReportingOverviewRequest& request,
                                                          AuthorityRollup* rollup = nullptr) {
    std::unique_ptr<AuthorityRollup> own;
    if (rollup == nullptr) rollup = (own = Rollup()).get();
    return rollup->Reporting(officer_, request, "trace-3", absl::Now() + absl::Seconds(20));
  }

  absl::StatusOr<tasks::v1::Directive> Publish(const v1::PublishDirectiveRequest& request) {
    return Rollup()->Publish(officer_, request, "trace-2", absl::Now() + absl::Seconds(20));
  }

  void AddSchools(const std::string& parent, std::vector<directory::v1::School> schools) {
    absl::MutexLock lock(&directory_.mu_);
    auto& list = directory_.schools_[parent];
    list.insert(list.end(), schools.begin(), schools.end());
  }

  FakeDirectory directory_;
  FakeTasks tasks_;
  FakeReporting reporting_;
  int directory_port_ = 0, tasks_port_ = 0, reporting_port_ = 0;
  std::unique_ptr<grpc::Server> directory_server_, tasks_server_, reporting_server_;
  std::unique_ptr<Backends> backends_;
  Principal officer_;
};

const v1::SchoolOverview* Line(const v1::AuthorityOverview& overview, const std::string& school) {
  for (const auto& line : overview.schools()) {
    if (line.school() == school) return &line;
  }
  return nullptr;
}

TEST_F(AuthorityRollupTest, OverviewSumsAnsweringSchoolsLeastCompleteFirst) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10"),
                                School("th-khai-minh", "Trường Tiểu học Khai Minh", "authorities/q1-p2"),
                                School("thcs-van-lang", "Trường THCS Văn Lang")});
  {
    absl::MutexLock lock(&tasks_.mu_);
    tasks_.summaries_["schools/mn-2010"] = Summary("schools/mn-2010", 1, 0, 8, 1, 0, 0);              // 90 %
    tasks_.summaries_["schools/th-khai-minh"] = Summary("schools/th-khai-minh", 3, 3, 1, 1, 0, 2);    // 25 %
    tasks_.summaries_["schools/thcs-van-lang"] = Summary("schools/thcs-van-lang", 4, 0, 0, 0, 1, 4);  // 0 %
    tasks_.summaries_["schools/mn-2010"].set_average_percent_done(92);
    tasks_.summaries_["schools/th-khai-minh"].set_average_percent_done(40);
    auto field = [](tasks::v1::TaskSummary& s, const std::string& code, int total, int done) {
      tasks::v1::ParFieldCount* f = s.add_by_par_field();
      f->set_par_field(code);
      f->set_total(total);
      f->set_done(done);
    };
    field(tasks_.summaries_["schools/mn-2010"], "chi_dao_dieu_hanh", 6, 5);
    field(tasks_.summaries_["schools/th-khai-minh"], "chi_dao_dieu_hanh", 2, 1);
    field(tasks_.summaries_["schools/th-khai-minh"], "cai_cach_tthc", 6, 1);
  }
  v1::GetAuthorityOverviewRequest request;
  *request.mutable_period_start() = Date(2024, 9, 1);
  *request.mutable_period_end() = Date(2025, 5, 31);
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview(request));

  EXPECT_EQ(overview.authority(), "authorities/q1");
  EXPECT_EQ(overview.display_name(), "Phòng Giáo dục và Đào tạo Quận 1");
  EXPECT_EQ(overview.failed_schools(), 0);
  ASSERT_THAT(overview.schools(), SizeIs(3));
  std::vector<std::string> order;
  for (const auto& line : overview.schools()) order.push_back(line.school());
  EXPECT_THAT(order, ElementsAre("schools/thcs-van-lang", "schools/th-khai-minh", "schools/mn-2010"));
  const v1::SchoolOverview& khai_minh = overview.schools(1);
  EXPECT_EQ(khai_minh.display_name(), "Trường Tiểu học Khai Minh");
  EXPECT_EQ(khai_minh.authority(), "authorities/q1-p2");
  EXPECT_EQ(khai_minh.tasks().school(), "schools/th-khai-minh");
  EXPECT_EQ(khai_minh.tasks().done(), 2);
  EXPECT_EQ(khai_minh.error(), "");
  EXPECT_EQ(khai_minh.error_code(), "");
  EXPECT_EQ(overview.schools(0).display_name(), "Trường THCS Văn Lang");
  EXPECT_EQ(overview.schools(0).authority(), "authorities/q1");

  const tasks::v1::TaskSummary& totals = overview.totals();
  EXPECT_EQ(totals.school(), "authorities/q1");
  EXPECT_EQ(totals.total(), 10 + 8 + 5);
  EXPECT_EQ(totals.not_started(), 1 + 3 + 4);
  EXPECT_EQ(totals.in_progress(), 0 + 3 + 0);
  EXPECT_EQ(totals.done(), 9 + 2 + 0);
  EXPECT_EQ(totals.done_on_time(), 8 + 1 + 0);
  EXPECT_EQ(totals.done_late(), 1 + 1 + 0);
  EXPECT_EQ(totals.cancelled(), 0 + 0 + 1);
  EXPECT_EQ(totals.overdue(), 0 + 2 + 4);
  // Weighted by each school's non-cancelled tasks (10, 8 and 4), not the
  // mean of the three schools' averages.
  EXPECT_NEAR(totals.average_percent_done(), (92.0 * 10 + 40.0 * 8 + 0.0 * 4) / 22, 1e-9);
  ASSERT_THAT(totals.by_par_field(), SizeIs(2));
  EXPECT_EQ(totals.by_par_field(0).par_field(), "cai_cach_tthc");
  EXPECT_EQ(totals.by_par_field(0).total(), 6);
  EXPECT_EQ(totals.by_par_field(1).par_field(), "chi_dao_dieu_hanh");
  EXPECT_EQ(totals.by_par_field(1).total(), 6 + 2);
  EXPECT_EQ(totals.by_par_field(1).done(), 5 + 1);
  EXPECT_EQ(totals.completed_in_period(), 9 + 2 + 0);
  EXPECT_EQ(totals.progressed_in_period(), 9 + 5 + 0);
  EXPECT_EQ(totals.progress_entries_in_period(), 18 + 7 + 0);
  EXPECT_EQ(totals.evidence_in_period(), 27 + 6 + 0);

  // A past period is grouped by the tree on its last day.
  EXPECT_EQ(overview.as_of().year(), 2025);
  EXPECT_EQ(overview.as_of().month(), 5);
  EXPECT_EQ(overview.as_of().day(), 31);
  for (const auto& line : overview.schools()) EXPECT_FALSE(line.joined_since()) << line.school();

  absl::MutexLock tasks_lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.batch_sizes_, ElementsAre(3)) << "one call for the three schools";
  ASSERT_THAT(tasks_.summarized_, SizeIs(3));
  for (const auto& call : tasks_.summarized_) {
    ASSERT_OK(call.seen.identity.status()) << call.school;
    // The gateway asks as itself for schools it resolved in the officer's scope.
    const common::v1::Identity& identity = *call.seen.identity;
    EXPECT_EQ(identity.school_id(), "");
    EXPECT_EQ(identity.subject(), "accounts/nguyen-van-duc");
    EXPECT_EQ(identity.role(), common::v1::ROLE_SERVICE);
    EXPECT_EQ(identity.authority_id(), "q1");
    EXPECT_EQ(identity.trace_id(), "trace-1");
    EXPECT_EQ(call.period_start.year(), 2024);
    EXPECT_EQ(call.period_end.month(), 5);
    // Good for this one method only.
    for (const char* other : {kPublish, "/parhub.tasks.v1.TaskService/ListTasks", kListSchools}) {
      EXPECT_THAT(Key().Verify(call.seen.token, other, absl::Now()),
                  StatusIs(absl::StatusCode::kUnauthenticated))
          << other;
    }
  }
  absl::MutexLock directory_lock(&directory_.mu_);
  EXPECT_THAT(directory_.authorities_asked_, ElementsAre("authorities/q1"));
  // The tree on 2025-05-31, then today's for schools that joined since.
  EXPECT_THAT(directory_.parents_asked_, ElementsAre("authorities/q1", "authorities/q1"));
  ASSERT_THAT(directory_.as_of_asked_, SizeIs(2));
  EXPECT_EQ(directory_.as_of_asked_[0], "2025-05-31");
  ASSERT_THAT(directory_.seen_, SizeIs(3));
  for (const Seen& seen : directory_.seen_) {
    ASSERT_OK(seen.identity.status()) << seen.method;
    EXPECT_EQ(seen.identity->school_id(), "") << seen.method;
    EXPECT_EQ(seen.identity->authority_id(), "q1") << seen.method;
    EXPECT_EQ(seen.identity->role(), common::v1::ROLE_AUTHORITY_OFFICER) << seen.method;
    EXPECT_EQ(seen.identity->trace_id(), "trace-1") << seen.method;
  }
  EXPECT_THAT(Key().Verify(directory_.seen_[0].token, kListSchools, absl::Now()),
              StatusIs(absl::StatusCode::kUnauthenticated));  // the GetAuthority identity
}

// The school list is kept by the directory's tree version: a second
// overview with the tree unchanged does not list the schools again; a write
// to the tree (its version moves on) lists them again, so a school created a
// moment ago shows at once; another day is another list.
TEST_F(AuthorityRollupTest, SchoolListsAreKeptUntilTheDirectorysTreeChanges) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.tree_version_ = 7;
  }
  std::unique_ptr<AuthorityRollup> rollup = Rollup();
  v1::GetAuthorityOverviewRequest request;
  auto lists = [&] {
    absl::MutexLock lock(&directory_.mu_);
    return directory_.parents_asked_.size();
  };
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview first, Overview(request, rollup.get()));
  EXPECT_THAT(first.schools(), SizeIs(1));
  EXPECT_EQ(lists(), 1u);
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview second, Overview(request, rollup.get()));
  EXPECT_THAT(second.schools(), SizeIs(1));
  EXPECT_EQ(lists(), 1u) << "the tree did not change: the kept list serves";

  AddSchools("authorities/q1", {School("th-moi", "Trường Tiểu học Mới")});
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.tree_version_ = 8;
  }
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview third, Overview(request, rollup.get()));
  EXPECT_THAT(third.schools(), SizeIs(2)) << "the new school shows at once";
  EXPECT_EQ(lists(), 2u);

  // Another day is another list; the first day's stays kept.
  *request.mutable_as_of() = Date(2025, 5, 31);
  ASSERT_OK(Overview(request, rollup.get()).status());
  EXPECT_EQ(lists(), 3u);
  request.clear_as_of();
  ASSERT_OK(Overview(request, rollup.get()).status());
  EXPECT_EQ(lists(), 3u);

  // A directory without the version (older, or failing it) is listed every time.
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.tree_version_.reset();
  }
  ASSERT_OK(Overview(request, rollup.get()).status());
  ASSERT_OK(Overview(request, rollup.get()).status());
  EXPECT_EQ(lists(), 5u);
}

TEST_F(AuthorityRollupTest, OverviewOfAnAuthorityBelowTheOfficersIsForThatAuthority) {
  AddSchools("authorities/q1-p2", {School("th-khai-minh", "Trường Tiểu học Khai Minh", "authorities/q1-p2")});
  {
    absl::MutexLock lock(&tasks_.mu_);
    tasks_.summaries_["schools/th-khai-minh"] = Summary("schools/th-khai-minh", 1, 1, 1, 0, 0, 0);
  }
  v1::GetAuthorityOverviewRequest request;
  request.set_authority("authorities/q1-p2");
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview(request));
  EXPECT_EQ(overview.authority(), "authorities/q1-p2");
  EXPECT_EQ(overview.display_name(), "Cụm trường Phường 2");
  EXPECT_EQ(overview.totals().school(), "authorities/q1-p2");
  EXPECT_EQ(overview.totals().total(), 3);
  absl::MutexLock lock(&directory_.mu_);
  EXPECT_THAT(directory_.authorities_asked_, ElementsAre("authorities/q1-p2"));
  EXPECT_THAT(directory_.parents_asked_, ElementsAre("authorities/q1-p2"));
}

TEST_F(AuthorityRollupTest, AuthorityWithoutSchoolsHasAnEmptyOverview) {
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview({}));
  EXPECT_EQ(overview.authority(), "authorities/q1");
  EXPECT_THAT(overview.schools(), IsEmpty());
  EXPECT_EQ(overview.failed_schools(), 0);
  EXPECT_EQ(overview.totals().total(), 0);
  absl::MutexLock lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.summarized_, IsEmpty());
}

TEST_F(AuthorityRollupTest, SchoolsOfAPageThatFailsAreReportedWithoutTheAddress) {
  AddSchools("authorities/q1",
             {School("mn-2010", "Trường Mầm non 20-10"), School("th-khai-minh", "Trường Tiểu học Khai Minh"),
              School("thcs-van-lang", "Trường THCS Văn Lang")});
  {
    absl::MutexLock lock(&tasks_.mu_);
    tasks_.summaries_["schools/mn-2010"] = Summary("schools/mn-2010", 2, 0, 2, 0, 0, 1);
    tasks_.failures_["schools/th-khai-minh"] = grpc::Status(grpc::StatusCode::UNAVAILABLE, kTransportText);
  }
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview({}));

  EXPECT_EQ(overview.failed_schools(), 3);
  ASSERT_THAT(overview.schools(), SizeIs(3));
  for (const auto& line : overview.schools()) {
    EXPECT_EQ(line.error_code(), "UNAVAILABLE") << line.school();
    EXPECT_THAT(line.error(), AllOf(HasSubstr(Label("tasks")), Not(HasSubstr("10.1.2.3")),
                                    Not(HasSubstr("ipv4")), Not(HasSubstr("failed to connect"))));
    EXPECT_FALSE(line.has_tasks());
    EXPECT_FALSE(line.display_name().empty());
  }
  EXPECT_EQ(overview.totals().total(), 0) << "no partial zeros counted as figures";
}

TEST_F(AuthorityRollupTest, ThousandsOfSchoolsAreAskedInPagesOfFiveHundredAllInFlight) {
  constexpr int kSchools = 2300;
  std::vector<directory::v1::School> schools;
  int expected_total = 0;
  {
    absl::MutexLock lock(&tasks_.mu_);
    for (int i = 0; i < kSchools; ++i) {
      std::string id = absl::StrCat("truong-", i);
      schools.push_back(School(id, absl::StrCat("Trường số ", i)));
      tasks_.summaries_[absl::StrCat("schools/", id)] =
          Summary(absl::StrCat("schools/", id), i % 7, 1, i % 5, 0, 0, 0);
      expected_total += i % 7 + 1 + i % 5;
    }
    tasks_.delay_ = absl::Milliseconds(200);
  }
  AddSchools("authorities/q1", schools);
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.page_size_ = 1000;  // three directory pages
  }
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview({}));

  ASSERT_THAT(overview.schools(), SizeIs(kSchools));
  EXPECT_EQ(overview.failed_schools(), 0);
  EXPECT_EQ(overview.totals().total(), expected_total);
  for (const auto& line : overview.schools()) {
    EXPECT_EQ(line.tasks().school(), line.school()) << "each line carries its own school's summary";
  }
  for (size_t i = 1; i < static_cast<size_t>(overview.schools_size()); ++i) {
    const auto& a = overview.schools(static_cast<int>(i) - 1).tasks();
    const auto& b = overview.schools(static_cast<int>(i)).tasks();
    EXPECT_LE(double(a.done()) / a.total(), double(b.done()) / b.total()) << i;
  }
  absl::MutexLock lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.batch_sizes_, ::testing::UnorderedElementsAre(500, 500, 500, 500, 300));
  ASSERT_THAT(tasks_.calls_by_school_, SizeIs(kSchools));
  for (const auto& [school, calls] : tasks_.calls_by_school_) EXPECT_EQ(calls, 1) << school;
  EXPECT_EQ(tasks_.max_in_flight_, 5) << "the pages are asked in parallel, not one after another";
  EXPECT_EQ(tasks_.in_flight_, 0);
}

TEST_F(AuthorityRollupTest, AsOfOverviewShowsTheSchoolsOfThatDayAndLabelsThoseThatJoinedSince) {
  // Quận 1 in 2024: its schools then; today it has none left.
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.past_schools_["authorities/q1"] = {School("mn-2010", "Trường Mầm non 20-10"),
                                                  School("th-khai-minh", "Trường Tiểu học Khai Minh")};
    directory_.past_schools_["authorities/q1-p2"] = {};
    directory_.memberships_["schools/th-khai-minh"] = {};
    auto& history = directory_.memberships_["schools/th-khai-minh"];
    history.emplace_back().set_authority("authorities/q1");
    *history.back().mutable_effective_from() = Date(2015, 1, 1);
    *history.back().mutable_effective_until() = Date(2025, 7, 1);
    history.emplace_back().set_authority("authorities/q1-p2");
    *history.back().mutable_effective_from() = Date(2025, 7, 1);
  }
  AddSchools("authorities/q1-p2", {School("th-khai-minh", "Trường Tiểu học Khai Minh", "authorities/q1-p2"),
                                   School("mn-moi", "Trường Mầm non Mới", "authorities/q1-p2")});
  {
    absl::MutexLock lock(&tasks_.mu_);
    tasks_.summaries_["schools/mn-2010"] = Summary("schools/mn-2010", 1, 0, 3, 0, 0, 0);
    tasks_.summaries_["schools/th-khai-minh"] = Summary("schools/th-khai-minh", 1, 1, 1, 0, 0, 0);
  }
  v1::GetAuthorityOverviewRequest request;
  *request.mutable_period_start() = Date(2024, 1, 1);
  *request.mutable_period_end() = Date(2024, 12, 31);
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview q1, Overview(request));
  ASSERT_THAT(q1.schools(), SizeIs(2));
  for (const auto& line : q1.schools()) {
    EXPECT_EQ(line.authority(), "authorities/q1") << line.school();
    EXPECT_FALSE(line.joined_since()) << line.school();
  }
  EXPECT_EQ(q1.totals().total(), 4 + 3);

  // The ward today, looking at 2024: its schools, labelled with where they were.
  request.set_authority("authorities/q1-p2");
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview ward, Overview(request));
  ASSERT_THAT(ward.schools(), SizeIs(2));
  const v1::SchoolOverview* khai_minh = Line(ward, "schools/th-khai-minh");
  ASSERT_NE(khai_minh, nullptr);
  EXPECT_TRUE(khai_minh->joined_since());
  EXPECT_EQ(khai_minh->authority(), "authorities/q1");
  EXPECT_EQ(khai_minh->tasks().total(), 3);
  const v1::SchoolOverview* new_school = Line(ward, "schools/mn-moi");
  ASSERT_NE(new_school, nullptr);
  EXPECT_TRUE(new_school->joined_since());
  EXPECT_EQ(new_school->authority(), "") << "it did not exist in 2024";

  // Asked for today, the ward's own schools, nothing labelled.
  request.clear_period_start();
  request.clear_period_end();
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview now, Overview(request));
  ASSERT_THAT(now.schools(), SizeIs(2));
  for (const auto& line : now.schools()) {
    EXPECT_FALSE(line.joined_since());
    EXPECT_EQ(line.authority(), "authorities/q1-p2");
  }
}

TEST_F(AuthorityRollupTest, ATasksServiceThatIsDownIsFailedFastPerSchool) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});
  const int port = ClosedPort();
  auto backends =
      Backends::Connect(absl::StrCat("directory=127.0.0.1:", directory_port_, ",tasks=127.0.0.1:", port),
                        grpc::InsecureChannelCredentials(), {2, absl::Seconds(30)});
  ASSERT_OK(backends.status());
  AuthorityRollup rollup(**backends, Key());
  for (int i = 0; i < 2; ++i) {
    ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview({}, &rollup));
    EXPECT_EQ(overview.failed_schools(), 1);
  }
  EXPECT_TRUE((*backends)->Named("tasks").breaker->IsOpen());
  ASSERT_OK_AND_ASSIGN(v1::AuthorityOverview overview, Overview({}, &rollup));
  ASSERT_THAT(overview.schools(), SizeIs(1));
  EXPECT_EQ(overview.schools(0).error_code(), "UNAVAILABLE");
  EXPECT_THAT(overview.schools(0).error(),
              AllOf(HasSubstr(Label("tasks")), HasSubstr("failing fast, retry in")));
  EXPECT_EQ(overview.schools(0).display_name(), "Trường Mầm non 20-10");
}

TEST_F(AuthorityRollupTest, OnlyAuthorityOfficersGetOverviewsOrPublish) {
  officer_.role = platform::Role::kSchoolAdmin;
  officer_.school_id = "mn-2010";
  EXPECT_THAT(Overview({}), StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("authority officers")));
  v1::PublishDirectiveRequest publish;
  publish.set_parent("authorities/q1");
  publish.set_directive_id("pccc-2024");
  publish.set_request_id("req-1");
  EXPECT_THAT(Publish(publish), StatusIs(absl::StatusCode::kPermissionDenied));
  absl::MutexLock lock(&directory_.mu_);
  EXPECT_THAT(directory_.seen_, IsEmpty());
}

TEST_F(AuthorityRollupTest, AuthorityOutsideTheOfficersSubtreeIsNotFound) {
  v1::GetAuthorityOverviewRequest request;
  request.set_authority("authorities/q3");
  EXPECT_THAT(Overview(request), StatusIs(absl::StatusCode::kNotFound, HasSubstr("authorities/q3")));
  v1::PublishDirectiveRequest publish;
  publish.set_parent("authorities/q3");
  publish.set_directive_id("pccc-2024");
  publish.set_request_id("req-1");
  EXPECT_THAT(Publish(publish), StatusIs(absl::StatusCode::kNotFound));
  request.set_authority("schools/mn-2010");  // not an authority's name at all
  absl::StatusOr<v1::AuthorityOverview> malformed = Overview(request);
  EXPECT_THAT(malformed, StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_THAT(platform::FieldViolations(malformed.status()), SizeIs(1));
  EXPECT_EQ(platform::FieldViolations(malformed.status())[0].field, "authority");
  absl::MutexLock lock(&directory_.mu_);
  EXPECT_THAT(directory_.seen_, IsEmpty());
}

TEST_F(AuthorityRollupTest, PeriodEndingBeforeItStartsIsRefused) {
  v1::GetAuthorityOverviewRequest request;
  *request.mutable_period_start() = Date(2025, 5, 31);
  *request.mutable_period_end() = Date(2024, 9, 1);
  absl::StatusOr<v1::AuthorityOverview> overview = Overview(request);
  EXPECT_THAT(overview, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("period_end")));
  ASSERT_THAT(platform::FieldViolations(overview.status()), SizeIs(1));
  EXPECT_EQ(platform::FieldViolations(overview.status())[0].field, "period_end");
  // One day is a period.
  *request.mutable_period_end() = Date(2025, 5, 31);
  EXPECT_OK(Overview(request).status());
  absl::MutexLock lock(&directory_.mu_);
  EXPECT_THAT(directory_.authorities_asked_, SizeIs(1));
}

TEST_F(AuthorityRollupTest, DirectoryDownFailsTheOverviewWithoutItsAddress) {
  const int port = ClosedPort();
  auto rollup = Rollup(absl::StrCat("127.0.0.1:", port));
  absl::StatusOr<v1::AuthorityOverview> overview = Overview({}, rollup.get());
  EXPECT_THAT(overview, StatusIs(absl::StatusCode::kUnavailable,
                                 AllOf(HasSubstr(Label("directory")), Not(HasSubstr("127.0.0.1")),
                                       Not(HasSubstr(absl::StrCat(port))), Not(HasSubstr("ipv4")))));
  absl::MutexLock lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.summarized_, IsEmpty());
}

TEST_F(AuthorityRollupTest, DirectoryAnsweringUnavailableFailsTheOverviewWithoutItsAddress) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});
  const grpc::Status down(grpc::StatusCode::UNAVAILABLE,
                          "failed to connect to all addresses; last error: ipv4:10.1.2.3:50051");
  const auto no_address = AllOf(HasSubstr(Label("directory")), Not(HasSubstr("10.1.2.3")),
                                Not(HasSubstr("ipv4")), Not(HasSubstr("failed to connect")));
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.get_authority_fails_ = down;
  }
  EXPECT_THAT(Overview({}), StatusIs(absl::StatusCode::kUnavailable, no_address));
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.get_authority_fails_ = grpc::Status::OK;
    directory_.list_schools_fails_ = down;
  }
  EXPECT_THAT(Overview({}), StatusIs(absl::StatusCode::kUnavailable, no_address));
  v1::PublishDirectiveRequest publish;
  publish.set_parent("authorities/q1");
  publish.set_directive_id("pccc-2024");
  publish.set_request_id("req-1");
  EXPECT_THAT(Publish(publish), StatusIs(absl::StatusCode::kUnavailable, no_address));
  absl::MutexLock lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.summarized_, IsEmpty());
  EXPECT_THAT(tasks_.published_, IsEmpty());
}

TEST_F(AuthorityRollupTest, PublishForwardsEverySchoolUnderTheAuthority) {
  AddSchools("authorities/q1",
             {School("mn-2010", "Trường Mầm non 20-10"), School("th-khai-minh", "Trường Tiểu học Khai Minh"),
              School("thcs-van-lang", "Trường THCS Văn Lang")});
  {
    absl::MutexLock lock(&directory_.mu_);
    directory_.page_size_ = 2;  // two pages
  }
  v1::PublishDirectiveRequest request;
  request.set_parent("authorities/q1");
  request.set_directive_id("pccc-2024");
  request.mutable_directive()->set_number("125/KH-PGDĐT");
  request.mutable_directive()->set_title("Diễn tập phòng cháy chữa cháy năm học 2024-2025");
  *request.mutable_directive()->mutable_due_date() = Date(2024, 11, 30);
  request.set_request_id("req-7f3a");
  ASSERT_OK_AND_ASSIGN(tasks::v1::Directive directive, Publish(request));
  EXPECT_EQ(directive.name(), "authorities/q1/directives/pccc-2024");
  EXPECT_EQ(directive.school_count(), 3);
  EXPECT_EQ(directive.title(), "Diễn tập phòng cháy chữa cháy năm học 2024-2025");

  absl::MutexLock lock(&tasks_.mu_);
  ASSERT_THAT(tasks_.published_, SizeIs(1));
  const auto& forwarded = tasks_.published_[0];
  EXPECT_EQ(forwarded.request.parent(), "authorities/q1");
  EXPECT_EQ(forwarded.request.directive_id(), "pccc-2024");
  EXPECT_EQ(forwarded.request.request_id(), "req-7f3a");
  EXPECT_EQ(forwarded.request.directive().number(), "125/KH-PGDĐT");
  EXPECT_EQ(forwarded.request.directive().due_date().day(), 30);
  EXPECT_THAT(forwarded.request.school_ids(), ElementsAre("mn-2010", "th-khai-minh", "thcs-van-lang"));
  ASSERT_OK(forwarded.seen.identity.status());
  EXPECT_EQ(forwarded.seen.identity->subject(), "accounts/nguyen-van-duc");
  EXPECT_EQ(forwarded.seen.identity->role(), common::v1::ROLE_AUTHORITY_OFFICER);
  EXPECT_EQ(forwarded.seen.identity->authority_id(), "q1");
  EXPECT_EQ(forwarded.seen.identity->school_id(), "");
  EXPECT_EQ(forwarded.seen.identity->trace_id(), "trace-2");
  EXPECT_THAT(Key().Verify(forwarded.seen.token, kBatchSummarize, absl::Now()),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthorityRollupTest, PublishToAnAuthorityWithoutSchoolsIsAFailedPrecondition) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});  // but none below q1-p2
  v1::PublishDirectiveRequest request;
  request.set_parent("authorities/q1-p2");
  request.set_directive_id("pccc-2024");
  request.set_request_id("req-1");
  EXPECT_THAT(Publish(request), StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no schools")));
  absl::MutexLock lock(&tasks_.mu_);
  EXPECT_THAT(tasks_.published_, IsEmpty());
}

TEST_F(AuthorityRollupTest, PublishNeedsAParent) {
  v1::PublishDirectiveRequest request;
  request.set_directive_id("pccc-2024");
  request.set_request_id("req-1");
  absl::StatusOr<tasks::v1::Directive> directive = Publish(request);
  EXPECT_THAT(directive, StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_THAT(platform::FieldViolations(directive.status()), SizeIs(1));
  EXPECT_EQ(platform::FieldViolations(directive.status())[0].field, "parent");
}

TEST_F(AuthorityRollupTest, PublishWhileTheTasksServiceIsDownNamesTheServiceOnly) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});
  {
    absl::MutexLock lock(&tasks_.mu_);
    tasks_.publish_fails_ = grpc::Status(grpc::StatusCode::UNAVAILABLE, kTransportText);
  }
  v1::PublishDirectiveRequest request;
  request.set_parent("authorities/q1");
  request.set_directive_id("pccc-2024");
  request.set_request_id("req-1");
  EXPECT_THAT(Publish(request),
              StatusIs(absl::StatusCode::kUnavailable,
                       AllOf(HasSubstr(Label("tasks")), Not(HasSubstr("10.1.2.3")), Not(HasSubstr("ipv4")))));
}

// ------------------------------------------------------- reporting overview

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// The ids of the overview's schools, in its order.
std::vector<std::string> Schools(const v1::ReportingOverview& overview) {
  std::vector<std::string> out;
  for (const auto& line : overview.schools()) out.push_back(IdOf(line.school()));
  return out;
}

TEST_F(AuthorityRollupTest, ReportingOverviewRanksEverySchoolAndNamesTheLaggards) {
  // Twelve schools with a forecast (the bottom tenth: the 2 lowest, 48 and
  // 50, and the other 50 tied with the second), one without.
  const std::vector<std::pair<std::string, double>> forecasts = {
      {"a", 80}, {"b", 75.5}, {"c", 75.5},  {"d", 70}, {"e", 66}, {"f", 64},
      {"g", 60}, {"h", 58},   {"i", 55.25}, {"j", 50}, {"l", 50}, {"k", 48}};
  std::vector<directory::v1::School> schools;
  for (const auto& [id, points] : forecasts) schools.push_back(School(id, absl::StrCat("Trường ", id)));
  schools.push_back(School("m", "Trường m", "authorities/q1-p2"));
  AddSchools("authorities/q1", schools);
  {
    absl::MutexLock lock(&reporting_.mu_);
    for (const auto& [id, points] : forecasts) {
      reporting_.cards_[id] = Card(points);
      reporting_.statuses_[id] = ReportStatus(rpb::SUBMISSION_STATUS_ON_TIME);
    }
    reporting_.cards_["a"] = Card(80, rpb::ASSESSMENT_STATE_APPRAISED, 82.5, 79);
    reporting_.statuses_["a"].set_report("schools/a/reports/cchc-2026-q3");
    reporting_.statuses_["b"] = ReportStatus(rpb::SUBMISSION_STATUS_LATE, 3);
    reporting_.statuses_["c"] = ReportStatus(rpb::SUBMISSION_STATUS_MISSING, 10);
    reporting_.statuses_["d"] = ReportStatus(rpb::SUBMISSION_STATUS_PENDING);
    reporting_.statuses_["e"] = ReportStatus(rpb::SUBMISSION_STATUS_RETURNED);
    reporting_.statuses_["m"] = ReportStatus(rpb::SUBMISSION_STATUS_MISSING, 10);
  }
  v1::GetReportingOverviewRequest request;
  request.set_year(2026);
  request.set_period("q3");
  ASSERT_OK_AND_ASSIGN(v1::ReportingOverview overview, ReportingOverview(request));

  EXPECT_EQ(overview.authority(), "authorities/q1");
  EXPECT_EQ(overview.display_name(), "Phòng Giáo dục và Đào tạo Quận 1");
  EXPECT_EQ(overview.year(), 2026);
  EXPECT_EQ(overview.period().code(), "q3");
  EXPECT_EQ(overview.period().label(), "Quý III");
  EXPECT_EQ(overview.period().family(), "reportFamilies/cchc");  // the default family
  EXPECT_THAT(Schools(overview),
              ElementsAre("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l", "k", "m"));
  std::vector<int> ranks;
  for (const auto& line : overview.schools()) ranks.push_back(line.rank());
  EXPECT_THAT(ranks, ElementsAre(1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 10, 12, 0));

  const v1::SchoolReporting& a = overview.schools(0);
  EXPECT_EQ(a.school(), "schools/a");
  EXPECT_EQ(a.display_name(), "Trường a");
  EXPECT_EQ(a.authority(), "authorities/q1");
  EXPECT_DOUBLE_EQ(a.forecast_points(), 80);
  EXPECT_EQ(a.forecast_time().seconds(), 1790000000);
  EXPECT_EQ(a.assessment_state(), rpb::ASSESSMENT_STATE_APPRAISED);
  EXPECT_DOUBLE_EQ(a.self_assessed_points(), 82.5);
  EXPECT_DOUBLE_EQ(a.appraised_points(), 79);
  EXPECT_EQ(a.report(), "schools/a/reports/cchc-2026-q3");
  EXPECT_EQ(a.report_status(), rpb::SUBMISSION_STATUS_ON_TIME);
  EXPECT_THAT(a.laggard_reasons(), IsEmpty());
  const v1::SchoolReporting& b = overview.schools(1);
  EXPECT_EQ(b.report_status(), rpb::SUBMISSION_STATUS_LATE);
  EXPECT_EQ(b.days_late(), 3);
  EXPECT_THAT(b.laggard_reasons(), ElementsAre(v1::LAGGARD_REASON_REPORT_LATE));
  EXPECT_THAT(overview.schools(2).laggard_reasons(), ElementsAre(v1::LAGGARD_REASON_REPORT_MISSING));
  EXPECT_THAT(overview.schools(4).laggard_reasons(), IsEmpty());  // RETURNED is not a laggard
  EXPECT_THAT(overview.schools(8).laggard_reasons(), IsEmpty());  // i, 55.25: above the bottom tenth
  for (int row : {9, 10, 11}) {
    EXPECT_THAT(overview.schools(row).laggard_reasons(), ElementsAre(v1::LAGGARD_REASON_LOW_FORECAST)) << row;
  }
  // No stored forecast: unranked, not in the bottom tenth, but its report is missing.
  const v1::SchoolReporting& m = overview.schools(12);
  EXPECT_FALSE(m.has_forecast_time());
  EXPECT_EQ(m.authority(), "authorities/q1-p2");
  EXPECT_THAT(m.laggard_reasons(), ElementsAre(v1::LAGGARD_REASON_REPORT_MISSING));

  const v1::ReportingTotals& totals = overview.totals();
  EXPECT_EQ(totals.schools(), 13);
  EXPECT_EQ(totals.on_time(), 8);
  EXPECT_EQ(totals.late(), 1);
  EXPECT_EQ(totals.missing(), 2);
  EXPECT_EQ(totals.pending(), 1);
  EXPECT_EQ(totals.returned(), 1);
  EXPECT_EQ(totals.forecast_schools(), 12);
  EXPECT_DOUBLE_EQ(totals.mean_forecast_points(),
                   (80 + 75.5 + 75.5 + 70 + 66 + 64 + 60 + 58 + 55.25 + 50 + 50 + 48) / 12);
  EXPECT_DOUBLE_EQ(totals.bottom_tenth_points(), 50);
  EXPECT_EQ(totals.bottom_tenth_schools(), 3);
  EXPECT_EQ(totals.laggards(), 6);
  // Lowest forecast first, ties in row order, those without a forecast last.
  EXPECT_THAT(overview.laggards(),
              ElementsAre("schools/k", "schools/j", "schools/l", "schools/b", "schools/c", "schools/m"));

  // One call of each batch method for all thirteen schools, as a service
  // identity for that one method, naming the officer and the authority.
  absl::MutexLock lock(&reporting_.mu_);
  ASSERT_THAT(reporting_.card_calls_, SizeIs(1));
  ASSERT_THAT(reporting_.status_calls_, SizeIs(1));
  EXPECT_THAT(reporting_.card_calls_[0].request.school_ids(), SizeIs(13));
  EXPECT_EQ(reporting_.card_calls_[0].request.year(), 2026);
  const auto& asked = reporting_.status_calls_[0].request;
  EXPECT_THAT(asked.school_ids(), SizeIs(13));
  EXPECT_EQ(asked.family(), "reportFamilies/cchc");
  EXPECT_EQ(asked.year(), 2026);
  EXPECT_EQ(asked.period(), "q3");
  for (const Seen* seen : {&reporting_.card_calls_[0].seen, &reporting_.status_calls_[0].seen}) {
    ASSERT_OK(seen->identity.status()) << seen->method;
    EXPECT_EQ(seen->identity->role(), common::v1::ROLE_SERVICE) << seen->method;
    EXPECT_EQ(seen->identity->subject(), "accounts/nguyen-van-duc") << seen->method;
    EXPECT_EQ(seen->identity->authority_id(), "q1") << seen->method;
    EXPECT_EQ(seen->identity->school_id(), "") << seen->method;
    EXPECT_EQ(seen->identity->trace_id(), "trace-3") << seen->method;
  }
  EXPECT_THAT(Key().Verify(reporting_.card_calls_[0].seen.token, kStatuses, absl::Now()),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthorityRollupTest, ReportingOverviewAsksReportingOncePerPageOf5000Schools) {
  constexpr int kSchools = 12001;
  std::vector<directory::v1::School> schools;
  for (int i = 0; i < kSchools; ++i)
    schools.push_back(School(absl::StrCat("s", i), absl::StrCat("Trường ", i)));
  AddSchools("authorities/q1", schools);
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.cards_["s7"] = Card(61);
    reporting_.cards_["s11000"] = Card(72.25);
  }
  v1::GetReportingOverviewRequest request;
  request.set_family("reportFamilies/cchc");
  request.set_year(2026);
  request.set_period("q3");
  ASSERT_OK_AND_ASSIGN(v1::ReportingOverview overview, ReportingOverview(request));
  ASSERT_THAT(overview.schools(), SizeIs(kSchools));
  EXPECT_EQ(overview.schools(0).school(), "schools/s11000");
  EXPECT_EQ(overview.schools(0).rank(), 1);
  EXPECT_EQ(overview.schools(1).school(), "schools/s7");
  EXPECT_EQ(overview.schools(1).rank(), 2);
  EXPECT_EQ(overview.schools(2).rank(), 0);
  EXPECT_EQ(overview.totals().schools(), kSchools);
  EXPECT_EQ(overview.totals().pending(), kSchools);
  EXPECT_EQ(overview.totals().forecast_schools(), 2);
  EXPECT_THAT(overview.laggards(), ElementsAre("schools/s7"));  // ceil(2/10) = 1: the lower one
  EXPECT_EQ(overview.totals().bottom_tenth_schools(), 1);
  EXPECT_DOUBLE_EQ(overview.totals().bottom_tenth_points(), 61);

  absl::MutexLock lock(&reporting_.mu_);
  ASSERT_THAT(reporting_.card_calls_, SizeIs(3));
  ASSERT_THAT(reporting_.status_calls_, SizeIs(3));
  std::map<std::string, int> asked;
  for (int page = 0; page < 3; ++page) {
    const int size = page < 2 ? 5000 : 2001;
    EXPECT_THAT(reporting_.card_calls_[page].request.school_ids(), SizeIs(size)) << page;
    EXPECT_THAT(reporting_.status_calls_[page].request.school_ids(), SizeIs(size)) << page;
    for (const auto& id : reporting_.status_calls_[page].request.school_ids()) ++asked[id];
  }
  ASSERT_THAT(asked, SizeIs(kSchools));
  for (const auto& [id, times] : asked) ASSERT_EQ(times, 1) << id;
}

TEST_F(AuthorityRollupTest, ReportingOverviewTiesAreComparedToTheHundredthAndAllEqualIsNoBottomTenth) {
  AddSchools("authorities/q1",
             {School("mn-2010", "Trường Mầm non 20-10"), School("th-khai-minh", "Trường Tiểu học Khai Minh"),
              School("thcs-van-lang", "Trường THCS Văn Lang")});
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.cards_["mn-2010"] = Card(36.004);
    reporting_.cards_["th-khai-minh"] = Card(36);
    reporting_.cards_["thcs-van-lang"] = Card(35.996);
  }
  v1::GetReportingOverviewRequest request;
  request.set_period("q3");
  ASSERT_OK_AND_ASSIGN(v1::ReportingOverview overview, ReportingOverview(request));
  ASSERT_THAT(overview.schools(), SizeIs(3));
  for (const auto& line : overview.schools()) {
    EXPECT_EQ(line.rank(), 1) << line.school();
    EXPECT_THAT(line.laggard_reasons(), IsEmpty()) << line.school();
  }
  EXPECT_EQ(overview.totals().bottom_tenth_schools(), 0);
  EXPECT_THAT(overview.laggards(), IsEmpty());
  // A single ranked school is the best, never the bottom tenth.
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.cards_.erase("mn-2010");
    reporting_.cards_.erase("th-khai-minh");
  }
  ASSERT_OK_AND_ASSIGN(overview, ReportingOverview(request));
  EXPECT_EQ(overview.totals().forecast_schools(), 1);
  EXPECT_EQ(overview.totals().bottom_tenth_schools(), 0);
  EXPECT_THAT(overview.laggards(), IsEmpty());
}

TEST_F(AuthorityRollupTest, ReportingOverviewOfAnAuthorityWithoutSchoolsStillChecksThePeriod) {
  v1::GetReportingOverviewRequest request;
  request.set_authority("authorities/q1-p2");
  request.set_period("q3");
  ASSERT_OK_AND_ASSIGN(v1::ReportingOverview overview, ReportingOverview(request));
  EXPECT_EQ(overview.authority(), "authorities/q1-p2");
  EXPECT_THAT(overview.schools(), IsEmpty());
  EXPECT_EQ(overview.totals().schools(), 0);
  EXPECT_EQ(overview.totals().forecast_schools(), 0);
  EXPECT_EQ(overview.period().code(), "q3");
  EXPECT_EQ(overview.year(), platform::LocalDate(absl::Now()).year);  // this year by default
  request.set_period("q9");
  // Reporting's own answer passes unchanged.
  EXPECT_THAT(ReportingOverview(request),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("không có kỳ 'q9'")));
}

TEST_F(AuthorityRollupTest, ReportingOverviewIsForOfficersOfTheSubtreeAndNeedsAPeriod) {
  v1::GetReportingOverviewRequest request;
  request.set_period("q3");
  request.set_authority("authorities/q3");
  EXPECT_THAT(ReportingOverview(request), StatusIs(absl::StatusCode::kNotFound, HasSubstr("authorities/q3")));
  request.clear_authority();
  request.clear_period();
  absl::StatusOr<v1::ReportingOverview> no_period = ReportingOverview(request);
  EXPECT_THAT(no_period, StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_THAT(platform::FieldViolations(no_period.status()), SizeIs(1));
  EXPECT_EQ(platform::FieldViolations(no_period.status())[0].field, "period");
  request.set_period("q3");
  request.set_year(1999);
  absl::StatusOr<v1::ReportingOverview> bad_year = ReportingOverview(request);
  ASSERT_THAT(platform::FieldViolations(bad_year.status()), SizeIs(1));
  EXPECT_EQ(platform::FieldViolations(bad_year.status())[0].field, "year");
  officer_.role = platform::Role::kSchoolAdmin;
  officer_.school_id = "mn-2010";
  request.set_year(2026);
  EXPECT_THAT(ReportingOverview(request),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("authority officers")));
  {
    absl::MutexLock lock(&directory_.mu_);
    EXPECT_THAT(directory_.seen_, IsEmpty());
  }
  absl::MutexLock lock(&reporting_.mu_);
  EXPECT_THAT(reporting_.card_calls_, IsEmpty());
  EXPECT_THAT(reporting_.status_calls_, IsEmpty());
}

TEST_F(AuthorityRollupTest, ReportingDownFailsTheReportingOverviewNamingTheServiceOnly) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10")});
  v1::GetReportingOverviewRequest request;
  request.set_period("q3");
  const auto no_address = AllOf(HasSubstr(Label("reporting")), Not(HasSubstr("10.1.2.3")),
                                Not(HasSubstr("ipv4")), Not(HasSubstr("failed to connect")));
  // Either batch call failing fails the whole overview: no row of zeros.
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.cards_fail_ = grpc::Status(grpc::StatusCode::UNAVAILABLE, kTransportText);
  }
  EXPECT_THAT(ReportingOverview(request), StatusIs(absl::StatusCode::kUnavailable, no_address));
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.cards_fail_ = grpc::Status::OK;
    reporting_.statuses_fail_ = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, kTransportText);
  }
  EXPECT_THAT(ReportingOverview(request), StatusIs(absl::StatusCode::kDeadlineExceeded, no_address));
  // Nothing listening at all.
  const int port = ClosedPort();
  auto rollup = Rollup("", absl::StrCat("127.0.0.1:", port));
  EXPECT_THAT(ReportingOverview(request, rollup.get()),
              StatusIs(absl::StatusCode::kUnavailable,
                       AllOf(HasSubstr(Label("reporting")), Not(HasSubstr("127.0.0.1")),
                             Not(HasSubstr(absl::StrCat(port))), Not(HasSubstr("ipv4")))));
}

TEST_F(AuthorityRollupTest, ASchoolReportingDidNotAnswerForFailsTheReportingOverview) {
  AddSchools("authorities/q1", {School("mn-2010", "Trường Mầm non 20-10"),
                                School("th-khai-minh", "Trường Tiểu học Khai Minh")});
  {
    absl::MutexLock lock(&reporting_.mu_);
    reporting_.omit_ = "th-khai-minh";
  }
  v1::GetReportingOverviewRequest request;
  request.set_period("q3");
  EXPECT_THAT(ReportingOverview(request), StatusIs(absl::StatusCode::kInternal));
}

}  // namespace
}  // namespace parhub::gateway
