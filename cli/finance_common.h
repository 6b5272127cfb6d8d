// Helpers shared by parhubctl's finance commands (cmd_finance.cc: fees,
// invoices, payments, receipts, the ledger; cmd_finance_bank.cc: bank
// statements and payers' credits; cmd_finance_spending.cc: spending;
// cmd_finance_reports.cc: the period's figures and the public disclosure): the finance stub, flags people
// type (amounts in đồng, Vietnam times, day ranges), resource names from the ids and payment references
// printed on paper, the school's pupils for display, and paging.
#ifndef PARHUB_CLI_FINANCE_COMMON_H_
#define PARHUB_CLI_FINANCE_COMMON_H_

#include <google/protobuf/timestamp.pb.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/app.h"
#include "parhub/finance/v1/finance.grpc.pb.h"

namespace parhub::cli {

namespace fv = ::parhub::finance::v1;

std::unique_ptr<fv::FinanceService::Stub> StubOf(Session& session);

// "Tiền mặt", "Chuyển khoản"… ("Cash", "Bank transfer"…).
std::string MethodLabel(const Output& out, fv::PaymentMethod method);
// "tháng", "học kỳ"… ("month", "term"…).
std::string FeeUnitLabel(const Output& out, fv::FeeUnit unit);
// "500.000 đ/tháng", "150.000 đ (một lần)".
std::string AmountPerUnit(const Output& out, const fv::FeeItem& fee);
// The words people type for a method (tien-mat, chuyen-khoan, vietqr, the,
// vi, tien-thua, and their English); nullopt for others.
std::optional<fv::PaymentMethod> ParseMethod(const std::string& text);
inline constexpr const char* kMethodWords = "tien-mat | chuyen-khoan | vietqr | the | vi";
inline constexpr const char* kMethodFilterWords = "tien-mat | chuyen-khoan | vietqr | the | vi | tien-thua";

// An amount flag in đồng ("500000", "500.000"); nullopt after a usage error.
std::optional<int64_t> AmountFlag(App& app, const std::string& flag, const std::string& text);
// A period as the service takes it ("2026-09") from "2026-09", "2026-9" or
// "09/2026"; anything else is passed on for the service to refuse.
std::string NormalizePeriod(const std::string& text);
// "2026-09-15 08:30" or "15/09/2026 08:30", Vietnam time; nullopt after a
// usage error.
std::optional<google::protobuf::Timestamp> TimeFlag(App& app, const std::string& flag,
                                                    const std::string& text);
// The first instant of a day in Vietnam.
google::protobuf::Timestamp StartOfDay(const common::v1::Date& date);
// --from/--to as a time range [start of --from, start of the day after --to);
// false after a usage error.
bool DayRangeFlags(App& app, const std::string& from, const std::string& to,
                   google::protobuf::Timestamp* start, google::protobuf::Timestamp* end);
std::string Shorten(const std::string& text, size_t max_chars);
// Table cells show "500.000 đ"; files (--export) the bare number, so a
// spreadsheet can add it up.
std::string Money(int64_t amount, bool file);
// The idempotency key of a mutation: --request-id, else a fresh one.
std::string NewRequestId(const App& app, const char* verb);

// "schools/{school}/{collection}/{id}" for an id of --school (default: the
// caller's school) or a full name. Ids are lower case, so "HS001" finds the
// pupil imported with code HS001. nullopt after a usage error.
std::optional<std::string> ChildName(App& app, const std::string& school_flag, const std::string& collection,
                                     const std::string& text);
// "schools/{school}" of a resource name.
std::string SchoolOf(const std::string& name);
// "invoices/3f9a…" of "schools/mn-2010/invoices/3f9a…".
std::string InSchool(const std::string& name);
bool IsRandomId(const std::string& text);
// The invoice for a full name, an invoice id (16 hex digits) or the payment
// reference printed on it and sent in the transfer ("MN2010HP26090017", found
// by asking the service). nullopt after a usage error.
std::optional<std::string> ResolveInvoice(App& app, Session& session, const std::string& school_flag,
                                          const std::string& text);
// The receipt for a full name, a receipt id, or its number as printed
// ("2026-000123", found by listing that year's receipts). nullopt after a
// usage error.
std::optional<std::string> ResolveReceipt(App& app, Session& session, const std::string& school_flag,
                                          const std::string& text);

// The school's pupils (those who left too) by name, to show names beside
// invoices and receipts; as far as they could be read (empty when not).
using PupilIndex = std::map<std::string, fv::Pupil>;
PupilIndex ReadPupils(Session& session, const std::string& school);
const fv::Pupil* FindPupil(const PupilIndex& pupils, const std::string& name);
// "Nguyễn Văn An (HS001)" when known, else the pupil's id.
std::string PupilText(const PupilIndex& pupils, const std::string& name);

// Every page of a listing into `all` (only the first when `every_page` is
// false; `all` then keeps its next_page_token). false after a failed call.
template <typename Request, typename Response, typename Method>
bool Collect(App& app, Session& session, Request request, bool every_page, Method method, Response* all) {
  while (true) {
    Response page;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return method(c, request, &page); })) return false;
    std::string token = page.next_page_token();
    all->MergeFrom(page);
    all->set_next_page_token(token);
    if (!every_page || token.empty()) return true;
    request.set_page_token(token);
  }
}

// `finance statements …` and `finance credits …` (cmd_finance_bank.cc).
void AddFinanceBankCommands(CLI::App& finance, App& app);
// `finance spending …` (cmd_finance_spending.cc).
void AddFinanceSpendingCommands(CLI::App& finance, App& app);
// `finance summary` and `finance disclosure …` (cmd_finance_reports.cc).
void AddFinanceReportCommands(CLI::App& finance, App& app);

// "Còn nữa: thêm --all…" when a listing has more pages.
void MorePagesHint(const Output& out, const std::string& next_page_token);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_FINANCE_COMMON_H_
