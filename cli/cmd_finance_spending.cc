// parhubctl finance spending: the school's spending (khoản chi), each with
// its method (cash or cashless, which the cashless share of spending counts),
// purpose, payee and voucher number (số chứng từ); never edited, a mistake
// is reversed with a reason.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cli/finance_common.h"
#include "platform/core/date.h"

namespace parhub::cli {
namespace {

std::vector<std::string> SpendingHeader(const Output& o, bool file) {
  return {o.T("Mã khoản chi", "Id"),
          o.T("Ngày chi", "Date"),
          file ? o.T("Số tiền (đồng)", "Amount (dong)") : o.T("Số tiền", "Amount"),
          o.T("Hình thức", "Method"),
          o.T("Nội dung", "Purpose"),
          o.T("Người nhận", "Payee"),
          o.T("Số chứng từ", "Voucher"),
          o.T("Loại", "Category"),
          o.T("Trạng thái", "State")};
}

std::vector<std::string> SpendingRow(const Output& o, const fv::Expenditure& e, bool file) {
  return {IdOf(e.name()),
          FormatDate(e.spend_date()),
          Money(e.amount(), file),
          MethodLabel(o, e.method()),
          file ? e.purpose() : Shorten(e.purpose(), 36),
          file ? e.payee() : Shorten(e.payee(), 24),
          e.document_number(),
          e.category(),
          e.reversed() ? absl::StrCat(o.T("ĐÃ HỦY (ghi đảo): ", "REVERSED: "), e.reversal_reason())
                       : o.T("Đã ghi", "Recorded")};
}

}  // namespace

void AddFinanceSpendingCommands(CLI::App& finance, App& app) {
  static struct {
    std::string school, id, amount, method, purpose, payee, voucher, category, date, from, to, reason;
    bool all = false;
  } f;
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };
  auto* spending =
      finance.add_subcommand("spending", "Các khoản chi của trường: ghi, xem, ghi đảo (spending)");
  spending->require_subcommand(1);

  auto* add = spending->add_subcommand("add", "Ghi một khoản chi (không sửa được; ghi nhầm thì ghi đảo)");
  add_school(add);
  add->add_option("--amount", f.amount, "Số tiền (đồng)")->required();
  add->add_option("--method", f.method, kMethodWords)->required();
  add->add_option("--purpose", f.purpose, "Nội dung chi, ví dụ \"Mua thực phẩm bữa trưa tuần 1\"")
      ->required();
  add->add_option("--payee", f.payee, "Người hoặc đơn vị nhận tiền")->required();
  add->add_option("--voucher", f.voucher, "Số chứng từ (phiếu chi, ủy nhiệm chi), ví dụ PC-0125")->required();
  add->add_option("--category", f.category, "Loại chi, chữ thường không dấu (mặc định: khac), ví dụ an-uong");
  add->add_option("--date", f.date, "Ngày chi (mặc định: hôm nay)");
  add->callback([&app] {
    auto amount = AmountFlag(app, "--amount", f.amount);
    if (!amount) return;
    auto method = ParseMethod(f.method);
    if (!method || *method == fv::PAYMENT_METHOD_CREDIT)
      return app.Usage(absl::StrCat("--method: ", kMethodWords));
    common::v1::Date date;
    if (f.date.empty()) {
      const absl::CivilDay today = absl::ToCivilDay(absl::Now(), platform::VietnamTimeZone());
      date.set_year(static_cast<int>(today.year()));
      date.set_month(today.month());
      date.set_day(today.day());
    } else {
      auto parsed = ParseDateFlag(app, "--date", f.date);
      if (!parsed) return;
      date = *parsed;
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::CreateExpenditureRequest request;
    request.set_parent(*school);
    fv::Expenditure* e = request.mutable_expenditure();
    *e->mutable_spend_date() = date;
    e->set_amount(*amount);
    e->set_method(*method);
    e->set_purpose(f.purpose);
    e->set_payee(f.payee);
    e->set_document_number(f.voucher);
    e->set_category(f.category);
    request.set_request_id(NewRequestId(app, "spending-add"));
    Session session = app.NewSession();
    fv::Expenditure recorded;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->CreateExpenditure(c, request, &recorded);
        }))
      return;
    if (app.out.json) return app.out.Json(recorded);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã ghi khoản chi ", "Recorded spending "), IdOf(recorded.name()), "."));
    o.Table(SpendingHeader(o, false), {SpendingRow(o, recorded, false)});
  });

  auto* list = spending->add_subcommand("list", "Các khoản chi, mới nhất trước (--export để xuất)");
  add_school(list);
  list->add_option("--from", f.from, "Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY)");
  list->add_option("--to", f.to, "Đến ngày, kể cả ngày này");
  list->add_option("--category", f.category, "Chỉ loại chi này");
  list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 khoản)");
  AddExportOption(list, app);
  list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListExpendituresRequest request;
    request.set_parent(*school);
    request.set_category(f.category);
    auto from = [&](const common::v1::Date& d) { *request.mutable_start_date() = d; };
    auto to = [&](const common::v1::Date& d) { *request.mutable_end_date() = d; };
    if (!OptionalDateFlag(app, "--from", f.from, from) || !OptionalDateFlag(app, "--to", f.to, to)) return;
    const bool exporting = !app.export_path.empty();
    const bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListExpendituresResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListExpendituresRequest& r,
                fv::ListExpendituresResponse* p) { return stub->ListExpenditures(c, r, p); },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    int64_t spent = 0;
    for (const auto& e : all.expenditures()) {
      rows.push_back(SpendingRow(o, e, exporting));
      if (!e.reversed()) spent += e.amount();
    }
    if (Export(app, o.T("Khoản chi", "Spending"), SpendingHeader(o, true), rows, {2})) return;
    if (rows.empty()) return o.Line(o.T("Không có khoản chi nào.", "No spending."));
    o.Table(SpendingHeader(o, false), rows);
    if (all.next_page_token().empty()) {
      o.Line(absl::StrCat(o.T("Cộng đã chi (không tính khoản đã hủy): ", "Total spent (reversed left out): "),
                          FormatDong(spent)));
    }
    MorePagesHint(o, all.next_page_token());
  });

  auto* reverse =
      spending->add_subcommand("reverse", "Ghi đảo một khoản chi ghi nhầm (giữ lại, đánh dấu đã hủy)");
  reverse->add_option("id", f.id, "Mã khoản chi (cột đầu của 'finance spending list')")->required();
  add_school(reverse);
  reverse->add_option("--reason", f.reason, "Lý do ghi đảo")->required();
  reverse->callback([&app] {
    auto name = ChildName(app, f.school, "expenditures", f.id);
    if (!name) return;
    fv::ReverseExpenditureRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    request.set_request_id(NewRequestId(app, "spending-reverse"));
    Session session = app.NewSession();
    fv::Expenditure reversed;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->ReverseExpenditure(c, request, &reversed);
        }))
      return;
    if (app.out.json) return app.out.Json(reversed);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã ghi đảo khoản chi ", "Reversed spending "), IdOf(reversed.name()), "."));
    o.Table(SpendingHeader(o, false), {SpendingRow(o, reversed, false)});
  });
}

}  // namespace parhub::cli
