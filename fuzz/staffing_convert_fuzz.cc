// The staffing service's requests as its adapter reads them before any
// store (services/staffing/rpc/convert.h, then the domain's CleanStaff):
// staff, quotas, ratings, downsizing records and their states,
// inspections, boards, meetings, patches with their update masks, and the
// rows of roster and e-mail usage imports. The first byte of each record
// picks the request message. Properties (convert_fuzz.h): a field error or
// a value that converts back to the same proto; CleanStaff refuses with a
// field error or gives staff that CleanStaff keeps as they are; every row
// of an import is exactly one entry or one row error naming its row and
// column.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/convert_fuzz.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/staffing/domain/staff_rules.h"
#include "services/staffing/rpc/convert.h"

namespace parhub::staffing {
namespace {

using fuzz::CheckRoundTrip;
using fuzz::Converted;
using fuzz::kSchool;
using fuzz::ParsePayload;

constexpr int kOps = 16;
const Date kToday{2026, 6, 15};

const DownsizingCatalog& Catalog() {
  static const auto* catalog = [] {
    auto loaded = LoadEmbeddedCatalog();
    FUZZ_CHECK(loaded.ok());
    return new DownsizingCatalog(loaded->catalog);
  }();
  return *catalog;
}

absl::StatusOr<Staff> CleanFromProto(const pb::Staff& p) {
  ASSIGN_OR_RETURN(Staff staff, StaffFromProto(p));
  return CleanStaff(std::move(staff), kToday, "staff.");
}

pb::Staff StaffProto(const Staff& s) { return StaffToProto(s, Visibility::kFull, Catalog(), kToday); }

// RecordFromProto leaves the staff member to the desk, which requires one:
// only a record naming its staff member has a name to give back.
absl::StatusOr<DownsizingRecord> RecordWithStaff(const pb::DownsizingRecord& p) {
  ASSIGN_OR_RETURN(DownsizingRecord record, RecordFromProto(p, kSchool));
  if (record.staff_id.empty()) return platform::InvalidField("downsizing_record.staff", "required");
  return record;
}

template <typename Row>
void CheckRows(int rows, const std::vector<Row>& parsed, const std::vector<platform::RowError>& errors) {
  FUZZ_CHECK(static_cast<int>(parsed.size() + errors.size()) == rows);
  std::vector<bool> seen(rows + 1, false);
  for (const Row& row : parsed) {
    FUZZ_CHECK(row.row >= 1 && row.row <= rows && !seen[row.row]);
    seen[row.row] = true;
  }
  for (const platform::RowError& e : errors) {
    FUZZ_CHECK(e.row >= 1 && e.row <= rows && !seen[e.row]);
    FUZZ_CHECK(!e.column.empty() && !e.message.empty());
    seen[e.row] = true;
  }
}

void Run(int op, std::string_view bytes) {
  switch (op) {
    case 0: {
      v1::CreateStaffRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(r.staff(), CleanFromProto, StaffProto);
      break;
    }
    case 1: {
      v1::UpdateStaffRequest r;
      if (ParsePayload(bytes, r)) Converted(StaffPatchFromProto(r.staff(), r.update_mask()));
      break;
    }
    case 2: {
      v1::ImportStaffRosterRequest r;
      if (!ParsePayload(bytes, r)) return;
      ParsedRoster parsed = RosterEntriesFromProto(r.rows());
      CheckRows(r.rows_size(), parsed.entries, parsed.errors);
      for (RosterEntry& entry : parsed.entries) Converted(CleanStaff(entry.staff, kToday, ""));
      break;
    }
    case 3: {
      v1::ImportCityEmailUsageRequest r;
      if (!ParsePayload(bytes, r)) return;
      ParsedEmailUsage parsed = EmailUsesFromProto(r.rows());
      CheckRows(r.rows_size(), parsed.uses, parsed.errors);
      break;
    }
    case 4: {
      v1::CreateStaffingQuotaRequest r;
      if (ParsePayload(bytes, r)) CheckRoundTrip(r.staffing_quota(), QuotaFromProto, QuotaToProto);
      break;
    }
    case 5: {
      v1::UpdateStaffingQuotaRequest r;
      if (ParsePayload(bytes, r)) Converted(QuotaPatchFromProto(r.staffing_quota(), r.update_mask()));
      break;
    }
    case 6: {
      v1::CreateRatingRequest r;
      if (ParsePayload(bytes, r)) CheckRoundTrip(r.rating(), RatingFromProto, RatingToProto);
      break;
    }
    case 7: {
      v1::UpdateRatingRequest r;
      if (!ParsePayload(bytes, r)) return;
      Converted(RatingPatchFromProto(r.rating(), r.update_mask()));
      auto period = ParseRatingPeriod(r.reason(), "rating.name");
      if (Converted(period)) FUZZ_CHECK(period->second >= 0 && period->second <= 4);
      break;
    }
    case 8: {
      v1::CreateDownsizingRecordRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(r.downsizing_record(), RecordWithStaff, RecordToProto);
      break;
    }
    case 9: {
      v1::UpdateDownsizingRecordRequest r;
      if (ParsePayload(bytes, r)) Converted(RecordPatchFromProto(r.downsizing_record(), r.update_mask()));
      break;
    }
    case 10: {
      v1::ListDownsizingRecordsRequest r;
      if (!ParsePayload(bytes, r)) return;
      auto states = StatesFromProto(r.states(), "states");
      if (Converted(states)) FUZZ_CHECK(states->size() <= static_cast<size_t>(r.states_size()));
      break;
    }
    case 11: {
      v1::CreateDisciplineInspectionRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(
          r.discipline_inspection(),
          [](const pb::DisciplineInspection& p) { return InspectionFromProto(p, kSchool); },
          InspectionToProto);
      break;
    }
    case 12: {
      v1::UpdateDisciplineInspectionRequest r;
      if (ParsePayload(bytes, r)) {
        Converted(InspectionPatchFromProto(r.discipline_inspection(), r.update_mask(), kSchool));
      }
      break;
    }
    case 13: {
      v1::UpdateInspectionBoardRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(
          r.inspection_board(), [](const pb::InspectionBoard& p) { return BoardFromProto(p, kSchool); },
          BoardToProto);
      break;
    }
    case 14: {
      v1::CreateBoardMeetingRequest r;
      if (!ParsePayload(bytes, r)) return;
      CheckRoundTrip(
          r.board_meeting(), [](const pb::BoardMeeting& p) { return MeetingFromProto(p, kSchool); },
          MeetingToProto);
      break;
    }
    default: {
      v1::UpdateBoardMeetingRequest r;
      if (ParsePayload(bytes, r))
        Converted(MeetingPatchFromProto(r.board_meeting(), r.update_mask(), kSchool));
      break;
    }
  }
}

std::vector<std::string> Seeds() {
  using fuzz::Record;
  v1::CreateStaffRequest staff;
  pb::Staff* s = staff.mutable_staff();
  s->set_staff_code("GV001");
  s->set_display_name("Nguyễn Thị Hoa");
  s->set_position("Giáo viên");
  s->set_employment_type(pb::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE);
  s->set_budget_paid(true);
  *s->mutable_start_date() = platform::DateToProto(Date{2015, 9, 1});
  s->set_status(pb::STAFF_STATUS_ACTIVE);
  s->set_city_email("hoa.nt@hcm.edu.vn");
  *s->mutable_birth_date() = platform::DateToProto(Date{1990, 3, 8});
  s->set_id_number("079190000123");
  v1::ImportStaffRosterRequest roster;
  roster.set_parent("schools/a");
  pb::RosterRow* row = roster.add_rows();
  row->set_staff_code("GV002");
  row->set_display_name("Lê Văn Nam");
  row->set_position("Bảo vệ");
  row->set_employment_type(pb::EMPLOYMENT_TYPE_CONTRACT);
  *row->mutable_start_date() = platform::DateToProto(Date{2020, 1, 2});
  roster.add_rows()->set_employment_type(static_cast<pb::EmploymentType>(99));
  v1::CreateStaffingQuotaRequest quota;
  quota.mutable_staffing_quota()->set_year(2026);
  v1::CreateRatingRequest rating;
  rating.mutable_rating()->set_name("schools/a/staff/gv001/ratings/2026-q2");
  rating.mutable_rating()->set_year(2026);
  rating.mutable_rating()->set_quarter(2);
  v1::CreateDownsizingRecordRequest record;
  record.mutable_downsizing_record()->set_staff("schools/a/staff/gv001");
  record.mutable_downsizing_record()->set_decree("178/2024/ND-CP");
  *record.mutable_downsizing_record()->mutable_proposed_date() = platform::DateToProto(Date{2026, 5, 1});
  v1::ListDownsizingRecordsRequest states;
  states.add_states(pb::DOWNSIZING_STATE_PROPOSED);
  v1::CreateBoardMeetingRequest meeting;
  meeting.mutable_board_meeting()->add_attendees("schools/a/staff/gv001");
  *meeting.mutable_board_meeting()->mutable_meeting_date() = platform::DateToProto(Date{2026, 6, 1});
  v1::UpdateStaffRequest update;
  update.mutable_staff()->set_position("Tổ trưởng");
  update.mutable_update_mask()->add_paths("position");
  return {std::string(1, '\0') + Record(0, staff) + Record(1, update),
          std::string(1, '\0') + Record(2, roster),
          std::string(1, '\0') + Record(4, quota) + Record(6, rating),
          std::string(1, '\0') + Record(8, record) + Record(10, states) + Record(14, meeting)};
}

}  // namespace
}  // namespace parhub::staffing

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::staffing::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parhub::fuzz::RecordReader reader(data, size);
  reader.Selector();
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < 8 && reader.Next(op, payload); ++n)
    parhub::staffing::Run(op % parhub::staffing::kOps, payload);
  return 0;
}
