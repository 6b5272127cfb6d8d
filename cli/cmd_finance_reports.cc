// parhubctl finance summary / disclosure: the accountant's figures for a
// period (collections and their cashless share, spending, receivables, the
// collection rate; what reporting and the authority read) and the public
// financial disclosure of a school year (Thông tư 09/2024/TT-BGDĐT): shown
// as it stands now, then published so anyone reads it without an account.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/finance_common.h"

namespace parhub::cli {
namespace {

// "12.500.000 đ (40 khoản)".
std::string AmountAndCount(const Output& o, int64_t amount, int count) {
  return absl::StrCat(FormatDong(amount), " (", count, o.T(" khoản)", count == 1 ? " item)" : " items)"));
}

std::string Share(double percent) { return absl::StrFormat("%.1f%%", percent); }

void PrintSummary(const Output& o, const fv::FinanceSummary& s) {
  o.Table(
      {o.T("Chỉ số", "Figure"), o.T("Giá trị", "Value")},
      {{o.T("Hóa đơn phát hành trong kỳ", "Invoices issued in the period"),
        AmountAndCount(o, s.invoiced_amount(), s.invoice_count())},
       {o.T("Đã thu trong kỳ (trừ khoản ghi đảo)", "Collected in the period (net of reversals)"),
        AmountAndCount(o, s.collected_amount(), s.collected_count())},
       {o.T("  trong đó không dùng tiền mặt", "  of which cashless"),
        AmountAndCount(o, s.cashless_collected_amount(), s.cashless_collected_count())},
       {o.T("Tỷ lệ thu không dùng tiền mặt: theo số tiền / số khoản",
            "Cashless share of collections: by amount / by count"),
        absl::StrCat(Share(s.cashless_share_amount()), " / ", Share(s.cashless_share_count()))},
       {o.T("Đã chi trong kỳ", "Spent in the period"), AmountAndCount(o, s.spent_amount(), s.spent_count())},
       {o.T("  trong đó không dùng tiền mặt", "  of which cashless"),
        AmountAndCount(o, s.cashless_spent_amount(), s.cashless_spent_count())},
       {o.T("Tỷ lệ chi không dùng tiền mặt: theo số tiền / số khoản",
            "Cashless share of spending: by amount / by count"),
        absl::StrCat(Share(s.spending_cashless_share_amount()), " / ",
                     Share(s.spending_cashless_share_count()))},
       {o.T("Còn phải thu (hóa đơn phát hành đến cuối kỳ)",
            "Receivables (invoices issued up to the period's end)"),
        FormatDong(s.outstanding_receivables())},
       {o.T("  trong đó quá hạn", "  of which overdue"), FormatDong(s.overdue_receivables())},
       {o.T("Tỷ lệ thu của hóa đơn đến hạn trong kỳ", "Collection rate of invoices due in the period"),
        absl::StrCat(Share(s.collection_rate()), " (", FormatDong(s.due_paid_amount()), " / ",
                     FormatDong(s.due_amount()), ")")},
       {o.T("Dòng sao kê chờ xử lý", "Statement lines waiting"), absl::StrCat(s.unmatched_statement_lines())},
       {o.T("Khoản nộp đã ghi đảo", "Payments reversed"), absl::StrCat(s.reversed_payments())},
       {o.T("Biên lai đã lập", "Receipts issued"), absl::StrCat(s.receipts_issued())},
       {o.T("Sổ cái khớp", "Ledger check"), s.ledger_ok() ? o.T("Đúng", "OK") : o.T("SAI LỆCH", "FAILED")},
       {o.T("Đã công khai tài chính năm học", "School year's disclosure published"),
        s.disclosure_published() ? o.T("Rồi", "Yes") : o.T("Chưa", "No")}});
}

// `published`: `d` is the copy just published; otherwise the figures as
// they stand now, with when (if ever) the school last published.
void PrintDisclosure(const Output& o, const fv::FinancialDisclosure& d, bool published) {
  std::string state;
  if (published) {
    state = absl::StrCat(o.T("đã công khai lúc ", "published "), FormatTime(d.publish_time()));
  } else if (d.has_publish_time()) {
    state = absl::StrCat(
        o.T("số liệu hiện nay; công khai lần cuối lúc ", "figures as of now; last published "),
        FormatTime(d.publish_time()), o.T(" (công khai lại để cập nhật)", " (publish again to update)"));
  } else {
    state = o.T("số liệu hiện nay, CHƯA CÔNG KHAI", "figures as of now, NOT PUBLISHED");
  }
  o.Line(absl::StrCat(o.T("Công khai tài chính năm học ", "Financial disclosure, school year "),
                      d.school_year(), " — ", state));
  std::vector<std::vector<std::string>> fees;
  for (const fv::FeeItem& fee : d.fee_items()) {
    fees.push_back({fee.display_name(), AmountPerUnit(o, fee), fee.legal_basis()});
  }
  if (fees.empty()) {
    o.Line(o.T("Không có khoản thu nào.", "No fee items."));
  } else {
    o.Table({o.T("Khoản thu", "Fee"), o.T("Mức thu", "Amount"), o.T("Căn cứ", "Legal basis")}, fees);
  }
  auto amounts = [&](const char* vi, const char* en, const auto& list) {
    std::vector<std::vector<std::string>> rows;
    int64_t total = 0;
    for (const fv::CategoryAmount& a : list) {
      rows.push_back({a.display_name().empty() ? a.code() : a.display_name(), FormatDong(a.amount())});
      total += a.amount();
    }
    rows.push_back({o.T("Cộng", "Total"), FormatDong(total)});
    o.Table({o.T(vi, en), o.T("Số tiền", "Amount")}, rows);
  };
  amounts("Đã thu theo khoản", "Collected per fee", d.collected());
  amounts("Đã chi theo loại", "Spent per category", d.spent());
  o.Line(absl::StrCat(
      o.T("Tỷ lệ không dùng tiền mặt theo số tiền: thu ", "Cashless share by amount: collected "),
      Share(d.cashless_share_amount()), o.T(", chi ", ", spent "),
      Share(d.spending_cashless_share_amount())));
}

}  // namespace

void AddFinanceReportCommands(CLI::App& finance, App& app) {
  static struct { std::string school, from, to, year; } f;

  auto* summary = finance.add_subcommand(
      "summary", "Số liệu tài chính của kỳ: đã thu, tỷ lệ không dùng tiền mặt, còn phải thu (figures)");
  summary->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  summary->add_option("--from", f.from, "Ngày đầu kỳ (YYYY-MM-DD hoặc DD/MM/YYYY)")->required();
  summary->add_option("--to", f.to, "Ngày cuối kỳ, kể cả ngày này")->required();
  summary->callback([&app] {
    auto period = SchoolPeriodFlags(app, f.school, f.from, f.to);
    if (!period) return;
    fv::SummarizeFinanceRequest request;
    request.set_school(period->school);
    *request.mutable_period_start() = period->start;
    *request.mutable_period_end() = period->end;
    Session session = app.NewSession();
    fv::FinanceSummary s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->SummarizeFinance(c, request, &s); }))
      return;
    if (app.out.json) return app.out.Json(s);
    PrintSummary(app.out, s);
  });

  auto* disclosure = finance.add_subcommand(
      "disclosure", "Công khai tài chính theo năm học (Thông tư 09/2024/TT-BGDĐT): xem, công khai");
  disclosure->require_subcommand(1);
  auto* show = disclosure->add_subcommand(
      "show", "Xem công khai tài chính như số liệu hiện nay (và đã công khai chưa, lúc nào)");
  show->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  show->add_option("--year", f.year, "Năm học, ví dụ 2026-2027")->required();
  show->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::GetFinancialDisclosureRequest request;
    request.set_school(*school);
    request.set_school_year(f.year);
    Session session = app.NewSession();
    fv::FinancialDisclosure d;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->GetFinancialDisclosure(c, request, &d);
        }))
      return;
    if (app.out.json) return app.out.Json(d);
    PrintDisclosure(app.out, d, false);
  });

  auto* publish = disclosure->add_subcommand(
      "publish", "Công khai: ai cũng đọc được qua cổng công dân, không cần tài khoản (chạy lại để cập nhật)");
  publish->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  publish->add_option("--year", f.year, "Năm học, ví dụ 2026-2027")->required();
  publish->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::PublishFinancialDisclosureRequest request;
    request.set_school(*school);
    request.set_school_year(f.year);
    request.set_request_id(NewRequestId(app, "disclosure-publish"));
    Session session = app.NewSession();
    fv::FinancialDisclosure d;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->PublishFinancialDisclosure(c, request, &d);
        }))
      return;
    if (app.out.json) return app.out.Json(d);
    PrintDisclosure(app.out, d, true);
  });
}

}  // namespace parhub::cli
