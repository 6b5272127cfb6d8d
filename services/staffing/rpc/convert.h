// parhub.staffing.v1 ↔ staffing domain. Personal data (birth date, identity
// number, circumstances) is written into a Staff message only when the
// caller may see it (`Visibility::kFull`).
#ifndef PARHUB_SERVICES_STAFFING_RPC_CONVERT_H_
#define PARHUB_SERVICES_STAFFING_RPC_CONVERT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "parhub/staffing/v1/staffing.pb.h"
#include "services/staffing/domain/downsizing_desk.h"
#include "services/staffing/domain/inspection_book.h"
#include "services/staffing/domain/rating_book.h"
#include "services/staffing/domain/roster.h"
#include "services/staffing/domain/staff_voice.h"
#include "services/staffing/domain/staffing_summarizer.h"

namespace parhub::staffing {

namespace pb = ::parhub::staffing::v1;

enum class Visibility { kFull, kNoPersonalData };

// Staff → proto as of `today` (derived e-mail state, exemption today).
pb::Staff StaffToProto(const Staff& staff, Visibility visibility, const DownsizingCatalog& catalog,
                       Date today);
absl::StatusOr<Staff> StaffFromProto(const pb::Staff& staff);
absl::StatusOr<StaffPatch> StaffPatchFromProto(const pb::Staff& staff,
                                               const google::protobuf::FieldMask& mask);
// Rows sent parsed; row numbers are index + 1, and a row with an unknown
// enum or impossible date is that row's error.
ParsedRoster RosterEntriesFromProto(const google::protobuf::RepeatedPtrField<pb::RosterRow>& rows);
pb::ImportStaffRosterResponse ImportResultToProto(const ImportResult& result);

pb::StaffingQuota QuotaToProto(const StaffingQuota& quota);
absl::StatusOr<StaffingQuota> QuotaFromProto(const pb::StaffingQuota& quota);
absl::StatusOr<QuotaPatch> QuotaPatchFromProto(const pb::StaffingQuota& quota,
                                               const google::protobuf::FieldMask& mask);

pb::Rating RatingToProto(const Rating& rating);
absl::StatusOr<Rating> RatingFromProto(const pb::Rating& rating);
absl::StatusOr<RatingPatch> RatingPatchFromProto(const pb::Rating& rating,
                                                 const google::protobuf::FieldMask& mask);
// "2024-q3" → (2024, 3); "2024" → (2024, 0). INVALID_ARGUMENT on `field`.
absl::StatusOr<std::pair<int, int>> ParseRatingPeriod(absl::string_view period, absl::string_view field);

pb::DownsizingRecord RecordToProto(const DownsizingRecord& record);
// `staff` must be "schools/{school_id}/staff/{id}".
absl::StatusOr<DownsizingRecord> RecordFromProto(const pb::DownsizingRecord& record,
                                                 const std::string& school_id);
absl::StatusOr<RecordPatch> RecordPatchFromProto(const pb::DownsizingRecord& record,
                                                 const google::protobuf::FieldMask& mask);
absl::StatusOr<std::vector<DownsizingState>> StatesFromProto(
    const google::protobuf::RepeatedField<int>& states, absl::string_view field);

pb::DownsizingCandidate CandidateToProto(const Candidate& candidate);
pb::DownsizingTarget TargetToProto(const DownsizingTarget& target, const TargetPlan& plan);
pb::DownsizingTargetPlan PlanToProto(const TargetPlan& plan);
pb::DownsizingProgress ProgressToProto(const Progress& progress);
// Lines ordered by progress, lowest first (then by school).
pb::DownsizingProgressRollup RollupToProto(const ProgressRollup& rollup);

// As RosterEntriesFromProto, for the usage report's rows.
ParsedEmailUsage EmailUsesFromProto(const google::protobuf::RepeatedPtrField<pb::CityEmailUsageRow>& rows);
pb::ImportCityEmailUsageResponse EmailUsageResultToProto(const EmailUsageResult& result);

pb::DisciplineInspection InspectionToProto(const DisciplineInspection& inspection);
absl::StatusOr<DisciplineInspection> InspectionFromProto(const pb::DisciplineInspection& inspection,
                                                         const std::string& school_id);
absl::StatusOr<InspectionPatch> InspectionPatchFromProto(const pb::DisciplineInspection& inspection,
                                                         const google::protobuf::FieldMask& mask,
                                                         const std::string& school_id);

// Suggestions show their author only when `show_author` (school admins).
pb::StaffSuggestion SuggestionToProto(const StaffSuggestion& suggestion, bool show_author);
pb::InspectionBoard BoardToProto(const InspectionBoard& board);
absl::StatusOr<InspectionBoard> BoardFromProto(const pb::InspectionBoard& board,
                                               const std::string& school_id);
pb::BoardMeeting MeetingToProto(const BoardMeeting& meeting);
absl::StatusOr<BoardMeeting> MeetingFromProto(const pb::BoardMeeting& meeting, const std::string& school_id);
absl::StatusOr<MeetingPatch> MeetingPatchFromProto(const pb::BoardMeeting& meeting,
                                                   const google::protobuf::FieldMask& mask,
                                                   const std::string& school_id);

pb::StaffingSummary SummaryToProto(const std::string& school_id, const StaffingFigures& figures);

// The catalog's reference data (data/staffing/downsizing.json) → domain,
// checked by DownsizingCatalog::Make.
absl::StatusOr<DownsizingCatalog> CatalogFromProto(const pb::DownsizingCatalog& catalog);
// Parses the JSON text of a DownsizingCatalog (proto3 JSON mapping; unknown
// fields are errors).
absl::StatusOr<pb::DownsizingCatalog> ParseCatalogJson(absl::string_view json);

// The catalog embedded at build time (data/staffing/downsizing.json): the
// message as read (served by GetDownsizingCatalog) and its checked domain form.
struct LoadedCatalog final {
  pb::DownsizingCatalog proto;
  DownsizingCatalog catalog;
};
absl::StatusOr<LoadedCatalog> LoadEmbeddedCatalog();

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_RPC_CONVERT_H_
