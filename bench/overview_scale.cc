// parhub-overview-bench: how long the authority overview takes as the
// number of schools under an authority grows (DESIGN: thousands of schools
// well under a second). Creates, through the gateway and idempotently, an
// authority "bench-<n>" with n schools under the root authority (each school
// empty: the cost measured is the fan-out itself, one SummarizeTasks per
// school), then times GetAuthorityOverview repeatedly.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "platform/rpc/client.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "gateway host:port");
ABSL_FLAG(std::string, admin_key_file, "",
          "file holding an API key of a root authority officer (kept off the command line)");
ABSL_FLAG(int, schools, 1000, "schools under the benchmark authority");
ABSL_FLAG(int, repeats, 10, "overview calls to time");

namespace {

using namespace parhub;

std::unique_ptr<grpc::ClientContext> Context(const std::string& key, int seconds) {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", key));
  c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  return c;
}

bool Ok(const grpc::Status& s, const std::string& what) {
  if (s.ok() || s.error_code() == grpc::StatusCode::ALREADY_EXISTS) return true;
  std::cerr << what << ": " << s.error_message() << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::ifstream key_file(absl::GetFlag(FLAGS_admin_key_file));
  std::string key;
  std::getline(key_file, key);
  if (key.empty()) {
    std::cerr << "parhub-overview-bench: --admin_key_file must name a file holding the admin API key\n";
    return 2;
  }
  const int n = absl::GetFlag(FLAGS_schools);
  auto channel = platform::MakeChannel(absl::GetFlag(FLAGS_gateway), grpc::InsecureChannelCredentials());
  auto directory = directory::v1::DirectoryService::NewStub(channel);
  auto gateway = gateway::v1::GatewayService::NewStub(channel);
  const std::string authority = absl::StrCat("bench-", n);

  directory::v1::CreateAuthorityRequest create_authority;
  create_authority.set_authority_id(authority);
  create_authority.set_request_id(absl::StrCat("bench-authority-", n));
  create_authority.mutable_authority()->set_code(authority);
  create_authority.mutable_authority()->set_display_name(absl::StrCat("Đơn vị thử tải ", n, " trường"));
  create_authority.mutable_authority()->set_parent("authorities/hcm");
  create_authority.mutable_authority()->set_kind("ward");
  directory::v1::Authority created_authority;
  if (!Ok(directory->CreateAuthority(Context(key, 10).get(), create_authority, &created_authority),
          "authority"))
    return 1;
  absl::Time setup = absl::Now();
  for (int i = 0; i < n; ++i) {
    directory::v1::CreateSchoolRequest create;
    create.set_school_id(absl::StrCat(authority, "-s", i));
    create.set_request_id(absl::StrCat("bench-school-", n, "-", i));
    create.mutable_school()->set_code(absl::StrCat("B", i));
    create.mutable_school()->set_display_name(absl::StrCat("Trường thử tải số ", i));
    create.mutable_school()->set_level(directory::v1::SCHOOL_LEVEL_PRIMARY);
    create.mutable_school()->set_authority(absl::StrCat("authorities/", authority));
    directory::v1::School school;
    if (!Ok(directory->CreateSchool(Context(key, 10).get(), create, &school), "school")) return 1;
  }
  std::cerr << n << " schools ready in " << absl::FormatDuration(absl::Now() - setup) << "\n";
  // The gateway caches a key's scope for a few seconds; let it see the new authority.
  absl::SleepFor(absl::Seconds(6));

  gateway::v1::GetAuthorityOverviewRequest request;
  request.set_authority(absl::StrCat("authorities/", authority));
  std::vector<double> ms;
  int schools_seen = 0, failed = 0;
  for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
    gateway::v1::AuthorityOverview overview;
    absl::Time start = absl::Now();
    grpc::Status status = gateway->GetAuthorityOverview(Context(key, 60).get(), request, &overview);
    ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
    if (!Ok(status, "overview")) return 1;
    schools_seen = overview.schools_size();
    failed = overview.failed_schools();
  }
  std::sort(ms.begin(), ms.end());
  std::cout << absl::StrFormat(
      "overview of %d schools (%d failed): %d calls, ms min %.1f p50 %.1f max %.1f\n", schools_seen, failed,
      static_cast<int>(ms.size()), ms.front(), ms[ms.size() / 2], ms.back());
  return schools_seen == n && failed == 0 ? 0 : 1;
}
