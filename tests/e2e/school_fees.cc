// Fees for e2e scenarios (school_fees.h).
#include "tests/e2e/school_fees.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parhub::e2e {

namespace fpb = ::parhub::finance::v1;

grpc::Status CreateMonthlyFee(GatewayClient& admin, const std::string& school, const std::string& id,
                              const std::string& display_name, int64_t amount, fpb::FeeItem* item) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  const int first_year =
      today.month() >= 9 ? static_cast<int>(today.year()) : static_cast<int>(today.year()) - 1;
  fpb::CreateFeeItemRequest fee;
  fee.set_parent(school);
  fee.set_fee_item_id(id);
  fee.mutable_fee_item()->set_code(absl::AsciiStrToUpper(id));
  fee.mutable_fee_item()->set_display_name(display_name);
  fee.mutable_fee_item()->set_amount(amount);
  fee.mutable_fee_item()->set_unit(fpb::FEE_UNIT_MONTH);
  fee.mutable_fee_item()->set_school_year(absl::StrCat(first_year, "-", first_year + 1));
  fee.mutable_fee_item()->set_legal_basis("Thỏa thuận với cha mẹ học sinh");
  fee.mutable_fee_item()->set_charge_kind("khac");
  fee.set_request_id(absl::StrCat("e2e-fee-", school, "-", id));
  auto c = admin.Context();
  return admin.finance->CreateFeeItem(c.get(), fee, item);
}

grpc::Status BillThisMonth(GatewayClient& admin, const std::string& pupil, const std::string& fee_item,
                           absl::CivilDay due, const std::string& request_id, fpb::Invoice* invoice) {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  fpb::CreateInvoiceRequest bill;
  bill.set_parent(pupil.substr(0, pupil.find("/pupils/")));
  bill.mutable_invoice()->set_pupil(pupil);
  bill.mutable_invoice()->set_period(absl::StrFormat("%04d-%02d", today.year(), today.month()));
  bill.mutable_invoice()->add_lines()->set_fee_item(fee_item);
  bill.mutable_invoice()->mutable_due_date()->set_year(static_cast<int>(due.year()));
  bill.mutable_invoice()->mutable_due_date()->set_month(due.month());
  bill.mutable_invoice()->mutable_due_date()->set_day(due.day());
  bill.set_request_id(request_id);
  auto c = admin.Context();
  return admin.finance->CreateInvoice(c.get(), bill, invoice);
}

grpc::Status SetUpPayingSchool(GatewayClient& admin, const std::string& school,
                               const std::string& account_number, const std::string& reference_prefix,
                               int pupils, const std::string& tag, std::vector<std::string>* invoices) {
  fpb::UpdateFinanceSettingsRequest settings;
  settings.mutable_finance_settings()->set_name(school + "/financeSettings");
  settings.mutable_finance_settings()->set_bank_bin("970415");
  settings.mutable_finance_settings()->set_account_number(account_number);
  settings.mutable_finance_settings()->set_reference_prefix(reference_prefix);
  for (const char* path : {"bank_bin", "account_number", "reference_prefix"}) {
    settings.mutable_update_mask()->add_paths(path);
  }
  settings.set_request_id(absl::StrCat("e2e-", tag, "-settings"));
  fpb::FinanceSettings saved;
  auto c = admin.Context();
  grpc::Status status = admin.finance->UpdateFinanceSettings(c.get(), settings, &saved);
  if (!status.ok()) return status;
  fpb::FeeItem item;
  status = CreateMonthlyFee(admin, school, "quy-lop", "Quỹ hoạt động", 10'000'000, &item);
  if (!status.ok()) return status;
  const absl::CivilDay due = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600)) + 20;
  for (int i = 0; i < pupils; ++i) {
    fpb::CreatePupilRequest add;
    add.set_parent(school);
    add.set_pupil_id(absl::StrCat("hs-", i));
    add.mutable_pupil()->set_pupil_code(absl::StrCat(tag, "-", i));
    add.mutable_pupil()->set_display_name("Học sinh thử");
    add.mutable_pupil()->set_class_name("1A");
    add.set_request_id(absl::StrCat("e2e-", tag, "-pupil-", i));
    fpb::Pupil pupil;
    c = admin.Context();
    status = admin.finance->CreatePupil(c.get(), add, &pupil);
    if (!status.ok()) return status;
    fpb::Invoice invoice;
    status = BillThisMonth(admin, pupil.name(), item.name(), due, absl::StrCat("e2e-", tag, "-invoice-", i),
                           &invoice);
    if (!status.ok()) return status;
    invoices->push_back(invoice.name());
  }
  return grpc::Status::OK;
}

}  // namespace parhub::e2e
