// Thin handlers: name → access → domain → proto, in the skeleton's two shapes.
#include "services/finance/rpc/finance_service.h"

#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/finance/domain/access.h"
#include "services/finance/rpc/convert.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::DateFromProto;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;
using ::parhub::platform::ParsePageRequest;
using ::parhub::platform::TimeFromProto;

constexpr char kSchool[] = "schools/{school}";
constexpr char kSettings[] = "schools/{school}/financeSettings";
constexpr char kPupil[] = "schools/{school}/pupils/{pupil}";
constexpr char kFeeItem[] = "schools/{school}/feeItems/{fee_item}";
constexpr char kInvoice[] = "schools/{school}/invoices/{invoice}";
constexpr char kPayment[] = "schools/{school}/payments/{payment}";
constexpr char kReceipt[] = "schools/{school}/receipts/{receipt}";
constexpr char kAccount[] = "schools/{school}/ledgerAccounts/{account}";
constexpr char kStatementLine[] = "schools/{school}/statementLines/{line}";
constexpr char kCredit[] = "schools/{school}/payerCredits/{credit}";
constexpr char kExpenditure[] = "schools/{school}/expenditures/{expenditure}";

// The ledger keeps a pupil without the guardian's contact data; only the
// pupils table holds it.
Mutation<v1::Pupil> WithoutGuardian(Mutation<v1::Pupil> mutation) {
  mutation.redact_stored = [](v1::Pupil& stored) {
    stored.clear_guardian_name();
    stored.clear_guardian_phone();
    stored.clear_guardian_email();
    stored.clear_birth_date();
    stored.clear_slip_secret();
  };
  return mutation;
}

template <typename Enum>
absl::StatusOr<std::vector<Enum>> EnumList(const google::protobuf::RepeatedField<int>& values,
                                           bool (*valid)(int), absl::string_view field) {
  std::vector<Enum> out;
  for (int v : values) {
    if (v == 0 || !valid(v)) return platform::UnknownEnumValue(field, v);
    out.push_back(static_cast<Enum>(v));
  }
  return out;
}

}  // namespace

absl::StatusOr<v1::Invoice> FinanceServiceImpl::View(const std::string& school_id, const Invoice& invoice) {
  ASSIGN_OR_RETURN(FinanceSettings settings, desks_.invoices.Settings(school_id));
  return InvoiceToProto(invoice, desks_.invoices.QrOf(invoice, settings), desks_.invoices.Overdue(invoice));
}

// ---- settings ----

grpc::ServerUnaryReactor* FinanceServiceImpl::GetFinanceSettings(Context* c,
                                                                 const v1::GetFinanceSettingsRequest* request,
                                                                 v1::FinanceSettings* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSettings, request->name(), "name"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(FinanceSettings settings, desks_.invoices.Settings(ids[0]));
    *response = SettingsToProto(settings);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::UpdateFinanceSettings(
    Context* c, const v1::UpdateFinanceSettingsRequest* request, v1::FinanceSettings* response) {
  return handlers_.Mutate<v1::FinanceSettings>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FinanceSettings>> {
        const std::string& name = request->finance_settings().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kSettings, name, "finance_settings.name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::FinanceSettings>(
            ids[0], name, [=, this]() -> absl::StatusOr<v1::FinanceSettings> {
              ASSIGN_OR_RETURN(SettingsPatch patch,
                               SettingsPatchFromProto(request->finance_settings(), request->update_mask()));
              ASSIGN_OR_RETURN(FinanceSettings settings, desks_.invoices.UpdateSettings(ids[0], patch));
              return SettingsToProto(settings);
            });
      });
}

// ---- pupils ----

grpc::ServerUnaryReactor* FinanceServiceImpl::CreatePupil(Context* c, const v1::CreatePupilRequest* request,
                                                          v1::Pupil* response) {
  return handlers_.Mutate<v1::Pupil>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Pupil>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return WithoutGuardian(
            Mutation<v1::Pupil>(ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::Pupil> {
              ASSIGN_OR_RETURN(Pupil pupil, PupilFromProto(request->pupil()));
              ASSIGN_OR_RETURN(PupilRecord created,
                               desks_.payers.Create(ids[0], request->pupil_id(), std::move(pupil)));
              return PupilToProto(created, true);
            }));
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetPupil(Context* c, const v1::GetPupilRequest* request,
                                                       v1::Pupil* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPupil, request->name(), "name"));
    RETURN_IF_ERROR(RequirePupilRead(caller, ids[0]));
    ASSIGN_OR_RETURN(PupilRecord pupil, desks_.payers.Get(ids[0], ids[1]));
    *response = PupilToProto(pupil, SeesGuardian(caller, ids[0]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListPupils(Context* c, const v1::ListPupilsRequest* request,
                                                         v1::ListPupilsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePupilRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    PupilQuery query{.class_name = request->class_name(),
                     .query = request->query(),
                     .include_left = request->include_left()};
    ASSIGN_OR_RETURN(platform::Page<PupilRecord> found, desks_.payers.List(ids[0], query, page));
    const bool guardian = SeesGuardian(caller, ids[0]);
    for (const PupilRecord& p : found.items) *response->add_pupils() = PupilToProto(p, guardian);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::UpdatePupil(Context* c, const v1::UpdatePupilRequest* request,
                                                          v1::Pupil* response) {
  return handlers_.Mutate<v1::Pupil>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Pupil>> {
        const std::string& name = request->pupil().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kPupil, name, "pupil.name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return WithoutGuardian(Mutation<v1::Pupil>(ids[0], name, [=, this]() -> absl::StatusOr<v1::Pupil> {
          ASSIGN_OR_RETURN(PupilPatch patch, PupilPatchFromProto(request->pupil(), request->update_mask()));
          ASSIGN_OR_RETURN(PupilRecord updated, desks_.payers.Update(ids[0], ids[1], patch));
          return PupilToProto(updated, true);
        }));
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ImportPupils(Context* c, const v1::ImportPupilsRequest* request,
                                                           v1::ImportPupilsResponse* response) {
  auto run = [=, this](const std::string& school) -> absl::StatusOr<v1::ImportPupilsResponse> {
    ASSIGN_OR_RETURN(ClassListImport result, desks_.payers.Import(school, request->csv(), request->dry_run(),
                                                                  request->skip_invalid_rows()));
    return ClassListImportToProto(result);
  };
  if (request->dry_run()) {  // writes nothing, so it is not remembered either
    return handlers_.Read(c, __func__, [=](const Caller& caller) -> absl::Status {
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
      RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
      ASSIGN_OR_RETURN(*response, run(ids[0]));
      return absl::OkStatus();
    });
  }
  return handlers_.Mutate<v1::ImportPupilsResponse>(
      c, __func__, request, response,
      [=](const Caller& caller) -> absl::StatusOr<Mutation<v1::ImportPupilsResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        std::string school = ids[0];
        return Mutation<v1::ImportPupilsResponse>(school, request->parent(), [=]() { return run(school); });
      });
}

// ---- fee items ----

grpc::ServerUnaryReactor* FinanceServiceImpl::CreateFeeItem(Context* c,
                                                            const v1::CreateFeeItemRequest* request,
                                                            v1::FeeItem* response) {
  return handlers_.Mutate<v1::FeeItem>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FeeItem>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::FeeItem>(ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::FeeItem> {
          ASSIGN_OR_RETURN(FeeItem item, FeeItemFromProto(request->fee_item()));
          ASSIGN_OR_RETURN(FeeItem created,
                           desks_.fees.Create(ids[0], request->fee_item_id(), std::move(item)));
          return FeeItemToProto(created);
        });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetFeeItem(Context* c, const v1::GetFeeItemRequest* request,
                                                         v1::FeeItem* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kFeeItem, request->name(), "name"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(FeeItem item, desks_.fees.Get(ids[0], ids[1]));
    *response = FeeItemToProto(item);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListFeeItems(Context* c, const v1::ListFeeItemsRequest* request,
                                                           v1::ListFeeItemsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 500));
    ASSIGN_OR_RETURN(platform::Page<FeeItem> found,
                     desks_.fees.List(ids[0], request->school_year(), request->include_inactive(), page));
    for (const FeeItem& f : found.items) *response->add_fee_items() = FeeItemToProto(f);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::UpdateFeeItem(Context* c,
                                                            const v1::UpdateFeeItemRequest* request,
                                                            v1::FeeItem* response) {
  return handlers_.Mutate<v1::FeeItem>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FeeItem>> {
        const std::string& name = request->fee_item().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kFeeItem, name, "fee_item.name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::FeeItem>(ids[0], name, [=, this]() -> absl::StatusOr<v1::FeeItem> {
          ASSIGN_OR_RETURN(FeeItemPatch patch,
                           FeeItemPatchFromProto(request->fee_item(), request->update_mask()));
          ASSIGN_OR_RETURN(FeeItem updated, desks_.fees.Update(ids[0], ids[1], patch));
          return FeeItemToProto(updated);
        });
      });
}

// ---- invoices ----

grpc::ServerUnaryReactor* FinanceServiceImpl::CreateInvoice(Context* c,
                                                            const v1::CreateInvoiceRequest* request,
                                                            v1::Invoice* response) {
  return handlers_.Mutate<v1::Invoice>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Invoice>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::Invoice>(ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::Invoice> {
          ASSIGN_OR_RETURN(InvoiceDraft draft, InvoiceDraftFromProto(request->invoice(), ids[0]));
          ASSIGN_OR_RETURN(Invoice created, desks_.invoices.Create(ids[0], std::move(draft)));
          return View(ids[0], created);
        });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::BatchCreateInvoices(
    Context* c, const v1::BatchCreateInvoicesRequest* request, v1::BatchCreateInvoicesResponse* response) {
  return handlers_.Mutate<v1::BatchCreateInvoicesResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BatchCreateInvoicesResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::BatchCreateInvoicesResponse>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::BatchCreateInvoicesResponse> {
              std::vector<std::string> fee_items;
              for (int i = 0; i < request->fee_items_size(); ++i) {
                ASSIGN_OR_RETURN(std::string id, ChildId(kFeeItem, request->fee_items(i), ids[0],
                                                         absl::StrCat("fee_items[", i, "]")));
                fee_items.push_back(std::move(id));
              }
              ASSIGN_OR_RETURN(platform::Date due, DateFromProto(request->due_date(), "due_date"));
              std::vector<std::string> classes(request->class_names().begin(), request->class_names().end());
              std::optional<MealRefundPlan> refund;
              if (request->has_meal_refund()) {
                const v1::MealRefund& r = request->meal_refund();
                refund.emplace();
                ASSIGN_OR_RETURN(refund->fee_item_id,
                                 ChildId(kFeeItem, r.fee_item(), ids[0], "meal_refund.fee_item"));
                refund->absence_period = r.absence_period();
                refund->daily_amount = r.daily_amount();
                refund->legal_basis = r.legal_basis();
              }
              ASSIGN_OR_RETURN(BatchInvoicing result,
                               desks_.invoices.CreateForClasses(ids[0], request->period(), classes, fee_items,
                                                                due, std::move(refund)));
              v1::BatchCreateInvoicesResponse out;
              out.set_created_count(result.created);
              out.set_skipped_count(result.skipped);
              out.set_refunded_count(result.refunded);
              for (const std::string& id : result.invoice_ids) out.add_invoices(InvoiceName(ids[0], id));
              return out;
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::RecordMealAbsences(Context* c,
                                                                 const v1::RecordMealAbsencesRequest* request,
                                                                 v1::RecordMealAbsencesResponse* response) {
  return handlers_.Mutate<v1::RecordMealAbsencesResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::RecordMealAbsencesResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::RecordMealAbsencesResponse>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::RecordMealAbsencesResponse> {
              std::vector<MealAbsenceEntry> entries;
              for (int i = 0; i < request->absences_size(); ++i) {
                const v1::MealAbsence& a = request->absences(i);
                MealAbsenceEntry entry;
                ASSIGN_OR_RETURN(entry.pupil_id,
                                 ChildId(kPupil, a.pupil(), ids[0], absl::StrCat("absences[", i, "].pupil")));
                entry.days = a.days();
                entry.note = a.note();
                entries.push_back(std::move(entry));
              }
              ASSIGN_OR_RETURN(MealAbsenceTally tally,
                               desks_.absences.Record(ids[0], request->period(), entries));
              v1::RecordMealAbsencesResponse out;
              out.set_recorded_count(tally.recorded);
              out.set_removed_count(tally.removed);
              return out;
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListMealAbsences(Context* c,
                                                               const v1::ListMealAbsencesRequest* request,
                                                               v1::ListMealAbsencesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    ASSIGN_OR_RETURN(platform::Page<MealAbsence> found,
                     desks_.absences.List(ids[0], request->period(), request->unrefunded_only(), page));
    for (const MealAbsence& a : found.items) *response->add_absences() = MealAbsenceToProto(a);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetInvoice(Context* c, const v1::GetInvoiceRequest* request,
                                                         v1::Invoice* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kInvoice, request->name(), "name"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Invoice invoice, desks_.invoices.Get(ids[0], ids[1]));
    ASSIGN_OR_RETURN(*response, View(ids[0], invoice));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListInvoices(Context* c, const v1::ListInvoicesRequest* request,
                                                           v1::ListInvoicesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    InvoiceQuery query;
    if (!request->pupil().empty()) {
      ASSIGN_OR_RETURN(query.pupil_id, ChildId(kPupil, request->pupil(), ids[0], "pupil"));
    }
    query.period = request->period();
    ASSIGN_OR_RETURN(query.states,
                     EnumList<InvoiceState>(request->states(), v1::InvoiceState_IsValid, "states"));
    if (request->overdue_only()) query.overdue_on = platform::Date{};
    query.payment_reference = request->payment_reference();
    ASSIGN_OR_RETURN(platform::Page<Invoice> found, desks_.invoices.List(ids[0], query, page));
    ASSIGN_OR_RETURN(FinanceSettings settings, desks_.invoices.Settings(ids[0]));
    for (const Invoice& i : found.items) {
      *response->add_invoices() =
          InvoiceToProto(i, desks_.invoices.QrOf(i, settings), desks_.invoices.Overdue(i));
    }
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::CancelInvoice(Context* c,
                                                            const v1::CancelInvoiceRequest* request,
                                                            v1::Invoice* response) {
  return handlers_.Mutate<v1::Invoice>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Invoice>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kInvoice, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::Invoice>(ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::Invoice> {
          ASSIGN_OR_RETURN(Invoice cancelled, desks_.invoices.Cancel(ids[0], ids[1], request->reason()));
          return View(ids[0], cancelled);
        });
      });
}

// ---- payments and receipts ----

grpc::ServerUnaryReactor* FinanceServiceImpl::RecordPayment(Context* c,
                                                            const v1::RecordPaymentRequest* request,
                                                            v1::Payment* response) {
  return handlers_.Mutate<v1::Payment>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Payment>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        Mutation<v1::Payment> record(ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::Payment> {
          ASSIGN_OR_RETURN(PaymentDraft draft, PaymentDraftFromProto(request->payment(), ids[0]));
          ASSIGN_OR_RETURN(RecordedPayment recorded,
                           desks_.cashier.Record(ids[0], std::move(draft), caller.subject));
          return PaymentToProto(recorded.payment);
        });
        // Payments come in bursts (a class paying by QR after a meeting, a
        // bank's webhook): one commit per batch (platform/db/group_commit.h).
        record.group_commit = true;
        return record;
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetPayment(Context* c, const v1::GetPaymentRequest* request,
                                                         v1::Payment* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPayment, request->name(), "name"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Payment payment, desks_.cashier.Get(ids[0], ids[1]));
    *response = PaymentToProto(payment);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListPayments(Context* c, const v1::ListPaymentsRequest* request,
                                                           v1::ListPaymentsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    PaymentQuery query;
    if (!request->invoice().empty()) {
      ASSIGN_OR_RETURN(query.invoice_id, ChildId(kInvoice, request->invoice(), ids[0], "invoice"));
    }
    ASSIGN_OR_RETURN(query.methods,
                     EnumList<PaymentMethod>(request->methods(), v1::PaymentMethod_IsValid, "methods"));
    if (request->has_start_time()) query.start = TimeFromProto(request->start_time());
    if (request->has_end_time()) query.end = TimeFromProto(request->end_time());
    ASSIGN_OR_RETURN(platform::Page<Payment> found, desks_.cashier.List(ids[0], query, page));
    for (const Payment& p : found.items) *response->add_payments() = PaymentToProto(p);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ReversePayment(Context* c,
                                                             const v1::ReversePaymentRequest* request,
                                                             v1::Payment* response) {
  return handlers_.Mutate<v1::Payment>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Payment>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kPayment, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::Payment>(ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::Payment> {
          ASSIGN_OR_RETURN(Payment reversed, desks_.cashier.Reverse(ids[0], ids[1], request->reason()));
          return PaymentToProto(reversed);
        });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetReceipt(Context* c, const v1::GetReceiptRequest* request,
                                                         v1::Receipt* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kReceipt, request->name(), "name"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Receipt receipt, desks_.cashier.GetReceipt(ids[0], ids[1]));
    *response = ReceiptToProto(receipt);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListReceipts(Context* c, const v1::ListReceiptsRequest* request,
                                                           v1::ListReceiptsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    ASSIGN_OR_RETURN(platform::Page<Receipt> found,
                     desks_.cashier.ListReceipts(ids[0], request->year(), page));
    for (const Receipt& r : found.items) *response->add_receipts() = ReceiptToProto(r);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

// ---- reconciliation ----

grpc::ServerUnaryReactor* FinanceServiceImpl::ImportBankStatement(
    Context* c, const v1::ImportBankStatementRequest* request, v1::BankStatementImport* response) {
  return handlers_.Mutate<v1::BankStatementImport>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BankStatementImport>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        Mutation<v1::BankStatementImport> mutation(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::BankStatementImport> {
              ASSIGN_OR_RETURN(ColumnMapping mapping,
                               MappingForFormat(request->format(), request->column_mapping()));
              ASSIGN_OR_RETURN(StatementImport result,
                               desks_.reconciler.Import(ids[0], request->content(), mapping,
                                                        request->skip_invalid_lines(), caller.subject));
              return StatementImportToProto(ids[0], result);
            });
        // The ledger keeps the counts and errors, not the lines (counterparty names).
        mutation.redact_stored = [](v1::BankStatementImport& stored) { stored.clear_lines(); };
        return mutation;
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ImportBankStatementLine(
    Context* c, const v1::ImportBankStatementLineRequest* request, v1::BankStatementLine* response) {
  return handlers_.Mutate<v1::BankStatementLine>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BankStatementLine>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::BankStatementLine>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::BankStatementLine> {
              ASSIGN_OR_RETURN(StatementEntry entry, StatementEntryFromProto(request->line()));
              ASSIGN_OR_RETURN(StatementLine line,
                               desks_.reconciler.ImportLine(ids[0], entry, caller.subject));
              return StatementLineToProto(line);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetBankStatementLine(
    Context* c, const v1::GetBankStatementLineRequest* request, v1::BankStatementLine* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kStatementLine, request->name(), "name"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(StatementLine line, desks_.reconciler.Get(ids[0], ids[1]));
    *response = StatementLineToProto(line);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListBankStatementLines(
    Context* c, const v1::ListBankStatementLinesRequest* request,
    v1::ListBankStatementLinesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    ASSIGN_OR_RETURN(std::vector<MatchState> states,
                     EnumList<MatchState>(request->match_states(), v1::MatchState_IsValid, "match_states"));
    std::optional<absl::Time> start, end;
    if (request->has_start_time()) start = TimeFromProto(request->start_time());
    if (request->has_end_time()) end = TimeFromProto(request->end_time());
    ASSIGN_OR_RETURN(platform::Page<StatementLine> found,
                     desks_.reconciler.List(ids[0], states, start, end, page));
    for (const StatementLine& l : found.items) *response->add_lines() = StatementLineToProto(l);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::MatchBankStatementLine(
    Context* c, const v1::MatchBankStatementLineRequest* request, v1::BankStatementLine* response) {
  return handlers_.Mutate<v1::BankStatementLine>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BankStatementLine>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kStatementLine, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::BankStatementLine>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::BankStatementLine> {
              ASSIGN_OR_RETURN(std::string invoice, ChildId(kInvoice, request->invoice(), ids[0], "invoice"));
              ASSIGN_OR_RETURN(StatementLine line, desks_.reconciler.Match(ids[0], ids[1], invoice,
                                                                           request->note(), caller.subject));
              return StatementLineToProto(line);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::IgnoreBankStatementLine(
    Context* c, const v1::IgnoreBankStatementLineRequest* request, v1::BankStatementLine* response) {
  return handlers_.Mutate<v1::BankStatementLine>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BankStatementLine>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kStatementLine, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::BankStatementLine>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::BankStatementLine> {
              ASSIGN_OR_RETURN(StatementLine line,
                               desks_.reconciler.Ignore(ids[0], ids[1], request->note(), caller.subject));
              return StatementLineToProto(line);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListPayerCredits(Context* c,
                                                               const v1::ListPayerCreditsRequest* request,
                                                               v1::ListPayerCreditsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePayerRecordsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    std::string pupil;
    if (!request->pupil().empty()) {
      ASSIGN_OR_RETURN(pupil, ChildId(kPupil, request->pupil(), ids[0], "pupil"));
    }
    ASSIGN_OR_RETURN(platform::Page<PayerCredit> found,
                     desks_.credits.List(ids[0], pupil, request->include_used(), page));
    for (const PayerCredit& credit : found.items) *response->add_payer_credits() = CreditToProto(credit);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ApplyPayerCredit(Context* c,
                                                               const v1::ApplyPayerCreditRequest* request,
                                                               v1::PayerCredit* response) {
  return handlers_.Mutate<v1::PayerCredit>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::PayerCredit>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kCredit, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::PayerCredit>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::PayerCredit> {
              ASSIGN_OR_RETURN(std::string invoice, ChildId(kInvoice, request->invoice(), ids[0], "invoice"));
              ASSIGN_OR_RETURN(PayerCredit credit,
                               desks_.credits.Apply(ids[0], ids[1], invoice, caller.subject));
              return CreditToProto(credit);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::RefundPayerCredit(Context* c,
                                                                const v1::RefundPayerCreditRequest* request,
                                                                v1::PayerCredit* response) {
  return handlers_.Mutate<v1::PayerCredit>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::PayerCredit>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kCredit, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::PayerCredit>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::PayerCredit> {
              ASSIGN_OR_RETURN(PayerCredit credit,
                               desks_.credits.Refund(ids[0], ids[1], request->amount(), request->note()));
              return CreditToProto(credit);
            });
      });
}

// ---- spending ----

grpc::ServerUnaryReactor* FinanceServiceImpl::CreateExpenditure(Context* c,
                                                                const v1::CreateExpenditureRequest* request,
                                                                v1::Expenditure* response) {
  return handlers_.Mutate<v1::Expenditure>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Expenditure>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::Expenditure>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::Expenditure> {
              ASSIGN_OR_RETURN(Expenditure draft, ExpenditureFromProto(request->expenditure()));
              ASSIGN_OR_RETURN(Expenditure recorded, desks_.spending.Record(ids[0], std::move(draft)));
              return ExpenditureToProto(recorded);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::GetExpenditure(Context* c,
                                                             const v1::GetExpenditureRequest* request,
                                                             v1::Expenditure* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kExpenditure, request->name(), "name"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Expenditure e, desks_.spending.Get(ids[0], ids[1]));
    *response = ExpenditureToProto(e);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListExpenditures(Context* c,
                                                               const v1::ListExpendituresRequest* request,
                                                               v1::ListExpendituresResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    ASSIGN_OR_RETURN(platform::Date from, DateFromProto(request->start_date(), "start_date"));
    ASSIGN_OR_RETURN(platform::Date to, DateFromProto(request->end_date(), "end_date"));
    ASSIGN_OR_RETURN(platform::Page<Expenditure> found,
                     desks_.spending.List(ids[0], from, to, request->category(), page));
    for (const Expenditure& e : found.items) *response->add_expenditures() = ExpenditureToProto(e);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ReverseExpenditure(Context* c,
                                                                 const v1::ReverseExpenditureRequest* request,
                                                                 v1::Expenditure* response) {
  return handlers_.Mutate<v1::Expenditure>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Expenditure>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kExpenditure, request->name(), "name"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::Expenditure>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::Expenditure> {
              ASSIGN_OR_RETURN(Expenditure e, desks_.spending.Reverse(ids[0], ids[1], request->reason()));
              return ExpenditureToProto(e);
            });
      });
}

// ---- reports ----

grpc::ServerUnaryReactor* FinanceServiceImpl::GetFinancialDisclosure(
    Context* c, const v1::GetFinancialDisclosureRequest* request, v1::FinancialDisclosure* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    if (caller.role == platform::Role::kService) {
      // The public desk: only what the school published.
      RETURN_IF_ERROR(RequireService(caller, ids[0]));
      ASSIGN_OR_RETURN(Disclosure published, desks_.reports.Published(ids[0], request->school_year()));
      *response = DisclosureToProto(published);
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Disclosure now, desks_.reports.Compute(ids[0], request->school_year()));
    absl::StatusOr<Disclosure> published = desks_.reports.Published(ids[0], request->school_year());
    if (published.ok()) now.publish_time = published->publish_time;
    *response = DisclosureToProto(now);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::PublishFinancialDisclosure(
    Context* c, const v1::PublishFinancialDisclosureRequest* request, v1::FinancialDisclosure* response) {
  return handlers_.Mutate<v1::FinancialDisclosure>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FinancialDisclosure>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
        RETURN_IF_ERROR(RequireMoneyWrite(caller, ids[0]));
        return Mutation<v1::FinancialDisclosure>(
            ids[0], request->school(), [=, this]() -> absl::StatusOr<v1::FinancialDisclosure> {
              ASSIGN_OR_RETURN(Disclosure d, desks_.reports.Publish(ids[0], request->school_year()));
              return DisclosureToProto(d);
            });
      });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::LookUpFamilyAccount(
    Context* c, const v1::LookUpFamilyAccountRequest* request, v1::FamilyAccount* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    RETURN_IF_ERROR(RequireService(caller, ids[0]));
    ASSIGN_OR_RETURN(FamilyAccount account,
                     desks_.families.LookUp(ids[0], request->pupil_code(), request->slip_secret()));
    *response = FamilyAccountToProto(ids[0], account, desks_.invoices);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::SummarizeFinance(Context* c,
                                                               const v1::SummarizeFinanceRequest* request,
                                                               v1::FinanceSummary* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::Date from, DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(platform::Date to, DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(FinanceSummary summary, desks_.reports.Summarize(ids[0], from, to));
    *response = SummaryToProto(ids[0], summary);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::BatchSummarizeFinance(
    Context* c, const v1::BatchSummarizeFinanceRequest* request,
    v1::BatchSummarizeFinanceResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireRollup(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(platform::Date from, DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(platform::Date to, DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(std::vector<FinanceSummary> summaries,
                     desks_.reports.SummarizeSchools(schools, from, to));
    for (size_t i = 0; i < schools.size(); ++i)
      *response->add_summaries() = SummaryToProto(schools[i], summaries[i]);
    return absl::OkStatus();
  });
}

// ---- ledger ----

grpc::ServerUnaryReactor* FinanceServiceImpl::ListLedgerAccounts(Context* c,
                                                                 const v1::ListLedgerAccountsRequest* request,
                                                                 v1::ListLedgerAccountsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    // The chart is six accounts: one page always holds it.
    RETURN_IF_ERROR(ParsePageRequest(request->page_size(), request->page_token(), 50, 100).status());
    std::optional<absl::Time> as_of;
    if (request->has_as_of_time()) as_of = TimeFromProto(request->as_of_time());
    ASSIGN_OR_RETURN(std::vector<AccountBalance> accounts, desks_.ledger.Accounts(ids[0], as_of));
    for (const AccountBalance& b : accounts) *response->add_ledger_accounts() = AccountToProto(ids[0], b);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::ListLedgerTransfers(
    Context* c, const v1::ListLedgerTransfersRequest* request, v1::ListLedgerTransfersResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::PageRequest page,
                     ParsePageRequest(request->page_size(), request->page_token(), 100, 1000));
    std::string account;
    if (!request->account().empty()) {
      ASSIGN_OR_RETURN(account, ChildId(kAccount, request->account(), ids[0], "account"));
    }
    std::optional<absl::Time> start, end;
    if (request->has_start_time()) start = TimeFromProto(request->start_time());
    if (request->has_end_time()) end = TimeFromProto(request->end_time());
    ASSIGN_OR_RETURN(platform::Page<LedgerTransfer> found,
                     desks_.ledger.Transfers(ids[0], account, start, end, page));
    for (const LedgerTransfer& t : found.items) *response->add_ledger_transfers() = TransferToProto(t);
    response->set_next_page_token(found.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FinanceServiceImpl::CheckLedger(Context* c, const v1::CheckLedgerRequest* request,
                                                          v1::LedgerCheck* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireFinanceRead(caller, ids[0]));
    ASSIGN_OR_RETURN(LedgerCheck check, desks_.ledger.Check(ids[0]));
    *response = LedgerCheckToProto(check);
    return absl::OkStatus();
  });
}

}  // namespace parhub::finance
