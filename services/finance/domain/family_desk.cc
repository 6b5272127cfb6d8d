// A family's own invoices and receipts (family_desk.h).
#include "services/finance/domain/family_desk.h"

#include "absl/strings/ascii.h"
#include "platform/core/crypto.h"
#include "platform/core/feedback_code.h"
#include "platform/core/secret_code.h"
#include "platform/core/status_macros.h"

namespace parhub::finance {
namespace {

constexpr int kInvoicesShown = 12;

absl::Status NoSuchFamily() {
  return absl::NotFoundError(
      "Không tìm thấy học sinh với mã và mã bí mật này; hãy kiểm tra lại phiếu thu (no pupil with this code "
      "and "
      "secret)");
}

}  // namespace

absl::StatusOr<FamilyAccount> FamilyDesk::LookUp(const std::string& school_id, absl::string_view pupil_code,
                                                 absl::string_view slip_secret) {
  const std::string code = platform::NormalizeCode(pupil_code);
  const std::string secret = platform::NormalizeCode(slip_secret);
  if (code.empty() || secret.size() != 10) return NoSuchFamily();
  // Pupil codes keep their dashes ("HS-001"); the typed form may not.
  ASSIGN_OR_RETURN(
      std::optional<PupilRecord> pupil,
      store_.FindPupilByCode(school_id, absl::AsciiStrToUpper(absl::StripAsciiWhitespace(pupil_code))));
  if (!pupil.has_value() || pupil->slip_secret.empty() ||
      !platform::ConstantTimeEquals(pupil->slip_secret, secret)) {
    return NoSuchFamily();
  }
  FamilyAccount account;
  account.pupil = *std::move(pupil);
  ASSIGN_OR_RETURN(account.settings, invoices_.Settings(school_id));
  ASSIGN_OR_RETURN(account.invoices, store_.ListInvoices(school_id, {.pupil_id = account.pupil.pupil_id},
                                                         std::nullopt, kInvoicesShown));
  std::vector<std::string> ids;
  for (const Invoice& i : account.invoices) {
    ids.push_back(i.invoice_id);
    if (i.open()) account.balance += i.balance();
  }
  ASSIGN_OR_RETURN(account.receipts, store_.ReceiptsOfInvoices(school_id, ids));
  for (Receipt& r : account.receipts) {
    r.payer_name.clear();
    if (!r.cancelled) {
      account.feedback_codes[r.receipt_id] =
          platform::FeedbackCode(feedback_key_, platform::kFeedbackPaymentReceipted, school_id, r.Number());
    }
  }
  return account;
}

}  // namespace parhub::finance
