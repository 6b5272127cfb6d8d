// The bank statement against the invoices (reconciler.h).
#include "services/finance/domain/reconciler.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/finance/domain/transfer_allocation.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;
using ::parhub::platform::WithReason;

constexpr size_t kMaxLinesReturned = 1000;
// A transfer becomes a payment at its booking time, which the cashier takes
// only within these bounds (cashier.cc).
constexpr absl::Duration kBookedAhead = absl::Minutes(5);
constexpr absl::Duration kBookedBefore = absl::Hours(24 * 400);

absl::Status CheckBookingTime(absl::Time booked, absl::Time now, absl::string_view field) {
  if (booked > now + kBookedAhead) {
    return platform::InvalidField(field, "thời điểm giao dịch ở tương lai (booked in the future)");
  }
  if (booked < now - kBookedBefore) {
    return platform::InvalidField(
        field, "giao dịch quá 400 ngày trước, hãy ghi nhận bằng tay (booked over 400 days ago)");
  }
  return absl::OkStatus();
}

StatementLine NewLine(const std::string& school_id, const StatementEntry& entry, absl::Time now) {
  StatementLine line;
  line.school_id = school_id;
  line.line_id = platform::RandomId();
  line.bank_transaction_id = entry.transaction_id;
  line.booking_time = entry.booking_time;
  line.amount = entry.amount;
  line.description = entry.description;
  line.counterparty_name = entry.counterparty_name;
  line.counterparty_account = entry.counterparty_account;
  line.create_time = now;
  return line;
}

OpenInvoice AsOpen(const Invoice& i) {
  return {.invoice_id = i.invoice_id,
          .payment_reference = i.payment_reference,
          .issue_date = platform::LocalDate(i.create_time),
          .balance = i.balance()};
}

absl::Status LineResolved() {
  return WithReason(absl::FailedPreconditionError(
                        "Dòng sao kê đã được đối chiếu hoặc bỏ qua (line already matched or ignored)"),
                    "LINE_RESOLVED");
}

}  // namespace

absl::Status Reconciler::ExplainUnmatched(const std::string& school_id, const FinanceSettings& settings,
                                          StatementLine& line) {
  line.match_state = MatchState::kUnmatched;
  line.unmatched_reason = UnmatchedReason::kNoReference;
  // Something shaped like one of our references: "HP" + yymm + prefix + 5.
  const std::string text = NormalizeForMatching(line.description);
  const std::string prefix = NormalizeForMatching(settings.reference_prefix);
  const size_t length = 2 + 4 + prefix.size() + 5;
  if (prefix.empty()) return absl::OkStatus();
  for (size_t at = text.find("HP"); at != std::string::npos && at + length <= text.size();
       at = text.find("HP", at + 1)) {
    const std::string token = text.substr(at, length);
    if (!std::all_of(token.begin() + 2, token.begin() + 6,
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }) ||
        token.compare(6, prefix.size(), prefix) != 0) {
      continue;
    }
    line.detected_reference = token;
    ASSIGN_OR_RETURN(std::optional<Invoice> invoice,
                     store_.FindInvoiceByReference(school_id, token, Lock::kNone));
    line.unmatched_reason =
        invoice.has_value() ? UnmatchedReason::kInvoiceClosed : UnmatchedReason::kUnknownReference;
    return absl::OkStatus();
  }
  return absl::OkStatus();
}

absl::Status Reconciler::Settle(const std::string& school_id, StatementLine& line,
                                const std::vector<Allocation>& allocations, int64_t credit,
                                const std::string& pupil_id, const std::string& actor) {
  for (const Allocation& a : allocations) {
    ASSIGN_OR_RETURN(RecordedPayment paid, cashier_.Record(school_id,
                                                           {.invoice_id = a.invoice_id,
                                                            .amount = a.amount,
                                                            .method = PaymentMethod::kBankTransfer,
                                                            .paid_time = line.booking_time,
                                                            .payer_name = line.counterparty_name,
                                                            .bank_transaction_id = line.bank_transaction_id,
                                                            .statement_line_id = line.line_id},
                                                           actor));
    line.payment_ids.push_back(paid.payment.payment_id);
    if (line.invoice_id.empty()) line.invoice_id = a.invoice_id;
  }
  if (credit > 0) {
    ASSIGN_OR_RETURN(PayerCredit held, credits_.Hold(school_id, pupil_id, credit, line));
    line.credited_amount = credit;
    line.credit_id = held.credit_id;
  }
  line.match_state = MatchState::kMatched;
  line.unmatched_reason = UnmatchedReason::kUnspecified;
  return absl::OkStatus();
}

absl::StatusOr<StatementLine> Reconciler::Record(const std::string& school_id, const StatementEntry& entry,
                                                 const ReferenceIndex& index, const FinanceSettings& settings,
                                                 const std::string& actor) {
  StatementLine line = NewLine(school_id, entry, clock_());
  if (line.amount < 0) {
    line.unmatched_reason = UnmatchedReason::kDebit;
    RETURN_IF_ERROR(store_.InsertStatementLine(line));
    return line;
  }
  std::vector<std::string> named = index.Find(line.description);
  std::vector<OpenInvoice> open;
  std::string pupil_id;
  for (const std::string& reference : named) {
    ASSIGN_OR_RETURN(std::optional<Invoice> invoice,
                     store_.FindInvoiceByReference(school_id, reference, Lock::kForUpdate));
    if (!invoice.has_value() || !invoice->open()) continue;
    if (pupil_id.empty()) pupil_id = invoice->pupil_id;
    open.push_back(AsOpen(*invoice));
  }
  if (open.empty()) {
    if (!named.empty()) {
      line.detected_reference = named.front();
      line.unmatched_reason = UnmatchedReason::kInvoiceClosed;
    } else {
      RETURN_IF_ERROR(ExplainUnmatched(school_id, settings, line));
    }
    RETURN_IF_ERROR(store_.InsertStatementLine(line));
    return line;
  }
  line.detected_reference = named.front();
  ASSIGN_OR_RETURN(AllocatedTransfer allocated, AllocateTransfer(line.amount, named, open));
  // Settled first and inserted once (a repeated transaction still fails the
  // insert and rolls the payments back with it).
  RETURN_IF_ERROR(Settle(school_id, line, allocated.allocations, allocated.credit, pupil_id, actor));
  RETURN_IF_ERROR(store_.InsertStatementLine(line));
  return line;
}

absl::StatusOr<StatementImport> Reconciler::Import(const std::string& school_id, absl::string_view content,
                                                   const ColumnMapping& mapping, bool skip_invalid_lines,
                                                   const std::string& actor) {
  ASSIGN_OR_RETURN(ParsedStatement parsed, ParseStatement(content, mapping));
  StatementImport result;
  result.time = clock_();
  result.line_count = static_cast<int>(parsed.entries.size() + parsed.errors.size());
  result.errors = std::move(parsed.errors);
  std::vector<StatementEntry> in_range;
  for (StatementEntry& e : parsed.entries) {
    if (absl::Status ok = CheckBookingTime(e.booking_time, result.time, "booking_time"); !ok.ok()) {
      result.errors.push_back(platform::RowErrorOf(e.line, ok));
    } else {
      in_range.push_back(std::move(e));
    }
  }
  parsed.entries = std::move(in_range);
  std::sort(result.errors.begin(), result.errors.end(),
            [](const platform::RowError& a, const platform::RowError& b) { return a.row < b.row; });
  if (!result.errors.empty() && !skip_invalid_lines) return result;  // nothing recorded
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    std::vector<std::string> ids;
    ids.reserve(parsed.entries.size());
    for (const StatementEntry& e : parsed.entries) ids.push_back(e.transaction_id);
    ASSIGN_OR_RETURN(std::vector<std::string> recorded, store_.RecordedTransactions(school_id, ids));
    const std::set<std::string> already(recorded.begin(), recorded.end());
    ASSIGN_OR_RETURN(FinanceSettings settings, invoices_.Settings(school_id));
    ASSIGN_OR_RETURN(std::vector<std::string> references, store_.OpenReferences(school_id));
    const ReferenceIndex index(references);
    for (const StatementEntry& entry : parsed.entries) {
      if (already.contains(entry.transaction_id)) {
        ++result.duplicates;
        continue;
      }
      ASSIGN_OR_RETURN(StatementLine line, Record(school_id, entry, index, settings, actor));
      ++(line.match_state == MatchState::kMatched ? result.matched : result.unmatched);
      if (result.new_lines.size() < kMaxLinesReturned) result.new_lines.push_back(std::move(line));
    }
    return absl::OkStatus();
  }));
  result.applied = true;
  return result;
}

absl::StatusOr<StatementLine> Reconciler::ImportLine(const std::string& school_id,
                                                     const StatementEntry& entry, const std::string& actor) {
  RETURN_IF_ERROR(CheckStatementEntry(entry, "line."));
  RETURN_IF_ERROR(CheckBookingTime(entry.booking_time, clock_(), "line.booking_time"));
  return store_.Atomically<StatementLine>([&]() -> absl::StatusOr<StatementLine> {
    ASSIGN_OR_RETURN(std::optional<StatementLine> earlier,
                     store_.FindStatementLine(school_id, entry.transaction_id));
    if (earlier.has_value()) return *std::move(earlier);
    ASSIGN_OR_RETURN(FinanceSettings settings, invoices_.Settings(school_id));
    ASSIGN_OR_RETURN(std::vector<std::string> references, store_.OpenReferences(school_id));
    return Record(school_id, entry, ReferenceIndex(references), settings, actor);
  });
}

absl::StatusOr<StatementLine> Reconciler::Match(const std::string& school_id, const std::string& line_id,
                                                const std::string& invoice_id, const std::string& note,
                                                const std::string& actor) {
  RETURN_IF_ERROR(platform::ValidateId(line_id, "name"));
  RETURN_IF_ERROR(platform::ValidateId(invoice_id, "invoice"));
  ASSIGN_OR_RETURN(std::string why,
                   platform::CleanText(note, "note", 500, true, platform::TextLines::kSingle));
  return store_.Atomically<StatementLine>([&]() -> absl::StatusOr<StatementLine> {
    ASSIGN_OR_RETURN(StatementLine line, store_.GetStatementLine(school_id, line_id, Lock::kForUpdate));
    if (line.match_state != MatchState::kUnmatched) return LineResolved();
    if (line.amount < 0) {
      return WithReason(
          absl::FailedPreconditionError(
              "Dòng ghi nợ (tiền ra) không đối chiếu với hóa đơn; hãy bỏ qua kèm lý do (a debit line)"),
          "DEBIT_LINE");
    }
    absl::StatusOr<Invoice> invoice = store_.GetInvoice(school_id, invoice_id, Lock::kForUpdate);
    if (absl::IsNotFound(invoice.status())) {
      return InvalidField("invoice", "không có hóa đơn này trong trường (unknown invoice)");
    }
    RETURN_IF_ERROR(invoice.status());
    if (!invoice->open()) {
      return WithReason(absl::FailedPreconditionError("Hóa đơn không còn phải nộp (invoice closed)"),
                        "INVOICE_CLOSED");
    }
    std::vector<Allocation> allocations = {{invoice->invoice_id, std::min(line.amount, invoice->balance())}};
    int64_t credit = 0;
    if (const int64_t rest = line.amount - allocations[0].amount; rest > 0) {
      ASSIGN_OR_RETURN(std::vector<Invoice> siblings, store_.OpenInvoicesOf(school_id, invoice->pupil_id));
      std::vector<OpenInvoice> open;
      for (const Invoice& i : siblings) {
        if (i.invoice_id != invoice->invoice_id) open.push_back(AsOpen(i));
      }
      ASSIGN_OR_RETURN(AllocatedTransfer more, AllocateTransfer(rest, {}, std::move(open)));
      allocations.insert(allocations.end(), more.allocations.begin(), more.allocations.end());
      credit = more.credit;
    }
    RETURN_IF_ERROR(Settle(school_id, line, allocations, credit, invoice->pupil_id, actor));
    line.resolved_by = actor;
    line.resolution_note = why;
    RETURN_IF_ERROR(store_.UpdateStatementLine(line));
    return line;
  });
}

absl::StatusOr<StatementLine> Reconciler::Ignore(const std::string& school_id, const std::string& line_id,
                                                 const std::string& note, const std::string& actor) {
  RETURN_IF_ERROR(platform::ValidateId(line_id, "name"));
  ASSIGN_OR_RETURN(std::string why,
                   platform::CleanText(note, "note", 500, true, platform::TextLines::kSingle));
  return store_.Atomically<StatementLine>([&]() -> absl::StatusOr<StatementLine> {
    ASSIGN_OR_RETURN(StatementLine line, store_.GetStatementLine(school_id, line_id, Lock::kForUpdate));
    if (line.match_state != MatchState::kUnmatched) return LineResolved();
    line.match_state = MatchState::kIgnored;
    line.resolved_by = actor;
    line.resolution_note = why;
    RETURN_IF_ERROR(store_.UpdateStatementLine(line));
    return line;
  });
}

absl::StatusOr<StatementLine> Reconciler::Get(const std::string& school_id, const std::string& line_id) {
  RETURN_IF_ERROR(platform::ValidateId(line_id, "name"));
  return store_.GetStatementLine(school_id, line_id, Lock::kNone);
}

absl::StatusOr<platform::Page<StatementLine>> Reconciler::List(const std::string& school_id,
                                                               const std::vector<MatchState>& states,
                                                               std::optional<absl::Time> start,
                                                               std::optional<absl::Time> end,
                                                               const platform::PageRequest& page) {
  std::optional<std::pair<absl::Time, std::string>> after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(page.after));
    after.emplace(absl::FromUnixMicros(key.number), key.id);
  }
  ASSIGN_OR_RETURN(std::vector<StatementLine> fetched,
                   store_.ListStatementLines(school_id, states, start, end, after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const StatementLine& l) {
    return platform::EncodeNumberedKey(absl::ToUnixMicros(l.booking_time), l.line_id);
  });
}

}  // namespace parhub::finance
