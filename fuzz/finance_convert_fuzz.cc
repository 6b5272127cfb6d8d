// The finance service's requests as its adapter reads them before any
// store (services/finance/rpc/convert.h), with the domain's own checks
// that run on the converted value first: pupils (CleanPupil), fee items
// (both ways, and the school year), invoice drafts (the period), payments,
// bank statement lines (CheckStatementEntry), spending (both ways),
// settings and other patches, statement column mappings, and child
// resource names of school a. The first byte of each record picks the
// request message. Properties (convert_fuzz.h): a field error or a value;
// fee items and spending convert back to the same proto; a child name is
// accepted only when it is exactly that school's resource of that kind.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/convert_fuzz.h"
#include "platform/rpc/proto_values.h"
#include "services/finance/domain/class_list.h"
#include "services/finance/domain/fee_schedule.h"
#include "services/finance/domain/invoice_desk.h"
#include "services/finance/domain/statement_file.h"
#include "services/finance/rpc/convert.h"

namespace parhub::finance {
namespace {

using fuzz::CheckRoundTrip;
using fuzz::Converted;
using fuzz::kSchool;
using fuzz::ParsePayload;

constexpr int kOps = 12;
const platform::Date kToday{2026, 6, 15};

void Run(int op, std::string_view bytes) {
  switch (op) {
    case 0: {
      v1::CreatePupilRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto pupil = PupilFromProto(r.pupil());
      if (Converted(pupil)) Converted(CleanPupil(*std::move(pupil), "pupil.", kToday));
      break;
    }
    case 1: {
      v1::UpdatePupilRequest r;
      if (ParsePayload(bytes, r)) Converted(PupilPatchFromProto(r.pupil(), r.update_mask()));
      break;
    }
    case 2: {
      v1::CreateFeeItemRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(r.fee_item(), FeeItemFromProto, FeeItemToProto);
      const absl::Status year = ValidateSchoolYear(r.fee_item().school_year(), "fee_item.school_year");
      if (!year.ok()) FUZZ_CHECK(fuzz::IsFieldError(year));
      break;
    }
    case 3: {
      v1::UpdateFeeItemRequest r;
      if (ParsePayload(bytes, r)) Converted(FeeItemPatchFromProto(r.fee_item(), r.update_mask()));
      break;
    }
    case 4: {
      v1::CreateInvoiceRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto draft = InvoiceDraftFromProto(r.invoice(), kSchool);
      if (!Converted(draft)) return;
      auto period = ParsePeriod(draft->period, "invoice.period");
      if (Converted(period)) FUZZ_CHECK(period->second >= 1 && period->second <= 12);
      break;
    }
    case 5: {
      v1::RecordPaymentRequest r;
      if (ParsePayload(bytes, r)) Converted(PaymentDraftFromProto(r.payment(), kSchool));
      break;
    }
    case 6: {
      v1::ImportBankStatementLineRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto entry = StatementEntryFromProto(r.line());
      if (!Converted(entry)) return;
      const absl::Status checked = CheckStatementEntry(*entry, "line.");
      if (!checked.ok()) FUZZ_CHECK(fuzz::IsFieldError(checked));
      break;
    }
    case 7: {
      v1::CreateExpenditureRequest r;
      if (ParsePayload(bytes, r)) CheckRoundTrip(r.expenditure(), ExpenditureFromProto, ExpenditureToProto);
      break;
    }
    case 8: {
      v1::UpdateFinanceSettingsRequest r;
      if (ParsePayload(bytes, r)) Converted(SettingsPatchFromProto(r.finance_settings(), r.update_mask()));
      break;
    }
    case 9: {
      v1::ImportBankStatementRequest r;
      if (ParsePayload(bytes, r)) Converted(MappingForFormat(r.format(), r.column_mapping()));
      break;
    }
    case 10: {
      v1::GetInvoiceRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto id = ChildId("schools/{school}/invoices/{invoice}", r.name(), kSchool, "name");
      if (Converted(id)) FUZZ_CHECK(InvoiceName(kSchool, *id) == r.name());
      break;
    }
    default: {
      v1::GetPupilRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto id = ChildId("schools/{school}/pupils/{pupil}", r.name(), kSchool, "name");
      if (Converted(id)) FUZZ_CHECK(PupilName(kSchool, *id) == r.name());
      break;
    }
  }
}

std::vector<std::string> Seeds() {
  using fuzz::Record;
  v1::CreatePupilRequest pupil;
  pupil.set_parent("schools/a");
  pupil.set_pupil_id("hs-001");
  pupil.mutable_pupil()->set_display_name("Phạm Minh Khang");
  pupil.mutable_pupil()->set_class_name("Lá 1");
  v1::CreateFeeItemRequest fee;
  fee.set_parent("schools/a");
  fee.set_fee_item_id("ban-tru");
  fee.mutable_fee_item()->set_code("BT");
  fee.mutable_fee_item()->set_display_name("Tiền ăn bán trú");
  fee.mutable_fee_item()->set_amount(650000);
  fee.mutable_fee_item()->set_school_year("2025-2026");
  fee.mutable_fee_item()->set_charge_kind("ban-tru");
  v1::CreateInvoiceRequest invoice;
  invoice.set_parent("schools/a");
  invoice.mutable_invoice()->set_pupil("schools/a/pupils/hs-001");
  invoice.mutable_invoice()->set_period("2026-09");
  v1::CreateExpenditureRequest spend;
  spend.mutable_expenditure()->set_amount(1200000);
  spend.mutable_expenditure()->set_payee("Công ty Thực phẩm Sạch");
  spend.mutable_expenditure()->set_purpose("Mua thực phẩm");
  *spend.mutable_expenditure()->mutable_spend_date() = platform::DateToProto(platform::Date{2026, 6, 1});
  v1::ImportBankStatementLineRequest line;
  line.mutable_line()->set_bank_transaction_id("FT2616");
  line.mutable_line()->set_amount(650000);
  line.mutable_line()->set_description("PH A 2026-09 HS001");
  v1::GetInvoiceRequest get_invoice;
  get_invoice.set_name("schools/a/invoices/inv-1");
  v1::GetPupilRequest get_pupil_b;
  get_pupil_b.set_name("schools/b/pupils/hs-001");
  const std::string head(1, '\0');
  return {head + Record(0, pupil) + Record(2, fee), head + Record(4, invoice) + Record(7, spend),
          head + Record(6, line) + Record(10, get_invoice) + Record(11, get_pupil_b)};
}

}  // namespace
}  // namespace parhub::finance

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::finance::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parhub::fuzz::RecordReader reader(data, size);
  reader.Selector();
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < 8 && reader.Next(op, payload); ++n)
    parhub::finance::Run(op % parhub::finance::kOps, payload);
  return 0;
}
