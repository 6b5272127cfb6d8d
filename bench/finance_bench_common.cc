// The finance benchmarks' gateway client and bench-school setup
// (finance_bench_common.h).
#include "bench/finance_bench_common.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::bench {
namespace {

namespace dpb = ::parhub::directory::v1;
namespace fpb = ::parhub::finance::v1;

// The authority every finance bench school lives under, so bench data never
// mixes with the demo's schools and is easy to find (and to ignore).
constexpr char kBenchAuthority[] = "bench-finance";

// ALREADY_EXISTS counts as done for the directory's idempotent setup.
bool Done(const grpc::Status& status) {
  return status.ok() || status.error_code() == grpc::StatusCode::ALREADY_EXISTS;
}

absl::Status Failed(const std::string& what, const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

// A plausible Vietnamese full name for pupil `i` (deterministic).
std::string PupilName(int i) {
  static const char* const kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng",
                                        "Huỳnh",  "Phan", "Vũ", "Võ",   "Đặng"};
  static const char* const kMiddle[] = {"Văn", "Thị", "Minh", "Ngọc", "Gia", "Bảo", "Thanh", "Hữu"};
  static const char* const kGiven[] = {"An", "Bình", "Chi",  "Dũng", "Hà",   "Khang", "Linh",
                                       "My", "Nam",  "Phúc", "Quân", "Thảo", "Vy",    "Tuấn"};
  return absl::StrCat(kFamily[i % 10], " ", kMiddle[(i / 10) % 8], " ", kGiven[(i / 80) % 14], " ", i + 1);
}

std::string ClassName(int c) { return absl::StrFormat("Lớp %03d", c + 1); }
std::string PupilCode(int i) { return absl::StrFormat("P%06d", i + 1); }
// ImportPupils makes the pupil id from the code, lower-cased.
std::string PupilId(int i) { return absl::AsciiStrToLower(PupilCode(i)); }

}  // namespace

absl::TimeZone VietnamTime() { return absl::FixedTimeZone(7 * 60 * 60); }

std::shared_ptr<grpc::Channel> GatewayChannel(const std::string& target, int index) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);     // every failure is counted, never hidden
  args.SetInt("parhub.bench.channel", index);  // distinct args: a connection per channel
  args.SetMaxReceiveMessageSize(-1);           // the client is never the limit
  args.SetMaxSendMessageSize(-1);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  std::string key;
  if (!in || !std::getline(in, key)) return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  key = std::string(absl::StripAsciiWhitespace(key));
  if (key.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " is empty"));
  return key;
}

std::string StatusText(const grpc::Status& status) {
  return absl::StrCat(platform::StatusCodeName(status.error_code()), ": ", status.error_message());
}

bool MaybeInProgress(grpc::StatusCode code) {
  return code == grpc::StatusCode::DEADLINE_EXCEEDED || code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::ABORTED;
}

google::protobuf::Timestamp ToProtoTime(absl::Time time) {
  google::protobuf::Timestamp out;
  const int64_t micros = absl::ToUnixMicros(time);
  int64_t seconds = micros / 1'000'000;
  int64_t rest = micros % 1'000'000;
  if (rest < 0) {
    rest += 1'000'000;
    --seconds;
  }
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(rest * 1000));
  return out;
}

common::v1::Date ToProtoDate(absl::CivilDay day) {
  common::v1::Date out;
  out.set_year(static_cast<int32_t>(day.year()));
  out.set_month(day.month());
  out.set_day(day.day());
  return out;
}

bool ParseDay(const std::string& text, absl::CivilDay* day) { return absl::ParseCivilTime(text, day); }

Gateway::Gateway(std::shared_ptr<grpc::Channel> channel, std::string api_key)
    : channel_(std::move(channel)),
      api_key_(std::move(api_key)),
      bearer_(absl::StrCat("Bearer ", api_key_)),
      directory_(directory::v1::DirectoryService::NewStub(channel_)),
      finance_(finance::v1::FinanceService::NewStub(channel_)) {}

void Gateway::Prepare(grpc::ClientContext& context, absl::Duration deadline) const {
  context.AddMetadata("authorization", bearer_);
  context.set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(deadline));
}

Confirmation SendAndConfirm(const std::function<grpc::Status()>& send, const std::function<bool()>& committed,
                            absl::Duration budget, bool resend) {
  Confirmation out;
  const absl::Time start = absl::Now();
  auto elapsed = [&] { return absl::ToDoubleSeconds(absl::Now() - start); };
  out.status = send();
  out.sends = 1;
  out.seconds = elapsed();
  if (out.status.ok() || !MaybeInProgress(out.status.error_code())) return out;
  out.exceeded_call_deadline = out.status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;

  if (out.exceeded_call_deadline && committed) {
    // The service is most likely still working: wait for the effect without
    // sending again (a second send would wait on the request_id's row lock
    // inside the service, holding one of its handler threads).
    while (absl::Now() - start < budget) {
      if (committed()) {
        out.seconds = elapsed();
        out.confirmed_by_probe = true;
        // Committed: the same request now replays the recorded answer.
        for (int i = 0; i < 5; ++i) {
          out.status = send();
          ++out.sends;
          if (!MaybeInProgress(out.status.error_code())) break;
          absl::SleepFor(absl::Seconds(1));
        }
        return out;
      }
      absl::SleepFor(absl::Milliseconds(200));
    }
    out.status = send();  // last word: the answer, or why not
    ++out.sends;
    out.seconds = elapsed();
    return out;
  }
  if (!resend) return out;
  while (absl::Now() - start < budget) {
    absl::SleepFor(absl::Seconds(1));
    out.status = send();
    ++out.sends;
    out.seconds = elapsed();
    if (out.status.ok() || !MaybeInProgress(out.status.error_code())) return out;
  }
  return out;
}

absl::StatusOr<std::vector<BenchInvoice>> ListPeriodInvoices(const Gateway& school, const std::string& parent,
                                                             const std::string& period,
                                                             absl::Duration deadline) {
  std::vector<BenchInvoice> out;
  fpb::ListInvoicesRequest request;
  request.set_parent(parent);
  request.set_period(period);
  request.set_page_size(1000);
  while (true) {
    grpc::ClientContext context;
    school.Prepare(context, deadline);
    fpb::ListInvoicesResponse page;
    grpc::Status status = school.finance().ListInvoices(&context, request, &page);
    if (!status.ok()) return Failed("ListInvoices", status);
    for (const fpb::Invoice& invoice : page.invoices()) {
      out.push_back({.name = invoice.name(),
                     .payment_reference = invoice.payment_reference(),
                     .total = invoice.total_amount(),
                     .paid = invoice.paid_amount()});
    }
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

absl::StatusOr<finance::v1::LedgerCheck> CheckLedger(const Gateway& school, const std::string& parent,
                                                     absl::Duration deadline) {
  grpc::ClientContext context;
  school.Prepare(context, deadline);
  fpb::CheckLedgerRequest request;
  request.set_parent(parent);
  fpb::LedgerCheck check;
  grpc::Status status = school.finance().CheckLedger(&context, request, &check);
  if (!status.ok()) return Failed("CheckLedger", status);
  return check;
}

absl::StatusOr<BenchSchool> SetUpBenchSchool(const std::shared_ptr<grpc::Channel>& channel,
                                             const SetupOptions& options, std::ostream& log) {
  if (options.pupils < 1 || options.class_size < 1 || options.class_size > 2000) {
    return absl::InvalidArgumentError("--pupils must be ≥ 1 and --class_size 1..2000");
  }
  auto admin_key = ReadKeyFile(options.admin_key_file);
  if (!admin_key.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--admin_key_file: ", admin_key.status().message(),
                     " (the root administrator's key that scripts/up.sh writes to .run/secrets/admin.key)"));
  }
  const Gateway admin(channel, *admin_key);
  const absl::Duration deadline = options.call_deadline;

  BenchSchool school;
  school.tag = platform::RandomHex(4);
  school.school_id = absl::StrCat("bench-fin-", school.tag);
  school.parent = absl::StrCat("schools/", school.school_id);
  const std::string account_id = absl::StrCat(school.school_id, "-ht");

  // --- as the root administrator: authority, school, account, key ---------
  {
    dpb::CreateAuthorityRequest request;
    request.set_authority_id(kBenchAuthority);
    request.set_request_id("bench-finance-authority");
    request.mutable_authority()->set_code(kBenchAuthority);
    request.mutable_authority()->set_display_name("Đơn vị thử tải tài chính (benchmark)");
    request.mutable_authority()->set_parent("authorities/hcm");
    request.mutable_authority()->set_kind("ward");
    dpb::Authority created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateAuthority(&context, request, &created);
    if (!Done(status)) return Failed("CreateAuthority bench-finance", status);
  }
  {
    dpb::CreateSchoolRequest request;
    request.set_school_id(school.school_id);
    request.set_request_id(absl::StrCat("bench-fin-school-", school.tag));
    dpb::School* s = request.mutable_school();
    s->set_code(absl::StrCat("BF", absl::AsciiStrToUpper(school.tag)));
    s->set_display_name(
        absl::StrCat("Trường thử tải tài chính ", school.tag, " (", options.purpose, " benchmark)"));
    s->set_level(dpb::SCHOOL_LEVEL_PRIMARY);
    s->set_authority(absl::StrCat("authorities/", kBenchAuthority));
    dpb::School created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateSchool(&context, request, &created);
    if (!Done(status)) return Failed(absl::StrCat("CreateSchool ", school.school_id), status);
  }
  {
    dpb::CreateAccountRequest request;
    request.set_account_id(account_id);
    request.set_request_id(absl::StrCat("bench-fin-account-", school.tag));
    dpb::Account* a = request.mutable_account();
    a->set_display_name(absl::StrCat("Hiệu trưởng trường thử tải ", school.tag));
    a->set_role(common::v1::ROLE_SCHOOL_ADMIN);
    a->set_school(school.parent);
    dpb::Account created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateAccount(&context, request, &created);
    if (!Done(status)) return Failed(absl::StrCat("CreateAccount ", account_id), status);
  }
  {
    dpb::CreateApiKeyRequest request;
    request.set_parent(absl::StrCat("accounts/", account_id));
    request.set_display_name(absl::StrCat("parhub finance ", options.purpose, " benchmark"));
    request.set_request_id(absl::StrCat("bench-fin-key-", school.tag, "-", platform::RandomHex(4)));
    dpb::CreateApiKeyResponse created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateApiKey(&context, request, &created);
    if (!status.ok()) return Failed(absl::StrCat("CreateApiKey for ", account_id), status);
    if (created.secret().empty()) return absl::InternalError("CreateApiKey returned no secret");
    school.api_key = created.secret();
  }
  log << "bench school " << school.parent << " (authorities/" << kBenchAuthority << "), admin accounts/"
      << account_id << "\n";

  const Gateway as_school(channel, school.api_key);

  // --- as the school admin: settings, fee item --------------------------------
  {
    fpb::UpdateFinanceSettingsRequest request;
    fpb::FinanceSettings* s = request.mutable_finance_settings();
    s->set_name(absl::StrCat(school.parent, "/financeSettings"));
    s->set_bank_bin("970436");
    s->set_account_number("0071000999999");
    s->set_account_name("TRUONG THU TAI TAI CHINH");
    s->set_reference_prefix("BF");
    s->set_issuer_name(absl::StrCat("Trường thử tải tài chính ", school.tag));
    s->set_tax_code("0300000000");
    s->set_receipt_template("01BLP0-001");
    s->set_receipt_series("BF-26E");
    s->set_school_level("tieu-hoc");
    s->set_area_group(1);
    for (const char* path :
         {"bank_bin", "account_number", "account_name", "reference_prefix", "issuer_name", "tax_code",
          "receipt_template", "receipt_series", "school_level", "area_group"}) {
      request.mutable_update_mask()->add_paths(path);
    }
    request.set_request_id(absl::StrCat("bench-fin-settings-", school.tag));
    fpb::FinanceSettings updated;
    Confirmation done = SendAndConfirm(
        [&] {
          grpc::ClientContext context;
          as_school.Prepare(context, deadline);
          return as_school.finance().UpdateFinanceSettings(&context, request, &updated);
        },
        nullptr, options.confirm_budget);
    if (!done.status.ok()) return Failed("UpdateFinanceSettings", done.status);
  }
  {
    fpb::CreateFeeItemRequest request;
    request.set_parent(school.parent);
    request.set_fee_item_id("khac-bench");
    request.set_request_id(absl::StrCat("bench-fin-fee-", school.tag));
    fpb::FeeItem* f = request.mutable_fee_item();
    f->set_code("KHAC-BENCH");
    f->set_display_name("Khoản thu khác (thử tải)");
    f->set_amount(options.fee_amount);
    f->set_unit(fpb::FEE_UNIT_MONTH);
    f->set_school_year(options.school_year);
    f->set_legal_basis("Thỏa thuận với cha mẹ học sinh (dữ liệu thử tải, không phải khoản thu thật)");
    f->set_mandatory(false);
    f->set_active(true);
    f->set_charge_kind("khac");
    fpb::FeeItem created;
    Confirmation done = SendAndConfirm(
        [&] {
          grpc::ClientContext context;
          as_school.Prepare(context, deadline);
          return as_school.finance().CreateFeeItem(&context, request, &created);
        },
        nullptr, options.confirm_budget);
    if (!done.status.ok()) return Failed("CreateFeeItem (charge kind khac)", done.status);
    school.fee_item =
        created.name().empty() ? absl::StrCat(school.parent, "/feeItems/khac-bench") : created.name();
  }

  // --- pupils: CSV in calls of at most 2,000 rows (and 1 MiB) ---------------
  const int classes = (options.pupils + options.class_size - 1) / options.class_size;
  {
    const absl::Time start = absl::Now();
    constexpr int kRowsPerCall = 2000;
    for (int first = 0, call = 0; first < options.pupils; first += kRowsPerCall, ++call) {
      const int last = std::min(options.pupils, first + kRowsPerCall);
      std::string csv = "pupil_code,full_name,class\n";
      for (int i = first; i < last; ++i) {
        absl::StrAppend(&csv, PupilCode(i), ",", PupilName(i), ",", ClassName(i / options.class_size), "\n");
      }
      fpb::ImportPupilsRequest request;
      request.set_parent(school.parent);
      request.set_csv(csv);
      request.set_request_id(absl::StrCat("bench-fin-pupils-", school.tag, "-", call));
      fpb::ImportPupilsResponse imported;
      Confirmation done = SendAndConfirm(
          [&] {
            grpc::ClientContext context;
            as_school.Prepare(context, deadline);
            return as_school.finance().ImportPupils(&context, request, &imported);
          },
          nullptr, options.confirm_budget);
      if (!done.status.ok())
        return Failed(absl::StrCat("ImportPupils rows ", first + 1, "-", last), done.status);
      if (!imported.applied() || imported.errors_size() > 0) {
        return absl::InternalError(absl::StrCat(
            "ImportPupils rows ", first + 1, "-", last, " not applied: ", imported.errors_size(), " errors",
            imported.errors_size() > 0
                ? absl::StrCat(", first: line ", imported.errors(0).line(), " ", imported.errors(0).column(),
                               " ", imported.errors(0).message())
                : ""));
      }
    }
    school.import_pupils_s = absl::ToDoubleSeconds(absl::Now() - start);
    log << absl::StrFormat("%d pupils in %d classes imported in %.2f s\n", options.pupils, classes,
                           school.import_pupils_s);
  }

  // --- invoices: whole classes, at most 2,000 pupils per call ----------------
  {
    // A call that would create more than 2,000 invoices fails as a whole
    // (services/finance/domain/invoice_desk.cc), so group whole classes.
    const int classes_per_call = std::max(1, 2000 / options.class_size);
    for (int first_class = 0, call = 0; first_class < classes; first_class += classes_per_call, ++call) {
      const int last_class = std::min(classes, first_class + classes_per_call);
      fpb::BatchCreateInvoicesRequest request;
      request.set_parent(school.parent);
      request.set_period(options.period);
      for (int c = first_class; c < last_class; ++c) request.add_class_names(ClassName(c));
      request.add_fee_items(school.fee_item);
      *request.mutable_due_date() = ToProtoDate(options.due_date);
      request.set_request_id(absl::StrCat("bench-fin-invoices-", school.tag, "-", call));
      const int expected =
          std::min(options.pupils, last_class * options.class_size) - first_class * options.class_size;
      // Committed once the group's first pupil has an invoice of the period.
      const std::string probe_pupil =
          absl::StrCat(school.parent, "/pupils/", PupilId(first_class * options.class_size));
      auto committed = [&]() -> bool {
        grpc::ClientContext context;
        as_school.Prepare(context, absl::Seconds(5));
        fpb::ListInvoicesRequest list;
        list.set_parent(school.parent);
        list.set_pupil(probe_pupil);
        list.set_period(options.period);
        list.set_page_size(1);
        fpb::ListInvoicesResponse found;
        return as_school.finance().ListInvoices(&context, list, &found).ok() && found.invoices_size() > 0;
      };
      fpb::BatchCreateInvoicesResponse created;
      Confirmation done = SendAndConfirm(
          [&] {
            grpc::ClientContext context;
            as_school.Prepare(context, deadline);
            return as_school.finance().BatchCreateInvoices(&context, request, &created);
          },
          committed, options.confirm_budget);
      if (!done.status.ok() && !done.confirmed_by_probe) {
        return Failed(absl::StrCat("BatchCreateInvoices classes ", first_class + 1, "-", last_class),
                      done.status);
      }
      if (done.status.ok() && created.created_count() != expected) {
        return absl::InternalError(absl::StrCat("BatchCreateInvoices created ", created.created_count(),
                                                " invoices, expected ", expected, " (skipped ",
                                                created.skipped_count(), ")"));
      }
      if (call == 0) {
        school.first_batch_invoices = expected;
        school.first_batch_s = done.seconds;
      }
      school.all_batches_s += done.seconds;
      school.batch_exceeded_call_deadline |= done.exceeded_call_deadline;
      ++school.batch_calls;
      log << absl::StrFormat("BatchCreateInvoices %d pupils (classes %d-%d): %.3f s%s\n", expected,
                             first_class + 1, last_class, done.seconds,
                             done.exceeded_call_deadline
                                 ? " — longer than the gateway's 10 s call deadline: the client got "
                                   "DEADLINE_EXCEEDED and the time is until the invoices were visible"
                                 : "");
    }
  }

  auto invoices = ListPeriodInvoices(as_school, school.parent, options.period, absl::Seconds(30));
  if (!invoices.ok()) return invoices.status();
  if (static_cast<int>(invoices->size()) != options.pupils) {
    return absl::InternalError(absl::StrCat("expected ", options.pupils, " invoices for ", options.period,
                                            ", found ", invoices->size()));
  }
  school.invoices = *std::move(invoices);
  return school;
}

bool ParseWatched(const std::string& spec, std::vector<Watched>* out, std::string* error) {
  if (spec.empty()) return true;
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    Watched w;
    w.name = kv.first;
    if (w.name.empty() || !absl::SimpleAtoi(kv.second, &w.pid) || w.pid <= 0) {
      *error = absl::StrCat("bad --watch_pids item '", item, "' (want name=pid)");
      return false;
    }
    out->push_back(std::move(w));
  }
  return true;
}

double ProcessCpuSeconds(int pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  if (!std::getline(in, line)) return -1;
  // The fields after the parenthesised command name (which may hold spaces).
  const size_t close = line.rfind(')');
  if (close == std::string::npos || close + 2 > line.size()) return -1;
  std::vector<std::string> fields = absl::StrSplit(line.substr(close + 2), ' ');
  // utime and stime are fields 14 and 15 of the line: 12 and 13 here.
  double utime = 0, stime = 0;
  if (fields.size() < 13 || !absl::SimpleAtod(fields[11], &utime) || !absl::SimpleAtod(fields[12], &stime)) {
    return -1;
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace parhub::bench
