// parhub-finance-statement-bench: importing a large bank statement through
// the running gateway.
//
// Setup as parhub-finance-payments-bench (its own new school under
// authorities/bench-finance, never a demo school; finance_bench_common.h):
// --pupils pupils with one invoice each of 10.000.000 đồng for --period.
//
// Then it generates a statement in parhub's generic CSV
// (transaction_id,booking_time,amount,description,counterparty_name,
// counterparty_account) of --lines lines booked one second apart from
// --booking_start (2026-12-01 00:00:00, Vietnam time; every line must be in
// the past, as a matched line becomes a payment paid at its booking time).
// About --matched_share of the lines name a bench invoice's payment_reference
// in their description, in the shapes banks write transfer contents, and pay
// --matched_amount; the others carry random text and amounts.
//
// gRPC refuses any message over 4 MiB (4,194,304 bytes) on the gateway and on
// the finance service: neither raises gRPC's default. 100,000 lines are about
// 12 MB, so one ImportBankStatement cannot carry them. The program says so,
// shows the refusal with one attempt (--try_single_call), then splits the
// lines into files of at most --max_message_bytes per request (each with the
// header) and imports them one after the other, timing each and the total.
//
// An import runs in one transaction and takes longer than the gateway's 10 s
// call deadline: the client then gets DEADLINE_EXCEEDED while the service
// carries on. The time of such a file is taken when its lines become visible
// (ListBankStatementLines over the file's booking-time window, polled every
// 200 ms); the same request is then sent again to read the recorded result.
// Last line:
//   RESULT statement_lines=N files=N import_s=N lines_per_s=N matched=N unmatched=N split=true|false
//          max_message_bytes=N ledger_balanced=true|false
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/finance_bench_common.h"
#include "platform/rpc/grpc_status.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "Gateway host:port (plaintext public port)");
ABSL_FLAG(std::string, admin_key_file, ".run/secrets/admin.key",
          "File holding the root administrator's API key (creates the bench school and its admin)");
ABSL_FLAG(int, pupils, 2000, "Pupils (one invoice each) in the bench school");
ABSL_FLAG(int, class_size, 40, "Pupils per class (BatchCreateInvoices is called per group of whole classes)");
ABSL_FLAG(std::string, period, "2026-12", "Invoice period");
ABSL_FLAG(std::string, due_date, "2026-12-31", "Invoices' due date (not before today, within a year)");
ABSL_FLAG(std::string, school_year, "2026-2027", "Fee item's school year (must be the period's)");
ABSL_FLAG(int64_t, fee_amount, 10'000'000, "Fee item amount, đồng a month (charge kind khac: uncapped)");
ABSL_FLAG(int, lines, 100'000, "Statement lines");
ABSL_FLAG(double, matched_share, 0.5, "Share of lines naming a bench invoice's payment reference");
ABSL_FLAG(int64_t, matched_amount, 20'000, "Amount of a line naming an invoice, đồng");
ABSL_FLAG(std::string, booking_start, "2026-12-01",
          "Day (Vietnam time) the first line is booked at 00:00:00; lines follow one second apart");
ABSL_FLAG(int64_t, max_message_bytes, parhub::bench::kGrpcDefaultMaxReceiveBytes,
          "Largest request to send (gRPC's default receive limit, which the gateway and finance keep)");
ABSL_FLAG(bool, try_single_call, true,
          "First send the whole statement in one call even when it is over --max_message_bytes, to show "
          "what the gateway answers (when it is accepted, that call is the measurement)");
ABSL_FLAG(double, confirm_budget_s, 3600, "How long to wait for one file's import to become visible");
ABSL_FLAG(uint64_t, seed, 20261201, "Random seed of the generated statement");
ABSL_FLAG(std::string, out_dir, "", "Also write the generated CSV file(s) here");

namespace parhub::bench {
namespace {

namespace fpb = ::parhub::finance::v1;

constexpr char kHeader[] =
    "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n";

struct Line final {
  std::string text;  // with its newline
  absl::CivilSecond booked;
  bool matched = false;
};

// One ImportBankStatement: a header and a run of consecutive lines.
struct File final {
  size_t first = 0;
  size_t last = 0;  // one past
  std::string content;
  int matched_lines = 0;
};

std::string Ascii(absl::string_view s) { return absl::AsciiStrToUpper(s); }

// A statement of `count` lines; line i is booked at `start` + i seconds.
std::vector<Line> MakeStatement(const std::vector<BenchInvoice>& invoices, int count, double matched_share,
                                int64_t matched_amount, absl::CivilSecond start, const std::string& tag,
                                uint64_t seed) {
  static const char* const kFamily[] = {"NGUYEN", "TRAN", "LE", "PHAM", "HOANG",
                                        "HUYNH",  "PHAN", "VU", "VO",   "DANG"};
  static const char* const kMiddle[] = {"VAN", "THI", "MINH", "NGOC", "GIA", "BAO", "THANH", "HUU"};
  static const char* const kGiven[] = {"AN",    "BINH", "CHI", "DUNG", "HA",
                                       "KHANG", "LINH", "MY",  "NAM",  "PHUC"};
  static const char* const kWords[] = {"chuyen", "tien", "ung",  "ho",   "quy",  "lop",   "mua",  "sach",
                                       "vo",     "dong", "phuc", "hoan", "tra",  "lai",   "tiet", "kiem",
                                       "phi",    "dich", "vu",   "sms",  "tra",  "gop",   "qua",  "tang",
                                       "le",     "noel", "tet",  "giao", "vien", "phong", "hop",  "nuoc"};
  std::mt19937_64 rng(seed);
  auto pick = [&rng](size_t n) {
    return static_cast<size_t>(std::uniform_int_distribution<uint64_t>(0, n - 1)(rng));
  };
  const std::string upper_tag = Ascii(tag);
  std::vector<Line> out;
  out.reserve(static_cast<size_t>(count));
  int64_t matched_so_far = 0;
  for (int i = 0; i < count; ++i) {
    Line line;
    line.booked = start + i;
    // Spread the matched lines evenly: line i is matched when the running
    // share crosses a whole line.
    const auto want = static_cast<int64_t>(static_cast<double>(i + 1) * matched_share);
    line.matched = want > matched_so_far;
    const std::string payer = absl::StrCat(kFamily[pick(10)], " ", kMiddle[pick(8)], " ", kGiven[pick(10)]);
    const std::string account = absl::StrCat(100000000 + pick(900000000), pick(10000));
    std::string description;
    int64_t amount = 0;
    if (line.matched) {
      const BenchInvoice& invoice = invoices[static_cast<size_t>(matched_so_far) % invoices.size()];
      ++matched_so_far;
      const std::string& ref = invoice.payment_reference;
      switch (pick(4)) {
        case 0:
          description = absl::StrCat(ref, " NOP TIEN THANG 12 ", payer);
          break;
        case 1:
          description = absl::StrCat("MBVCB.", 1000000 + pick(9000000), ".", ref, ".", payer, " CHUYEN TIEN");
          break;
        case 2:
          description = absl::StrCat("Nop tien khoan thu khac ma ", absl::AsciiStrToLower(ref), " cho con");
          break;
        default:
          description = absl::StrCat("IBFT ", payer, " chuyen khoan ND ", ref);
          break;
      }
      amount = matched_amount;
    } else {
      const size_t words = 4 + pick(6);
      description = payer;
      for (size_t w = 0; w < words; ++w) absl::StrAppend(&description, " ", kWords[pick(std::size(kWords))]);
      amount = static_cast<int64_t>(10 + pick(4990)) * 1000;
    }
    line.text =
        absl::StrFormat("FT%s%07d,%04d-%02d-%02d %02d:%02d:%02d,%d,%s,%s,%s\n", upper_tag, i,
                        line.booked.year(), line.booked.month(), line.booked.day(), line.booked.hour(),
                        line.booked.minute(), line.booked.second(), amount, description, payer, account);
    out.push_back(std::move(line));
  }
  return out;
}

fpb::ImportBankStatementRequest Request(const std::string& parent, const std::string& request_id,
                                        std::string content) {
  fpb::ImportBankStatementRequest request;
  request.set_parent(parent);
  request.set_format(fpb::STATEMENT_FORMAT_GENERIC_CSV);
  request.set_request_id(request_id);
  request.set_content(std::move(content));
  return request;
}

// Consecutive lines packed into files whose request stays within
// `max_request_bytes` (header repeated in each).
std::vector<File> Split(const std::vector<Line>& lines, size_t max_content_bytes) {
  std::vector<File> files;
  File current;
  current.content = kHeader;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (current.content.size() + lines[i].text.size() > max_content_bytes && current.last > current.first) {
      files.push_back(std::move(current));
      current = File{};
      current.first = current.last = i;
      current.content = kHeader;
    }
    current.content += lines[i].text;
    current.last = i + 1;
    if (lines[i].matched) ++current.matched_lines;
  }
  if (current.last > current.first) files.push_back(std::move(current));
  return files;
}

struct Imported final {
  Confirmation confirmation;
  fpb::BankStatementImport result;
};

// Imports one file and waits until its lines are visible. `resend`: false
// for the deliberate oversize attempt, which is sent once.
Imported ImportFile(const Gateway& school, const std::string& parent,
                    const fpb::ImportBankStatementRequest& request, absl::CivilSecond window_start,
                    absl::CivilSecond window_end, absl::Duration budget, bool resend) {
  Imported out;
  const google::protobuf::Timestamp from = ToProtoTime(absl::FromCivil(window_start, VietnamTime()));
  const google::protobuf::Timestamp to = ToProtoTime(absl::FromCivil(window_end, VietnamTime()));
  auto committed = [&]() -> bool {
    grpc::ClientContext context;
    school.Prepare(context, absl::Seconds(5));
    fpb::ListBankStatementLinesRequest list;
    list.set_parent(parent);
    *list.mutable_start_time() = from;
    *list.mutable_end_time() = to;
    list.set_page_size(1);
    fpb::ListBankStatementLinesResponse found;
    return school.finance().ListBankStatementLines(&context, list, &found).ok() && found.lines_size() > 0;
  };
  out.confirmation = SendAndConfirm(
      [&] {
        grpc::ClientContext context;
        school.Prepare(context, absl::Minutes(30));  // the gateway cuts it to 10 s
        out.result.Clear();
        return school.finance().ImportBankStatement(&context, request, &out.result);
      },
      committed, budget, resend);
  return out;
}

std::string Describe(const Imported& imported) {
  const Confirmation& c = imported.confirmation;
  std::string how;
  if (c.exceeded_call_deadline) {
    how = c.confirmed_by_probe ? " (client got DEADLINE_EXCEEDED at the gateway's 10 s; time until the lines "
                                 "were visible)"
                               : " (client got DEADLINE_EXCEEDED and the lines never became visible)";
  }
  if (!c.status.ok()) absl::StrAppend(&how, " last answer ", StatusText(c.status));
  return how;
}

int Main() {
  const int count = absl::GetFlag(FLAGS_lines);
  const double share = absl::GetFlag(FLAGS_matched_share);
  const int64_t max_message = absl::GetFlag(FLAGS_max_message_bytes);
  if (count < 1 || count > 200'000 || share < 0 || share > 1 || max_message < 4096) {
    std::cerr << "parhub-finance-statement-bench: --lines 1..200000 (the service's limit per file), "
                 "--matched_share 0..1, --max_message_bytes ≥ 4096\n";
    return 2;
  }
  absl::CivilDay start_day;
  if (!ParseDay(absl::GetFlag(FLAGS_booking_start), &start_day)) {
    std::cerr << "parhub-finance-statement-bench: --booking_start must be YYYY-MM-DD\n";
    return 2;
  }
  const absl::CivilSecond start(start_day);
  const absl::CivilSecond last_booked = start + (count - 1);
  const absl::CivilSecond now_vn = absl::ToCivilSecond(absl::Now(), VietnamTime());
  if (last_booked > now_vn - 60) {
    std::cerr << "parhub-finance-statement-bench: the last line would be booked at "
              << absl::FormatCivilTime(last_booked)
              << " (Vietnam time), not in the past: a matched line becomes a payment paid then, and payments "
                 "in the future are refused. Use an earlier --booking_start or fewer --lines.\n";
    return 2;
  }

  SetupOptions setup;
  setup.gateway = absl::GetFlag(FLAGS_gateway);
  setup.admin_key_file = absl::GetFlag(FLAGS_admin_key_file);
  setup.purpose = "statement";
  setup.pupils = absl::GetFlag(FLAGS_pupils);
  setup.class_size = absl::GetFlag(FLAGS_class_size);
  setup.fee_amount = absl::GetFlag(FLAGS_fee_amount);
  setup.school_year = absl::GetFlag(FLAGS_school_year);
  setup.period = absl::GetFlag(FLAGS_period);
  if (!ParseDay(absl::GetFlag(FLAGS_due_date), &setup.due_date)) {
    std::cerr << "parhub-finance-statement-bench: --due_date must be YYYY-MM-DD\n";
    return 2;
  }
  std::shared_ptr<grpc::Channel> channel = GatewayChannel(setup.gateway, 0);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5))) {
    std::cerr << "parhub-finance-statement-bench: cannot connect to the gateway at " << setup.gateway
              << " (start the suite with: bash scripts/up.sh)\n";
    return 1;
  }
  absl::StatusOr<BenchSchool> school = SetUpBenchSchool(channel, setup, std::cerr);
  if (!school.ok()) {
    std::cerr << "parhub-finance-statement-bench: setup failed: " << school.status() << "\n";
    return 1;
  }
  const Gateway as_school(channel, school->api_key);
  std::cout << absl::StrFormat("school %s: %d pupils, %d invoices of %s\n", school->parent, setup.pupils,
                               static_cast<int>(school->invoices.size()), setup.period);

  const std::vector<Line> lines =
      MakeStatement(school->invoices, count, share, absl::GetFlag(FLAGS_matched_amount), start, school->tag,
                    absl::GetFlag(FLAGS_seed));
  const int matched_lines =
      static_cast<int>(std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.matched; }));
  std::string whole = kHeader;
  for (const Line& l : lines) whole += l.text;
  const std::string tag = school->tag;
  const size_t whole_request =
      Request(school->parent, absl::StrCat("bs-", tag, "-all"), whole).ByteSizeLong();
  std::cout << absl::StrFormat(
      "statement: %d lines (%d naming an invoice), booked %s .. %s (Vietnam time); one file is %d bytes "
      "(%.2f MiB), one request %d bytes\n",
      count, matched_lines, absl::FormatCivilTime(start), absl::FormatCivilTime(last_booked), whole.size(),
      static_cast<double>(whole.size()) / (1 << 20), whole_request);
  std::cout << absl::StrFormat(
      "limits: gRPC max received message %d bytes on the gateway and on finance (default, not raised in "
      "platform/rpc/server.cc); ImportBankStatement content ≤ 16 MiB and ≤ 200,000 lines "
      "(services/finance/domain/statement_file.h; docs/api/finance.md says 5 MiB); gateway call deadline 10 "
      "s\n",
      max_message);
  if (!absl::GetFlag(FLAGS_out_dir).empty()) {
    std::ofstream(absl::StrCat(absl::GetFlag(FLAGS_out_dir), "/statement-", tag, ".csv"), std::ios::binary)
        << whole;
  }

  const absl::Duration budget = absl::Seconds(absl::GetFlag(FLAGS_confirm_budget_s));
  const bool fits = static_cast<int64_t>(whole_request) <= max_message;
  std::vector<Imported> results;
  std::vector<File> files;
  bool split = false;

  if (fits || absl::GetFlag(FLAGS_try_single_call)) {
    fpb::ImportBankStatementRequest request =
        Request(school->parent, absl::StrCat("bs-", tag, "-all"), whole);
    Imported single = ImportFile(as_school, school->parent, request, start, last_booked + 1, budget, fits);
    const grpc::StatusCode code = single.confirmation.status.error_code();
    if (single.confirmation.status.ok() || single.confirmation.confirmed_by_probe) {
      std::cout << absl::StrFormat("one call, %d bytes: %.3f s%s\n", whole_request,
                                   single.confirmation.seconds, Describe(single));
      File all;
      all.first = 0;
      all.last = lines.size();
      all.matched_lines = matched_lines;
      files.push_back(std::move(all));
      results.push_back(std::move(single));
    } else {
      std::cout << absl::StrFormat("one call, %d bytes: refused after %.3f s: %s%s\n", whole_request,
                                   single.confirmation.seconds, StatusText(single.confirmation.status),
                                   code == grpc::StatusCode::RESOURCE_EXHAUSTED
                                       ? " — over the gRPC message limit, so the statement is split"
                                       : "");
    }
  }
  if (results.empty()) {
    split = true;
    // Room for the content: the request without it, the field's tag (1
    // byte) and its length (≤ 4 bytes below 256 MiB).
    const auto overhead = static_cast<int64_t>(
        Request(school->parent, absl::StrCat("bs-", tag, "-", 999999), "").ByteSizeLong() + 1 + 4);
    files = Split(lines, static_cast<size_t>(max_message - overhead));
    std::cout << absl::StrFormat(
        "split into %d files of at most %d bytes per request (%d bytes of CSV each, header repeated), "
        "imported "
        "one after the other\n",
        static_cast<int>(files.size()), max_message, max_message - overhead);
    for (size_t k = 0; k < files.size(); ++k) {
      File& file = files[k];
      fpb::ImportBankStatementRequest request =
          Request(school->parent, absl::StrCat("bs-", tag, "-", k), std::move(file.content));
      const size_t request_bytes = request.ByteSizeLong();
      if (static_cast<int64_t>(request_bytes) > max_message) {
        std::cerr << "parhub-finance-statement-bench: file " << k << " request is " << request_bytes
                  << " bytes, over " << max_message << "\n";
        return 1;
      }
      if (!absl::GetFlag(FLAGS_out_dir).empty()) {
        std::ofstream(absl::StrCat(absl::GetFlag(FLAGS_out_dir), "/statement-", tag, "-part", k + 1, ".csv"),
                      std::ios::binary)
            << request.content();
      }
      Imported imported = ImportFile(as_school, school->parent, request, lines[file.first].booked,
                                     lines[file.last - 1].booked + 1, budget, true);
      std::cout << absl::StrFormat(
          "file %d/%d: lines %d-%d, %d bytes: %.3f s, %.0f lines/s%s\n", k + 1, files.size(), file.first + 1,
          file.last, request_bytes, imported.confirmation.seconds,
          imported.confirmation.seconds > 0
              ? static_cast<double>(file.last - file.first) / imported.confirmation.seconds
              : 0.0,
          Describe(imported));
      const bool done = imported.confirmation.status.ok() || imported.confirmation.confirmed_by_probe;
      results.push_back(std::move(imported));
      if (!done) {
        std::cerr << "parhub-finance-statement-bench: file " << k + 1 << " was not imported; stopping\n";
        break;
      }
    }
  }

  // --- totals and checks --------------------------------------------------------------
  double import_s = 0;
  int64_t line_count = 0, matched = 0, unmatched = 0, duplicates = 0, errors = 0;
  bool all_confirmed = results.size() == files.size();
  bool counts_known = true;
  for (size_t k = 0; k < results.size(); ++k) {
    const Imported& r = results[k];
    import_s += r.confirmation.seconds;
    if (!r.confirmation.status.ok()) {
      counts_known = false;
      if (!r.confirmation.confirmed_by_probe) all_confirmed = false;
      continue;
    }
    line_count += r.result.line_count();
    matched += r.result.matched_count();
    unmatched += r.result.unmatched_count();
    duplicates += r.result.duplicate_count();
    errors += r.result.errors_size();
    if (!r.result.applied()) all_confirmed = false;
    if (r.result.matched_count() != files[k].matched_lines) {
      std::cerr << absl::StrFormat("file %d: %d lines matched automatically, %d name an invoice\n", k + 1,
                                   r.result.matched_count(), files[k].matched_lines);
    }
  }
  if (counts_known) {
    std::cout << absl::StrFormat(
        "imported: %d lines, %d matched, %d unmatched, %d duplicates, %d errors (expected %d lines, %d "
        "naming "
        "an invoice)\n",
        line_count, matched, unmatched, duplicates, errors, count, matched_lines);
  }
  bool ledger_balanced = false;
  absl::StatusOr<fpb::LedgerCheck> check = CheckLedger(as_school, school->parent, absl::Seconds(60));
  if (!check.ok()) {
    std::cerr << "parhub-finance-statement-bench: " << check.status() << "\n";
  } else {
    ledger_balanced = check->balanced() && check->ok();
    std::cout << absl::StrFormat("CheckLedger: balanced=%s ok=%s debits=%d credits=%d\n",
                                 check->balanced() ? "true" : "false", check->ok() ? "true" : "false",
                                 check->total_debits(), check->total_credits());
  }
  const double lines_per_s = import_s > 0 ? static_cast<double>(count) / import_s : 0;
  std::cout
      << absl::StrFormat(
             "RESULT statement_lines=%d files=%d import_s=%.1f lines_per_s=%.0f matched=%d unmatched=%d "
             "split=%s max_message_bytes=%d ledger_balanced=%s\n",
             count, static_cast<int>(files.size()), import_s, lines_per_s, matched, unmatched,
             split ? "true" : "false", max_message, ledger_balanced ? "true" : "false")
      << std::flush;
  const bool expected_counts =
      !counts_known || (line_count == count && matched == matched_lines && errors == 0 && duplicates == 0);
  return all_confirmed && expected_counts && ledger_balanced ? 0 : 1;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Times ImportBankStatement of a generated 100,000-line statement through the parhub gateway.\n"
      "  parhub-finance-statement-bench --admin_key_file=.run/secrets/admin.key [--lines=100000]");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
