// Thin handlers: name → access → domain → proto, in the skeleton's two shapes.
#include "services/staffing/rpc/staffing_service.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/staffing/domain/access.h"
#include "services/staffing/domain/roster_csv.h"
#include "services/staffing/rpc/convert.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

constexpr char kSchool[] = "schools/{school}";
constexpr char kStaff[] = "schools/{school}/staff/{staff}";
constexpr char kAllStaff[] = "schools/{school}/staff/-";
constexpr char kQuota[] = "schools/{school}/staffingQuotas/{year}";
constexpr char kRating[] = "schools/{school}/staff/{staff}/ratings/{period}";
constexpr char kRecord[] = "schools/{school}/downsizingRecords/{record}";
constexpr char kTarget[] = "schools/{school}/downsizingTargets/{plan}";
constexpr char kInspection[] = "schools/{school}/disciplineInspections/{inspection}";
constexpr char kSuggestion[] = "schools/{school}/staffSuggestions/{suggestion}";
constexpr char kBoard[] = "schools/{school}/inspectionBoard";
constexpr char kMeeting[] = "schools/{school}/boardMeetings/{meeting}";

absl::StatusOr<int> YearOf(const std::string& text, absl::string_view field) {
  int year = 0;
  if (text.size() != 4 || !absl::SimpleAtoi(text, &year)) {
    return platform::InvalidField(field, absl::StrCat("'", text, "' không phải năm (expected a year)"));
  }
  return year;
}

// A state move with its document number and date (checked for a real date).
absl::StatusOr<RecordStep> StepWithDate(DownsizingState to, const std::string& number,
                                        const parhub::common::v1::Date& date, absl::string_view field,
                                        const std::string& reason) {
  ASSIGN_OR_RETURN(Date day, platform::DateFromProto(date, field));
  return RecordStep{to, number, day, reason};
}

// The ledger keeps a staff response without birth date, identity number and
// circumstances (a retry gets it so); only the staff tables hold them.
Mutation<v1::Staff> WithoutPersonalData(Mutation<v1::Staff> mutation) {
  mutation.redact_stored = [](v1::Staff& staff) {
    staff.clear_birth_date();
    staff.clear_id_number();
    staff.clear_circumstances();
  };
  return mutation;
}

Visibility VisibilityFor(const Caller& caller, const std::string& school) {
  return SeesPersonalData(caller, school) ? Visibility::kFull : Visibility::kNoPersonalData;
}

}  // namespace

// ---- roster ----

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateStaff(Context* c, const v1::CreateStaffRequest* request,
                                                           v1::Staff* response) {
  return handlers_.Mutate<v1::Staff>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Staff>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        if (!request->staff_id().empty())
          RETURN_IF_ERROR(platform::ValidateId(request->staff_id(), "staff_id"));
        return WithoutPersonalData(
            Mutation<v1::Staff>(school, request->parent(), [=, this]() -> absl::StatusOr<v1::Staff> {
              ASSIGN_OR_RETURN(Staff draft, StaffFromProto(request->staff()));
              ASSIGN_OR_RETURN(Staff staff,
                               roster_.CreateStaff(school, request->staff_id(), std::move(draft)));
              return StaffToProto(staff, Visibility::kFull, desk_.catalog(), roster_.Today());
            }));
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetStaff(Context* c, const v1::GetStaffRequest* request,
                                                        v1::Staff* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kStaff, request->name(), "name"));
    RETURN_IF_ERROR(RequireRosterRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Staff staff, roster_.GetStaff(ids[0], ids[1]));
    *response = StaffToProto(staff, VisibilityFor(caller, ids[0]), desk_.catalog(), roster_.Today());
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListStaff(Context* c, const v1::ListStaffRequest* request,
                                                         v1::ListStaffResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireRosterRead(caller, ids[0]));
    StaffQuery query;
    for (int t : request->employment_types()) {
      if (t == 0 || !v1::EmploymentType_IsValid(t)) return platform::UnknownEnumValue("employment_types", t);
      query.employment_types.push_back(static_cast<EmploymentType>(t));
    }
    for (int s : request->statuses()) {
      if (s == 0 || !v1::StaffStatus_IsValid(s)) return platform::UnknownEnumValue("statuses", s);
      query.statuses.push_back(static_cast<StaffStatus>(s));
    }
    query.folded_query = request->query();
    if (!v1::CityEmailState_IsValid(request->city_email_state())) {
      return platform::UnknownEnumValue("city_email_state", request->city_email_state());
    }
    query.email_state = static_cast<CityEmailState>(request->city_email_state());
    ASSIGN_OR_RETURN(auto page,
                     roster_.ListStaff(ids[0], query, request->page_size(), request->page_token()));
    Visibility visibility = VisibilityFor(caller, ids[0]);
    Date today = roster_.Today();
    for (const Staff& s : page.items)
      *response->add_staff() = StaffToProto(s, visibility, desk_.catalog(), today);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateStaff(Context* c, const v1::UpdateStaffRequest* request,
                                                           v1::Staff* response) {
  return handlers_.Mutate<v1::Staff>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Staff>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kStaff, request->staff().name(), "staff.name"));
        std::string school = ids[0], staff_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "nhân sự"));
        return WithoutPersonalData(
            Mutation<v1::Staff>(school, request->staff().name(), [=, this]() -> absl::StatusOr<v1::Staff> {
              ASSIGN_OR_RETURN(StaffPatch patch,
                               StaffPatchFromProto(request->staff(), request->update_mask()));
              ASSIGN_OR_RETURN(Staff staff, roster_.UpdateStaff(school, staff_id, patch));
              return StaffToProto(staff, Visibility::kFull, desk_.catalog(), roster_.Today());
            }));
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ImportStaffRoster(Context* c,
                                                                 const v1::ImportStaffRosterRequest* request,
                                                                 v1::ImportStaffRosterResponse* response) {
  auto run = [=, this](const std::string& school) -> absl::StatusOr<v1::ImportStaffRosterResponse> {
    bool has_csv = !request->csv().empty(), has_rows = request->rows_size() > 0;
    if (has_csv == has_rows) {
      return platform::InvalidField("csv",
                                    "gửi tệp CSV hoặc danh sách dòng, không cả hai (send csv or rows)");
    }
    ParsedRoster parsed;
    if (has_csv) {
      ASSIGN_OR_RETURN(parsed, ParseRosterCsv(request->csv()));
    } else {
      if (request->rows_size() > kMaxImportRows) {
        return platform::InvalidField("rows",
                                      absl::StrCat("tối đa ", kMaxImportRows, " dòng (too many rows)"));
      }
      parsed = RosterEntriesFromProto(request->rows());
    }
    ImportOptions options{request->dry_run(), request->skip_invalid_rows()};
    ASSIGN_OR_RETURN(ImportResult result, roster_.ImportRoster(school, std::move(parsed.entries),
                                                               std::move(parsed.errors), options));
    return ImportResultToProto(result);
  };
  if (request->dry_run()) {  // writes nothing, so it is not remembered either
    return handlers_.Read(c, __func__, [=](const Caller& caller) -> absl::Status {
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "trường"));
      ASSIGN_OR_RETURN(*response, run(ids[0]));
      return absl::OkStatus();
    });
  }
  return handlers_.Mutate<v1::ImportStaffRosterResponse>(
      c, __func__, request, response,
      [=](const Caller& caller) -> absl::StatusOr<Mutation<v1::ImportStaffRosterResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::ImportStaffRosterResponse>(school, request->parent(),
                                                       [=] { return run(school); });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ImportCityEmailUsage(
    Context* c, const v1::ImportCityEmailUsageRequest* request, v1::ImportCityEmailUsageResponse* response) {
  return handlers_.Mutate<v1::ImportCityEmailUsageResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::ImportCityEmailUsageResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::ImportCityEmailUsageResponse>(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::ImportCityEmailUsageResponse> {
              bool has_csv = !request->csv().empty(), has_rows = request->rows_size() > 0;
              if (has_csv == has_rows) {
                return platform::InvalidField(
                    "csv", "gửi tệp CSV hoặc danh sách dòng, không cả hai (send csv or rows)");
              }
              ASSIGN_OR_RETURN(Date report_date,
                               platform::DateFromProto(request->report_date(), "report_date"));
              ParsedEmailUsage parsed;
              if (has_csv) {
                ASSIGN_OR_RETURN(parsed, ParseEmailUsageCsv(request->csv()));
              } else {
                parsed = EmailUsesFromProto(request->rows());
              }
              ASSIGN_OR_RETURN(EmailUsageResult result,
                               roster_.ImportCityEmailUsage(school, report_date, std::move(parsed.uses),
                                                            std::move(parsed.errors)));
              return EmailUsageResultToProto(result);
            });
      });
}

// ---- quotas ----

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateStaffingQuota(
    Context* c, const v1::CreateStaffingQuotaRequest* request, v1::StaffingQuota* response) {
  return handlers_.Mutate<v1::StaffingQuota>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::StaffingQuota>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::StaffingQuota>(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::StaffingQuota> {
              ASSIGN_OR_RETURN(StaffingQuota quota, QuotaFromProto(request->staffing_quota()));
              ASSIGN_OR_RETURN(quota, roster_.CreateQuota(school, std::move(quota)));
              return QuotaToProto(quota);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetStaffingQuota(Context* c,
                                                                const v1::GetStaffingQuotaRequest* request,
                                                                v1::StaffingQuota* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kQuota, request->name(), "name"));
    RETURN_IF_ERROR(RequireCountsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(int year, YearOf(ids[1], "name"));
    ASSIGN_OR_RETURN(StaffingQuota quota, roster_.GetQuota(ids[0], year));
    *response = QuotaToProto(quota);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListStaffingQuotas(
    Context* c, const v1::ListStaffingQuotasRequest* request, v1::ListStaffingQuotasResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireCountsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(auto page, roster_.ListQuotas(ids[0], request->page_size(), request->page_token()));
    for (const StaffingQuota& q : page.items) *response->add_staffing_quotas() = QuotaToProto(q);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateStaffingQuota(
    Context* c, const v1::UpdateStaffingQuotaRequest* request, v1::StaffingQuota* response) {
  return handlers_.Mutate<v1::StaffingQuota>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::StaffingQuota>> {
        ASSIGN_OR_RETURN(auto ids,
                         ParseName(kQuota, request->staffing_quota().name(), "staffing_quota.name"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "chỉ tiêu biên chế"));
        ASSIGN_OR_RETURN(int year, YearOf(ids[1], "staffing_quota.name"));
        return Mutation<v1::StaffingQuota>(
            school, request->staffing_quota().name(), [=, this]() -> absl::StatusOr<v1::StaffingQuota> {
              ASSIGN_OR_RETURN(QuotaPatch patch,
                               QuotaPatchFromProto(request->staffing_quota(), request->update_mask()));
              ASSIGN_OR_RETURN(StaffingQuota quota, roster_.UpdateQuota(school, year, patch));
              return QuotaToProto(quota);
            });
      });
}

// ---- ratings ----

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateRating(Context* c,
                                                            const v1::CreateRatingRequest* request,
                                                            v1::Rating* response) {
  return handlers_.Mutate<v1::Rating>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Rating>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kStaff, request->parent(), "parent"));
        std::string school = ids[0], staff_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "nhân sự"));
        std::string rated_by = caller.subject;
        return Mutation<v1::Rating>(school, request->parent(), [=, this]() -> absl::StatusOr<v1::Rating> {
          ASSIGN_OR_RETURN(Rating rating, RatingFromProto(request->rating()));
          ASSIGN_OR_RETURN(rating, ratings_.CreateRating(school, staff_id, std::move(rating), rated_by));
          return RatingToProto(rating);
        });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateRating(Context* c,
                                                            const v1::UpdateRatingRequest* request,
                                                            v1::Rating* response) {
  return handlers_.Mutate<v1::Rating>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Rating>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kRating, request->rating().name(), "rating.name"));
        std::string school = ids[0], staff_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "đánh giá"));
        ASSIGN_OR_RETURN(auto period, ParseRatingPeriod(ids[2], "rating.name"));
        std::string rated_by = caller.subject;
        return Mutation<v1::Rating>(
            school, request->rating().name(), [=, this]() -> absl::StatusOr<v1::Rating> {
              ASSIGN_OR_RETURN(RatingPatch patch,
                               RatingPatchFromProto(request->rating(), request->update_mask()));
              patch.reason = request->reason();
              ASSIGN_OR_RETURN(Rating rating, ratings_.UpdateRating(school, staff_id, period.first,
                                                                    period.second, patch, rated_by));
              return RatingToProto(rating);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListRatings(Context* c, const v1::ListRatingsRequest* request,
                                                           v1::ListRatingsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    // "schools/{school}/staff/-" lists every staff member's ratings.
    bool everyone = absl::EndsWith(request->parent(), "/staff/-");
    ASSIGN_OR_RETURN(auto ids, ParseName(everyone ? kAllStaff : kStaff, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePersonnelRead(caller, ids[0], "kết quả đánh giá, xếp loại"));
    std::string staff_id = everyone ? "" : ids[1];
    ASSIGN_OR_RETURN(auto page, ratings_.ListRatings(ids[0], staff_id, request->year(), request->quarter(),
                                                     request->page_size(), request->page_token()));
    for (const Rating& r : page.items) *response->add_ratings() = RatingToProto(r);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

// ---- downsizing ----

grpc::ServerUnaryReactor* StaffingServiceImpl::ListDownsizingCandidates(
    Context* c, const v1::ListDownsizingCandidatesRequest* request,
    v1::ListDownsizingCandidatesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePersonnelRead(caller, ids[0], "kết quả đánh giá, xếp loại"));
    ASSIGN_OR_RETURN(auto page, desk_.ListCandidates(ids[0], request->year(), request->page_size(),
                                                     request->page_token()));
    for (const Candidate& candidate : page.items) *response->add_candidates() = CandidateToProto(candidate);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateDownsizingRecord(
    Context* c, const v1::CreateDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  return handlers_.Mutate<v1::DownsizingRecord>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DownsizingRecord>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::DownsizingRecord>(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::DownsizingRecord> {
              ASSIGN_OR_RETURN(DownsizingRecord draft, RecordFromProto(request->downsizing_record(), school));
              ASSIGN_OR_RETURN(DownsizingRecord record, desk_.CreateRecord(school, "", std::move(draft)));
              return RecordToProto(record);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetDownsizingRecord(
    Context* c, const v1::GetDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kRecord, request->name(), "name"));
    RETURN_IF_ERROR(RequireRecordRead(caller, ids[0]));
    ASSIGN_OR_RETURN(DownsizingRecord record, desk_.GetRecord(ids[0], ids[1]));
    if (!RecordVisible(caller, record.state)) {
      return absl::NotFoundError("Không tìm thấy hồ sơ tinh giản (downsizing record not found)");
    }
    *response = RecordToProto(record);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListDownsizingRecords(
    Context* c, const v1::ListDownsizingRecordsRequest* request,
    v1::ListDownsizingRecordsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireRecordRead(caller, ids[0]));
    RecordQuery query;
    ASSIGN_OR_RETURN(query.states, StatesFromProto(request->states(), "states"));
    if (!RecordVisible(caller, DownsizingState::kProposed)) {
      std::vector<DownsizingState> visible;
      for (DownsizingState s : {DownsizingState::kSubmitted, DownsizingState::kApproved,
                                DownsizingState::kRejected, DownsizingState::kEffective}) {
        if (query.states.empty() ||
            std::find(query.states.begin(), query.states.end(), s) != query.states.end()) {
          visible.push_back(s);
        }
      }
      if (visible.empty()) return absl::OkStatus();
      query.states = visible;
    }
    query.decree = request->decree();
    query.year = request->year();
    ASSIGN_OR_RETURN(auto page,
                     desk_.ListRecords(ids[0], query, request->page_size(), request->page_token()));
    for (const DownsizingRecord& r : page.items) *response->add_downsizing_records() = RecordToProto(r);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateDownsizingRecord(
    Context* c, const v1::UpdateDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  return handlers_.Mutate<v1::DownsizingRecord>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DownsizingRecord>> {
        const std::string& name = request->downsizing_record().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kRecord, name, "downsizing_record.name"));
        std::string school = ids[0], record_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "hồ sơ tinh giản"));
        return Mutation<v1::DownsizingRecord>(
            school, name, [=, this]() -> absl::StatusOr<v1::DownsizingRecord> {
              ASSIGN_OR_RETURN(RecordPatch patch,
                               RecordPatchFromProto(request->downsizing_record(), request->update_mask()));
              ASSIGN_OR_RETURN(DownsizingRecord record, desk_.UpdateRecord(school, record_id, patch));
              return RecordToProto(record);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::AdvanceRecord(
    Context* c, const char* method, const google::protobuf::Message* request, const std::string& name,
    const absl::StatusOr<RecordStep>& step, bool authority_decides, v1::DownsizingRecord* response) {
  return handlers_.Mutate<v1::DownsizingRecord>(
      c, method, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DownsizingRecord>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kRecord, name, "name"));
        std::string school = ids[0], record_id = ids[1];
        RETURN_IF_ERROR(authority_decides ? RequireDecision(caller, school)
                                          : RequireSchoolWrite(caller, school, "hồ sơ tinh giản"));
        RETURN_IF_ERROR(step.status());
        return Mutation<v1::DownsizingRecord>(
            school, name, [=, this]() -> absl::StatusOr<v1::DownsizingRecord> {
              if (!RecordVisible(caller, DownsizingState::kProposed)) {
                ASSIGN_OR_RETURN(DownsizingRecord current, desk_.GetRecord(school, record_id));
                if (!RecordVisible(caller, current.state)) {
                  return absl::NotFoundError("Không tìm thấy hồ sơ tinh giản (downsizing record not found)");
                }
              }
              ASSIGN_OR_RETURN(DownsizingRecord record, desk_.Advance(school, record_id, *step));
              return RecordToProto(record);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::SubmitDownsizingRecord(
    Context* c, const v1::SubmitDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  absl::StatusOr<RecordStep> step = StepWithDate(DownsizingState::kSubmitted, request->submission_number(),
                                                 request->submission_date(), "submission_date", "");
  return AdvanceRecord(c, __func__, request, request->name(), step, false, response);
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ApproveDownsizingRecord(
    Context* c, const v1::ApproveDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  absl::StatusOr<RecordStep> step = StepWithDate(DownsizingState::kApproved, request->decision_number(),
                                                 request->decision_date(), "decision_date", "");
  return AdvanceRecord(c, __func__, request, request->name(), step, true, response);
}

grpc::ServerUnaryReactor* StaffingServiceImpl::RejectDownsizingRecord(
    Context* c, const v1::RejectDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  absl::StatusOr<RecordStep> step =
      StepWithDate(DownsizingState::kRejected, request->decision_number(), request->decision_date(),
                   "decision_date", request->reason());
  return AdvanceRecord(c, __func__, request, request->name(), step, true, response);
}

grpc::ServerUnaryReactor* StaffingServiceImpl::MarkDownsizingEffective(
    Context* c, const v1::MarkDownsizingEffectiveRequest* request, v1::DownsizingRecord* response) {
  absl::StatusOr<RecordStep> step =
      StepWithDate(DownsizingState::kEffective, "", request->effective_date(), "effective_date", "");
  return AdvanceRecord(c, __func__, request, request->name(), step, false, response);
}

grpc::ServerUnaryReactor* StaffingServiceImpl::WithdrawDownsizingRecord(
    Context* c, const v1::WithdrawDownsizingRecordRequest* request, v1::DownsizingRecord* response) {
  absl::StatusOr<RecordStep> step = RecordStep{DownsizingState::kWithdrawn, "", {}, request->reason()};
  return AdvanceRecord(c, __func__, request, request->name(), step, false, response);
}

grpc::ServerUnaryReactor* StaffingServiceImpl::SummarizeDownsizingProgress(
    Context* c, const v1::SummarizeDownsizingProgressRequest* request,
    v1::DownsizingProgressRollup* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireService(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(Date as_of, platform::DateFromProto(request->as_of(), "as_of"));
    std::string plan = request->target_plan().empty() ? "hcm-2023-2026" : request->target_plan();
    ASSIGN_OR_RETURN(ProgressRollup rollup, desk_.GetProgressOfSchools(schools, plan, as_of));
    *response = RollupToProto(rollup);
    return absl::OkStatus();
  });
}

// ---- discipline inspections ----

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateDisciplineInspection(
    Context* c, const v1::CreateDisciplineInspectionRequest* request, v1::DisciplineInspection* response) {
  return handlers_.Mutate<v1::DisciplineInspection>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DisciplineInspection>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::DisciplineInspection>(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::DisciplineInspection> {
              ASSIGN_OR_RETURN(DisciplineInspection draft,
                               InspectionFromProto(request->discipline_inspection(), school));
              ASSIGN_OR_RETURN(DisciplineInspection inspection,
                               inspections_.Create(school, "", std::move(draft)));
              return InspectionToProto(inspection);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetDisciplineInspection(
    Context* c, const v1::GetDisciplineInspectionRequest* request, v1::DisciplineInspection* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kInspection, request->name(), "name"));
    RETURN_IF_ERROR(RequirePersonnelRead(caller, ids[0], "biên bản kiểm tra kỷ luật, kỷ cương"));
    ASSIGN_OR_RETURN(DisciplineInspection inspection, inspections_.Get(ids[0], ids[1]));
    *response = InspectionToProto(inspection);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListDisciplineInspections(
    Context* c, const v1::ListDisciplineInspectionsRequest* request,
    v1::ListDisciplineInspectionsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequirePersonnelRead(caller, ids[0], "biên bản kiểm tra kỷ luật, kỷ cương"));
    ASSIGN_OR_RETURN(Date from, platform::DateFromProto(request->start_date(), "start_date"));
    ASSIGN_OR_RETURN(Date to, platform::DateFromProto(request->end_date(), "end_date"));
    ASSIGN_OR_RETURN(auto page,
                     inspections_.List(ids[0], from, to, request->page_size(), request->page_token()));
    for (const DisciplineInspection& i : page.items)
      *response->add_discipline_inspections() = InspectionToProto(i);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateDisciplineInspection(
    Context* c, const v1::UpdateDisciplineInspectionRequest* request, v1::DisciplineInspection* response) {
  return handlers_.Mutate<v1::DisciplineInspection>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DisciplineInspection>> {
        const std::string& name = request->discipline_inspection().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kInspection, name, "discipline_inspection.name"));
        std::string school = ids[0], inspection_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "biên bản kiểm tra"));
        return Mutation<v1::DisciplineInspection>(
            school, name, [=, this]() -> absl::StatusOr<v1::DisciplineInspection> {
              ASSIGN_OR_RETURN(
                  InspectionPatch patch,
                  InspectionPatchFromProto(request->discipline_inspection(), request->update_mask(), school));
              ASSIGN_OR_RETURN(DisciplineInspection inspection,
                               inspections_.Update(school, inspection_id, patch));
              return InspectionToProto(inspection);
            });
      });
}

// ---- staff voice ----

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateStaffSuggestion(
    Context* c, const v1::CreateStaffSuggestionRequest* request, v1::StaffSuggestion* response) {
  return handlers_.Mutate<v1::StaffSuggestion>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::StaffSuggestion>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSuggestionWrite(caller, school));
        std::string author = caller.subject;
        bool admin = SeesPersonalData(caller, school);
        Mutation<v1::StaffSuggestion> mutation(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::StaffSuggestion> {
              StaffSuggestion draft;
              draft.topic = request->staff_suggestion().topic();
              draft.content = request->staff_suggestion().content();
              draft.anonymous = request->staff_suggestion().anonymous();
              ASSIGN_OR_RETURN(StaffSuggestion created,
                               voice_.CreateSuggestion(school, std::move(draft), author));
              return SuggestionToProto(created, admin);
            });
        // Nothing may link an anonymous suggestion to its author: not the
        // audit row, not the replay binding.
        mutation.anonymous = request->staff_suggestion().anonymous();
        return mutation;
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListStaffSuggestions(
    Context* c, const v1::ListStaffSuggestionsRequest* request, v1::ListStaffSuggestionsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireRosterRead(caller, ids[0]));
    if (!v1::SuggestionState_IsValid(request->state()))
      return platform::UnknownEnumValue("state", request->state());
    ASSIGN_OR_RETURN(auto page, voice_.ListSuggestions(ids[0], static_cast<SuggestionState>(request->state()),
                                                       request->page_size(), request->page_token()));
    bool admin = SeesPersonalData(caller, ids[0]);
    for (const StaffSuggestion& s : page.items)
      *response->add_staff_suggestions() = SuggestionToProto(s, admin);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::AnswerStaffSuggestion(
    Context* c, const v1::AnswerStaffSuggestionRequest* request, v1::StaffSuggestion* response) {
  return handlers_.Mutate<v1::StaffSuggestion>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::StaffSuggestion>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSuggestion, request->name(), "name"));
        std::string school = ids[0], suggestion_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "ý kiến"));
        std::string answered_by = caller.subject;
        return Mutation<v1::StaffSuggestion>(
            school, request->name(), [=, this]() -> absl::StatusOr<v1::StaffSuggestion> {
              ASSIGN_OR_RETURN(StaffSuggestion s, voice_.AnswerSuggestion(school, suggestion_id,
                                                                          request->answer(), answered_by));
              return SuggestionToProto(s, true);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetInspectionBoard(
    Context* c, const v1::GetInspectionBoardRequest* request, v1::InspectionBoard* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kBoard, request->name(), "name"));
    RETURN_IF_ERROR(RequireRosterRead(caller, ids[0]));
    ASSIGN_OR_RETURN(InspectionBoard board, voice_.GetBoard(ids[0]));
    *response = BoardToProto(board);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateInspectionBoard(
    Context* c, const v1::UpdateInspectionBoardRequest* request, v1::InspectionBoard* response) {
  return handlers_.Mutate<v1::InspectionBoard>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::InspectionBoard>> {
        const std::string& name = request->inspection_board().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kBoard, name, "inspection_board.name"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "Ban Thanh tra nhân dân"));
        return Mutation<v1::InspectionBoard>(
            school, name, [=, this]() -> absl::StatusOr<v1::InspectionBoard> {
              ASSIGN_OR_RETURN(InspectionBoard board, BoardFromProto(request->inspection_board(), school));
              ASSIGN_OR_RETURN(board, voice_.SetBoard(school, std::move(board)));
              return BoardToProto(board);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::CreateBoardMeeting(
    Context* c, const v1::CreateBoardMeetingRequest* request, v1::BoardMeeting* response) {
  return handlers_.Mutate<v1::BoardMeeting>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BoardMeeting>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::BoardMeeting>(
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::BoardMeeting> {
              ASSIGN_OR_RETURN(BoardMeeting draft, MeetingFromProto(request->board_meeting(), school));
              ASSIGN_OR_RETURN(BoardMeeting meeting, voice_.CreateMeeting(school, std::move(draft)));
              return MeetingToProto(meeting);
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::ListBoardMeetings(Context* c,
                                                                 const v1::ListBoardMeetingsRequest* request,
                                                                 v1::ListBoardMeetingsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireRosterRead(caller, ids[0]));
    ASSIGN_OR_RETURN(auto page, voice_.ListMeetings(ids[0], request->page_size(), request->page_token()));
    for (const BoardMeeting& m : page.items) *response->add_board_meetings() = MeetingToProto(m);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateBoardMeeting(
    Context* c, const v1::UpdateBoardMeetingRequest* request, v1::BoardMeeting* response) {
  return handlers_.Mutate<v1::BoardMeeting>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::BoardMeeting>> {
        const std::string& name = request->board_meeting().name();
        ASSIGN_OR_RETURN(auto ids, ParseName(kMeeting, name, "board_meeting.name"));
        std::string school = ids[0], meeting_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "biên bản họp"));
        return Mutation<v1::BoardMeeting>(school, name, [=, this]() -> absl::StatusOr<v1::BoardMeeting> {
          ASSIGN_OR_RETURN(MeetingPatch patch,
                           MeetingPatchFromProto(request->board_meeting(), request->update_mask(), school));
          ASSIGN_OR_RETURN(BoardMeeting meeting, voice_.UpdateMeeting(school, meeting_id, patch));
          return MeetingToProto(meeting);
        });
      });
}

// ---- summary ----

grpc::ServerUnaryReactor* StaffingServiceImpl::SummarizeStaffing(Context* c,
                                                                 const v1::SummarizeStaffingRequest* request,
                                                                 v1::StaffingSummary* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    RETURN_IF_ERROR(RequireCountsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(StaffingFigures figures,
                     summarizer_.Summarize(ids[0], start, end, request->target_plan()));
    *response = SummaryToProto(ids[0], figures);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::BatchSummarizeStaffing(
    Context* c, const v1::BatchSummarizeStaffingRequest* request,
    v1::BatchSummarizeStaffingResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireService(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(std::vector<StaffingFigures> figures,
                     summarizer_.SummarizeSchools(schools, start, end, request->target_plan()));
    for (size_t i = 0; i < schools.size(); ++i)
      *response->add_summaries() = SummaryToProto(schools[i], figures[i]);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetDownsizingCatalog(
    Context* c, const v1::GetDownsizingCatalogRequest* request, v1::DownsizingCatalog* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(Date as_of, platform::DateFromProto(request->as_of(), "as_of"));
    *response = catalog_proto_;
    if (as_of.IsSet()) {
      response->clear_decrees();
      for (const v1::DownsizingDecree& d : catalog_proto_.decrees()) {
        const DownsizingDecree* decree = desk_.catalog().FindDecree(d.code());
        if (decree != nullptr && decree->InForceOn(as_of)) *response->add_decrees() = d;
      }
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetDownsizingTarget(
    Context* c, const v1::GetDownsizingTargetRequest* request, v1::DownsizingTarget* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kTarget, request->name(), "name"));
    RETURN_IF_ERROR(RequireCountsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(DownsizingTarget target, desk_.GetTarget(ids[0], ids[1]));
    *response = TargetToProto(target, *desk_.catalog().FindPlan(ids[1]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::UpdateDownsizingTarget(
    Context* c, const v1::UpdateDownsizingTargetRequest* request, v1::DownsizingTarget* response) {
  return handlers_.Mutate<v1::DownsizingTarget>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::DownsizingTarget>> {
        const v1::DownsizingTarget& t = request->downsizing_target();
        ASSIGN_OR_RETURN(auto ids, ParseName(kTarget, t.name(), "downsizing_target.name"));
        std::string school = ids[0], plan = ids[1];
        RETURN_IF_ERROR(RequireTargetWrite(caller, school));
        RETURN_IF_ERROR(platform::CheckUpdateMask(request->update_mask(),
                                                  {"baseline_civil_servants", "baseline_public_employees"}));
        return Mutation<v1::DownsizingTarget>(
            school, t.name(), [=, this]() -> absl::StatusOr<v1::DownsizingTarget> {
              std::optional<int> civil, employees;
              if (platform::MaskHas(request->update_mask(), "baseline_civil_servants")) {
                civil = t.baseline_civil_servants();
              }
              if (platform::MaskHas(request->update_mask(), "baseline_public_employees")) {
                employees = t.baseline_public_employees();
              }
              ASSIGN_OR_RETURN(DownsizingTarget target, desk_.SetBaselines(school, plan, civil, employees));
              return TargetToProto(target, *desk_.catalog().FindPlan(plan));
            });
      });
}

grpc::ServerUnaryReactor* StaffingServiceImpl::GetDownsizingProgress(
    Context* c, const v1::GetDownsizingProgressRequest* request, v1::DownsizingProgress* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kTarget, request->name(), "name"));
    RETURN_IF_ERROR(RequireCountsRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Date as_of, platform::DateFromProto(request->as_of(), "as_of"));
    ASSIGN_OR_RETURN(Progress progress, desk_.GetProgress(ids[0], ids[1], as_of));
    *response = ProgressToProto(progress);
    return absl::OkStatus();
  });
}

}  // namespace parhub::staffing
