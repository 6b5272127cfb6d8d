// parhubctl finance statements / credits: the accountant's bank
// reconciliation. A statement exported from the bank (CSV or Excel .xlsx,
// read through a column mapping given as flags) is imported once however
// often the command runs (its request id is derived from the file); lines
// the service could not match are listed, matched to an invoice or ignored
// with a note; money a family paid beyond its invoices (payers' credits) is
// listed, applied to an invoice or paid back.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cli/finance_common.h"
#include "platform/core/crypto.h"

namespace parhub::cli {
namespace {

std::string MatchStateLabel(const Output& o, fv::MatchState state) {
  switch (state) {
    case fv::MATCH_STATE_MATCHED:
      return o.T("Đã khớp", "Matched");
    case fv::MATCH_STATE_UNMATCHED:
      return o.T("CHỜ XỬ LÝ", "UNMATCHED");
    case fv::MATCH_STATE_IGNORED:
      return o.T("Bỏ qua", "Ignored");
    default:
      return "?";
  }
}

std::string UnmatchedReasonLabel(const Output& o, fv::UnmatchedReason reason) {
  switch (reason) {
    case fv::UNMATCHED_REASON_NO_REFERENCE:
      return o.T("không có mã thanh toán", "no payment reference");
    case fv::UNMATCHED_REASON_UNKNOWN_REFERENCE:
      return o.T("mã thanh toán không có trong trường", "unknown payment reference");
    case fv::UNMATCHED_REASON_INVOICE_CLOSED:
      return o.T("hóa đơn đã nộp đủ hoặc đã hủy", "invoice paid or cancelled");
    case fv::UNMATCHED_REASON_DEBIT:
      return o.T("tiền ra", "money out");
    default:
      return "";
  }
}

std::optional<fv::MatchState> ParseMatchState(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "cho-xu-ly" || t == "unmatched") return fv::MATCH_STATE_UNMATCHED;
  if (t == "da-khop" || t == "matched") return fv::MATCH_STATE_MATCHED;
  if (t == "bo-qua" || t == "ignored") return fv::MATCH_STATE_IGNORED;
  return std::nullopt;
}
constexpr const char* kMatchStateWords = "cho-xu-ly | da-khop | bo-qua";

std::optional<fv::StatementFormat> ParseFormat(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "parhub" || t == "generic") return fv::STATEMENT_FORMAT_GENERIC_CSV;
  if (t == "csv") return fv::STATEMENT_FORMAT_MAPPED_CSV;
  if (t == "xlsx") return fv::STATEMENT_FORMAT_MAPPED_XLSX;
  return std::nullopt;
}
constexpr const char* kFormatWords = "parhub | csv | xlsx";

std::vector<std::string> LineHeader(const Output& o, bool file) {
  return {o.T("Mã dòng", "Line id"),
          o.T("Mã giao dịch", "Transaction"),
          o.T("Thời điểm", "Booked"),
          file ? o.T("Số tiền (đồng)", "Amount (dong)") : o.T("Số tiền", "Amount"),
          o.T("Nội dung", "Description"),
          o.T("Trạng thái", "State"),
          o.T("Lý do / ghi chú", "Reason / note")};
}

std::vector<std::string> LineRow(const Output& o, const fv::BankStatementLine& l, bool file) {
  std::string why = l.match_state() == fv::MATCH_STATE_UNMATCHED
                        ? UnmatchedReasonLabel(o, l.unmatched_reason())
                        : l.resolution_note();
  if (!l.detected_reference().empty() && l.match_state() == fv::MATCH_STATE_UNMATCHED) {
    absl::StrAppend(&why, " (", l.detected_reference(), ")");
  }
  return {IdOf(l.name()),
          l.bank_transaction_id(),
          FormatTime(l.booking_time()),
          Money(l.amount(), file),
          file ? l.description() : Shorten(l.description(), 40),
          MatchStateLabel(o, l.match_state()),
          why};
}

std::vector<std::string> CreditHeader(const Output& o, bool file) {
  return {o.T("Mã khoản", "Credit id"),
          o.T("Học sinh", "Pupil"),
          file ? o.T("Số tiền (đồng)", "Amount (dong)") : o.T("Số tiền", "Amount"),
          file ? o.T("Còn lại (đồng)", "Left (dong)") : o.T("Còn lại", "Left"),
          o.T("Từ ngày", "Since"),
          o.T("Trạng thái", "State")};
}

std::vector<std::string> CreditRow(const Output& o, const PupilIndex& pupils, const fv::PayerCredit& c,
                                   bool file) {
  return {IdOf(c.name()),
          PupilText(pupils, c.pupil()),
          Money(c.amount(), file),
          Money(c.remaining(), file),
          FormatTime(c.create_time()),
          c.state() == fv::CREDIT_STATE_OPEN ? o.T("Còn tiền", "Open") : o.T("Đã dùng hết", "Used")};
}

void PrintLineResult(const Output& o, const fv::BankStatementLine& line) {
  o.Table(LineHeader(o, false), {LineRow(o, line, false)});
  if (line.payments_size() > 0) {
    o.Line(absl::StrCat(o.T("Khoản nộp đã ghi: ", "Payments recorded: "), line.payments_size()));
  }
  if (line.credited_amount() > 0) {
    o.Line(absl::StrCat(o.T("Giữ làm tiền thừa của phụ huynh: ", "Held as the family's credit: "),
                        FormatDong(line.credited_amount()), " (", IdOf(line.payer_credit()), ")"));
  }
}

}  // namespace

void AddFinanceBankCommands(CLI::App& finance, App& app) {
  static struct {
    std::string school, file, format = "parhub", id, invoice, note, state, from, to, pupil, amount;
    std::string col_id, col_time, col_amount, col_credit, col_debit, col_description, col_payer, col_account;
    std::string date_order, transaction, time, description, payer, account;
    int header_row = 0;
    bool skip_invalid = false, all = false, include_used = false, money_out = false;
  } f;
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };

  // === statements ===============================================================
  auto* statements =
      finance.add_subcommand("statements", "Sao kê ngân hàng: nhập, đối chiếu, xử lý dòng chưa khớp (bank)");
  statements->require_subcommand(1);

  auto* import = statements->add_subcommand(
      "import", "Nhập sao kê (CSV hoặc Excel .xlsx); nhập lại cùng tệp không ghi lần hai");
  import->add_option("file", f.file, "Tệp sao kê, hoặc - để đọc từ đầu vào chuẩn")->required();
  add_school(import);
  import->add_option("--format", f.format,
                     "parhub (mẫu CSV của parhub, mặc định) | csv | xlsx (tệp của ngân hàng, khai báo cột)");
  import->add_option("--col-id", f.col_id, "Tiêu đề cột mã giao dịch, ví dụ \"Số CT\"");
  import->add_option("--col-time", f.col_time, "Tiêu đề cột ngày giao dịch");
  import->add_option("--col-amount", f.col_amount, "Tiêu đề cột số tiền có dấu (+ vào, - ra)");
  import->add_option("--col-credit", f.col_credit, "Tiêu đề cột ghi có (tiền vào), thay cho --col-amount");
  import->add_option("--col-debit", f.col_debit, "Tiêu đề cột ghi nợ (tiền ra), thay cho --col-amount");
  import->add_option("--col-description", f.col_description, "Tiêu đề cột nội dung chuyển khoản");
  import->add_option("--col-payer", f.col_payer, "Tiêu đề cột tên người chuyển (không bắt buộc)");
  import->add_option("--col-account", f.col_account,
                     "Tiêu đề cột số tài khoản người chuyển (không bắt buộc)");
  import->add_option("--header-row", f.header_row, "Dòng tiêu đề (mặc định 1)")->check(CLI::Range(1, 100));
  import->add_option("--date-order", f.date_order, "dmy (ngày/tháng/năm, mặc định) | ymd");
  import->add_flag("--skip-invalid", f.skip_invalid, "Vẫn nhận các dòng hợp lệ khi có dòng lỗi");
  import->callback([&app] {
    auto format = ParseFormat(f.format);
  if (!format) return app.Usage(absl::StrCat("--format: ", kFormatWords));
  const bool mapped = *format != fv::STATEMENT_FORMAT_GENERIC_CSV;
  if (mapped && (f.col_id.empty() || f.col_time.empty() || f.col_description.empty() ||
                 (f.col_amount.empty() && (f.col_credit.empty() || f.col_debit.empty())))) {
    return app.Usage(app.out.T(
        "--format csv|xlsx cần --col-id, --col-time, --col-description và --col-amount (hoặc --col-credit "
        "với --col-debit)",
        "--format csv|xlsx needs --col-id, --col-time, --col-description and --col-amount (or --col-credit "
        "with --col-debit)"));
  }
  if (!mapped && (!f.col_id.empty() || !f.col_time.empty() || f.header_row != 0)) {
    return app.Usage(app.out.T("Các cột chỉ khai báo với --format csv hoặc xlsx",
                               "Columns are given only with --format csv or xlsx"));
  }
  auto school = app.SchoolName(f.school);
  if (!school) return;
  auto content = ReadFileFlag(app, f.file);
  if (!content) return;
  fv::ImportBankStatementRequest request;
  request.set_parent(*school);
  request.set_format(*format);
  request.set_content(*content);
  request.set_skip_invalid_lines(f.skip_invalid);
  if (mapped) {
    fv::StatementColumnMapping* m = request.mutable_column_mapping();
    m->set_transaction_id(f.col_id);
    m->set_booking_time(f.col_time);
    m->set_amount(f.col_amount);
    m->set_credit(f.col_credit);
    m->set_debit(f.col_debit);
    m->set_description(f.col_description);
    m->set_counterparty_name(f.col_payer);
    m->set_counterparty_account(f.col_account);
    m->set_date_order(f.date_order);
    m->set_header_line(f.header_row);
  }
  // The same file into the same school is the same import: running the
  // command again (after a timeout, say) returns the first result.
  request.set_request_id(app.RequestId(absl::StrCat(
      "cli-finance-statement-",
      platform::Sha256Hex(absl::StrCat(*school, "\n", f.format, "\n", f.skip_invalid, "\n",
                                       request.column_mapping().SerializeAsString(), "\n", *content))
          .substr(0, 32))));
  Session session = app.NewSession();
  fv::BankStatementImport result;
  if (!Call(app, session, [&](grpc::ClientContext* c) {
        return StubOf(session)->ImportBankStatement(c, request, &result);
      }))
    return;
  if (app.out.json) return app.out.Json(result);
  const Output& o = app.out;
  o.Line(absl::StrCat(o.T("Đã đọc ", "Read "), result.line_count(), o.T(" dòng: ", " lines: "),
                      result.matched_count(), o.T(" khớp tự động, ", " matched, "), result.unmatched_count(),
                      o.T(" chờ xử lý, ", " unmatched, "), result.duplicate_count(),
                      o.T(" đã nhập trước đây, ", " imported before, "), result.errors_size(),
                      o.T(" lỗi.", " with errors.")));
  if (result.errors_size() > 0) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : result.errors()) rows.push_back({absl::StrCat(e.line()), e.column(), e.message()});
    o.Table({o.T("Dòng", "Line"), o.T("Cột", "Column"), o.T("Lỗi", "Error")}, rows);
    if (!f.skip_invalid && result.matched_count() + result.unmatched_count() == 0) {
      o.Line(o.T("Chưa ghi dòng nào. Sửa tệp rồi nhập lại, hoặc thêm --skip-invalid để nhận các dòng hợp lệ.",
                 "Nothing was recorded. Fix the file and import it again, or add --skip-invalid to take the "
                 "valid lines."));
    }
  }
  if (result.unmatched_count() > 0) {
    o.Line(o.T("Xem các dòng chờ xử lý: parhubctl finance statements list --state cho-xu-ly",
               "See the unmatched lines: parhubctl finance statements list --state unmatched"));
  }
});

auto* add = statements->add_subcommand("add",
                                       "Ghi một giao dịch (ví dụ từ tin báo số dư) và đối chiếu ngay; ghi "
                                       "lại cùng mã giao dịch không ghi hai lần");
add_school(add);
add->add_option("--transaction", f.transaction, "Mã giao dịch của ngân hàng (số bút toán, FT…)")->required();
add->add_option("--time", f.time,
                "Thời điểm giao dịch, giờ Việt Nam: \"2026-09-15 08:30\" hoặc \"15/09/2026 08:30\"")
    ->required();
add->add_option("--amount", f.amount, "Số tiền (đồng), ví dụ 1.250.000")->required();
add->add_option("--description", f.description, "Nội dung chuyển khoản như ngân hàng ghi")->required();
add->add_option("--payer", f.payer, "Tên người chuyển (không bắt buộc)");
add->add_option("--account", f.account, "Số tài khoản người chuyển (không bắt buộc)");
add->add_flag("--money-out", f.money_out, "Tiền ra khỏi tài khoản (không phải khoản thu)");
add->callback([&app] {
  auto amount = AmountFlag(app, "--amount", f.amount);
  if (!amount) return;
  auto time = TimeFlag(app, "--time", f.time);
  if (!time) return;
  auto school = app.SchoolName(f.school);
  if (!school) return;
  fv::ImportBankStatementLineRequest request;
  request.set_parent(*school);
  fv::BankStatementLine* line = request.mutable_line();
  line->set_bank_transaction_id(f.transaction);
  *line->mutable_booking_time() = *time;
  line->set_amount(f.money_out ? -*amount : *amount);
  line->set_description(f.description);
  line->set_counterparty_name(f.payer);
  line->set_counterparty_account(f.account);
  // One bank transaction is one request: running the command again returns
  // the line as first recorded.
  request.set_request_id(app.RequestId(absl::StrCat(
      "cli-finance-line-",
      platform::Sha256Hex(absl::StrCat(*school, "\n", request.line().SerializeAsString())).substr(0, 32))));
  Session session = app.NewSession();
  fv::BankStatementLine recorded;
  if (!Call(app, session, [&](grpc::ClientContext* c) {
        return StubOf(session)->ImportBankStatementLine(c, request, &recorded);
      }))
    return;
  if (app.out.json) return app.out.Json(recorded);
  PrintLineResult(app.out, recorded);
});

auto* list = statements->add_subcommand("list", "Các dòng sao kê đã nhập, theo ngày (--export để xuất)");
add_school(list);
list->add_option("--state", f.state, kMatchStateWords);
list->add_option("--from", f.from, "Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY)");
list->add_option("--to", f.to, "Đến ngày, kể cả ngày này");
list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 dòng)");
AddExportOption(list, app);
list->callback([&app] {
  auto school = app.SchoolName(f.school);
  if (!school) return;
  fv::ListBankStatementLinesRequest request;
  request.set_parent(*school);
  if (!f.state.empty()) {
    auto state = ParseMatchState(f.state);
    if (!state) return app.Usage(absl::StrCat("--state: ", kMatchStateWords));
    request.add_match_states(*state);
  }
  google::protobuf::Timestamp start, end;
  if (!DayRangeFlags(app, f.from, f.to, &start, &end)) return;
  if (!f.from.empty()) *request.mutable_start_time() = start;
  if (!f.to.empty()) *request.mutable_end_time() = end;
  const bool exporting = !app.export_path.empty();
  const bool every_page = f.all || exporting;
  request.set_page_size(every_page ? 1000 : 100);
  Session session = app.NewSession();
  auto stub = StubOf(session);
  fv::ListBankStatementLinesResponse all;
  if (!Collect(
          app, session, request, every_page,
          [&](grpc::ClientContext* c, const fv::ListBankStatementLinesRequest& r,
              fv::ListBankStatementLinesResponse* p) { return stub->ListBankStatementLines(c, r, p); },
          &all))
    return;
  if (app.out.json && !exporting) return app.out.Json(all);
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : all.lines()) rows.push_back(LineRow(o, l, exporting));
  if (Export(app, o.T("Sao kê", "Statement"), LineHeader(o, true), rows, {3})) return;
  if (rows.empty()) return o.Line(o.T("Không có dòng nào.", "No lines."));
  o.Table(LineHeader(o, false), rows);
  MorePagesHint(o, all.next_page_token());
});

auto* match = statements->add_subcommand(
    "match", "Khớp một dòng chờ xử lý với hóa đơn (phần thừa thành tiền thừa của phụ huynh)");
match->add_option("line", f.id, "Mã dòng (cột đầu của 'finance statements list')")->required();
add_school(match);
match->add_option("--invoice", f.invoice, "Hóa đơn: mã hóa đơn hoặc mã thanh toán")->required();
match->add_option("--note", f.note, "Căn cứ khớp, ví dụ \"Phụ huynh gọi điện xác nhận\"")->required();
match->callback([&app] {
  auto name = ChildName(app, f.school, "statementLines", f.id);
  if (!name) return;
  Session session = app.NewSession();
  auto invoice = ResolveInvoice(app, session, f.school, f.invoice);
  if (!invoice) return;
  fv::MatchBankStatementLineRequest request;
  request.set_name(*name);
  request.set_invoice(*invoice);
  request.set_note(f.note);
  request.set_request_id(NewRequestId(app, "statements-match"));
  fv::BankStatementLine line;
  if (!Call(app, session, [&](grpc::ClientContext* c) {
        return StubOf(session)->MatchBankStatementLine(c, request, &line);
      }))
    return;
  if (app.out.json) return app.out.Json(line);
  app.out.Line(app.out.T("Đã khớp dòng sao kê.", "The statement line is matched."));
  PrintLineResult(app.out, line);
});

auto* ignore = statements->add_subcommand(
    "ignore", "Bỏ qua một dòng chờ xử lý (không phải tiền thu của học sinh), ghi rõ lý do");
ignore->add_option("line", f.id, "Mã dòng (cột đầu của 'finance statements list')")->required();
add_school(ignore);
ignore->add_option("--note", f.note, "Lý do, ví dụ \"Lãi tiền gửi tháng 9\"")->required();
ignore->callback([&app] {
  auto name = ChildName(app, f.school, "statementLines", f.id);
  if (!name) return;
  fv::IgnoreBankStatementLineRequest request;
  request.set_name(*name);
  request.set_note(f.note);
  request.set_request_id(NewRequestId(app, "statements-ignore"));
  Session session = app.NewSession();
  fv::BankStatementLine line;
  if (!Call(app, session, [&](grpc::ClientContext* c) {
        return StubOf(session)->IgnoreBankStatementLine(c, request, &line);
      }))
    return;
  if (app.out.json) return app.out.Json(line);
  app.out.Line(app.out.T("Đã bỏ qua dòng sao kê.", "The statement line is ignored."));
  PrintLineResult(app.out, line);
});

// === credits ==================================================================
auto* credits = finance.add_subcommand("credits", "Tiền thừa của phụ huynh: xem, trừ vào hóa đơn, trả lại");
credits->require_subcommand(1);

auto* credits_list =
    credits->add_subcommand("list", "Các khoản tiền thừa còn tiền (--all-states: cả đã dùng)");
add_school(credits_list);
credits_list->add_option("--pupil", f.pupil, "Chỉ học sinh này (mã học sinh)");
credits_list->add_flag("--all-states", f.include_used, "Cả các khoản đã dùng hết");
AddExportOption(credits_list, app);
credits_list->callback([&app] {
  auto school = app.SchoolName(f.school);
  if (!school) return;
  fv::ListPayerCreditsRequest request;
  request.set_parent(*school);
  request.set_include_used(f.include_used);
  if (!f.pupil.empty()) {
    auto pupil = ChildName(app, f.school, "pupils", f.pupil);
    if (!pupil) return;
    request.set_pupil(*pupil);
  }
  request.set_page_size(1000);
  Session session = app.NewSession();
  auto stub = StubOf(session);
  fv::ListPayerCreditsResponse all;
  if (!Collect(
          app, session, request, true,
          [&](grpc::ClientContext* c, const fv::ListPayerCreditsRequest& r, fv::ListPayerCreditsResponse* p) {
            return stub->ListPayerCredits(c, r, p);
          },
          &all))
    return;
  const bool exporting = !app.export_path.empty();
  if (app.out.json && !exporting) return app.out.Json(all);
  const Output& o = app.out;
  PupilIndex pupils = ReadPupils(session, *school);
  std::vector<std::vector<std::string>> rows;
  int64_t left = 0;
  for (const auto& c : all.payer_credits()) {
    rows.push_back(CreditRow(o, pupils, c, exporting));
    left += c.remaining();
  }
  if (Export(app, o.T("Tiền thừa", "Credits"), CreditHeader(o, true), rows, {2, 3})) return;
  if (rows.empty()) return o.Line(o.T("Không có khoản tiền thừa nào.", "No credits."));
  o.Table(CreditHeader(o, false), rows);
  o.Line(absl::StrCat(o.T("Cộng còn lại: ", "Left in total: "), FormatDong(left)));
});

auto* apply =
    credits->add_subcommand("apply", "Trừ tiền thừa vào một hóa đơn của cùng học sinh (có biên lai)");
apply->add_option("credit", f.id, "Mã khoản tiền thừa (cột đầu của 'finance credits list')")->required();
add_school(apply);
apply->add_option("--invoice", f.invoice, "Hóa đơn: mã hóa đơn hoặc mã thanh toán")->required();
apply->callback([&app] {
  auto name = ChildName(app, f.school, "payerCredits", f.id);
  if (!name) return;
  Session session = app.NewSession();
  auto invoice = ResolveInvoice(app, session, f.school, f.invoice);
  if (!invoice) return;
  fv::ApplyPayerCreditRequest request;
  request.set_name(*name);
  request.set_invoice(*invoice);
  request.set_request_id(NewRequestId(app, "credits-apply"));
  fv::PayerCredit credit;
  if (!Call(app, session,
            [&](grpc::ClientContext* c) { return StubOf(session)->ApplyPayerCredit(c, request, &credit); }))
    return;
  if (app.out.json) return app.out.Json(credit);
  const Output& o = app.out;
  o.Line(absl::StrCat(o.T("Đã trừ tiền thừa vào hóa đơn ", "Applied the credit to invoice "), IdOf(*invoice),
                      o.T("; còn lại ", "; left "), FormatDong(credit.remaining()), "."));
});

auto* refund = credits->add_subcommand("refund", "Ghi nhận đã trả lại tiền thừa cho phụ huynh");
refund->add_option("credit", f.id, "Mã khoản tiền thừa")->required();
add_school(refund);
refund->add_option("--amount", f.amount, "Số tiền trả lại (đồng)")->required();
refund->add_option("--note", f.note, "Đã trả thế nào, ví dụ \"Chuyển khoản trả ngày 20/9\"")->required();
refund->callback([&app] {
  auto amount = AmountFlag(app, "--amount", f.amount);
  if (!amount) return;
  auto name = ChildName(app, f.school, "payerCredits", f.id);
  if (!name) return;
  fv::RefundPayerCreditRequest request;
  request.set_name(*name);
  request.set_amount(*amount);
  request.set_note(f.note);
  request.set_request_id(NewRequestId(app, "credits-refund"));
  Session session = app.NewSession();
  fv::PayerCredit credit;
  if (!Call(app, session,
            [&](grpc::ClientContext* c) { return StubOf(session)->RefundPayerCredit(c, request, &credit); }))
    return;
  if (app.out.json) return app.out.Json(credit);
  const Output& o = app.out;
  o.Line(absl::StrCat(o.T("Đã ghi trả lại ", "Recorded refund of "), FormatDong(*amount),
                      o.T("; còn lại ", "; left "), FormatDong(credit.remaining()), "."));
});
}  // namespace parhub::cli

}  // namespace parhub::cli
