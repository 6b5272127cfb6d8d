// Staff suggestions and the people's inspection board (see staff_voice.h).
#include "services/staffing/domain/staff_voice.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr int kMaxMembers = 30;
constexpr int kMaxRecommendations = 50;
constexpr int kMaxAttendees = 100;
constexpr int kMaxMinutesChars = 10000;  // ≤ 40 KB of UTF-8: fits the TEXT column

absl::StatusOr<std::optional<DatedCursor>> DecodeDatedKey(const std::string& key) {
  if (key.empty()) return std::optional<DatedCursor>{};
  size_t slash = key.find('/');
  if (slash == std::string::npos || slash + 1 == key.size()) return platform::InvalidPageToken();
  absl::StatusOr<Date> date = platform::ParseDate(key.substr(0, slash), "page_token");
  if (!date.ok()) return platform::InvalidPageToken();
  return std::optional<DatedCursor>(DatedCursor{*date, key.substr(slash + 1)});
}

}  // namespace

Date StaffVoice::Today() const { return platform::LocalDate(clock_()); }

absl::Status StaffVoice::CheckStaff(const std::string& school_id, const std::string& staff_id,
                                    const std::string& field) const {
  absl::StatusOr<Staff> staff = store_.GetStaff(school_id, staff_id, Lock::kNone);
  if (absl::IsNotFound(staff.status())) {
    return InvalidField(field, "không có nhân sự này trong trường (no such staff member)");
  }
  return staff.status();
}

absl::StatusOr<StaffSuggestion> StaffVoice::CreateSuggestion(const std::string& school_id, StaffSuggestion s,
                                                             const std::string& author) {
  ASSIGN_OR_RETURN(s.topic, CleanText(s.topic, "staff_suggestion.topic", 200, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(s.content,
                   CleanText(s.content, "staff_suggestion.content", 5000, true, TextLines::kMulti));
  s.school_id = school_id;
  s.suggestion_id = absl::StrCat("yk-", platform::RandomHex(5));
  s.submitted_by = s.anonymous ? "" : author;
  s.submit_date = Today();
  s.state = SuggestionState::kOpen;
  s.answer.clear();
  s.answer_date = Date{};
  s.answered_by.clear();
  s.create_time = NowMicros(clock_);
  RETURN_IF_ERROR(store_.InsertSuggestion(s));
  return s;
}

absl::StatusOr<platform::Page<StaffSuggestion>> StaffVoice::ListSuggestions(const std::string& school_id,
                                                                            SuggestionState state,
                                                                            int page_size,
                                                                            absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  ASSIGN_OR_RETURN(std::optional<DatedCursor> after, DecodeDatedKey(page.after));
  ASSIGN_OR_RETURN(auto rows, store_.ListSuggestions(school_id, state, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const StaffSuggestion& s) {
    return absl::StrCat(s.submit_date.ToIso(), "/", s.suggestion_id);
  });
}

absl::StatusOr<StaffSuggestion> StaffVoice::AnswerSuggestion(const std::string& school_id,
                                                             const std::string& suggestion_id,
                                                             const std::string& answer_text,
                                                             const std::string& answered_by) {
  ASSIGN_OR_RETURN(std::string answer, CleanText(answer_text, "answer", 5000, true, TextLines::kMulti));
  StaffSuggestion s;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(s, store_.GetSuggestion(school_id, suggestion_id, Lock::kForUpdate));
    s.answer = answer;
    s.answer_date = Today();
    s.answered_by = answered_by;
    s.state = SuggestionState::kAnswered;
    return store_.UpdateSuggestion(s);
  }));
  return s;
}

absl::StatusOr<InspectionBoard> StaffVoice::GetBoard(const std::string& school_id) {
  absl::StatusOr<InspectionBoard> board = store_.GetBoard(school_id, Lock::kNone);
  if (!absl::IsNotFound(board.status())) return board;
  InspectionBoard empty;
  empty.school_id = school_id;
  empty.update_time = absl::InfinitePast();
  return empty;
}

absl::StatusOr<InspectionBoard> StaffVoice::SetBoard(const std::string& school_id, InspectionBoard board) {
  if (board.members.size() > static_cast<size_t>(kMaxMembers)) {
    return InvalidField("inspection_board.members",
                        absl::StrCat("tối đa ", kMaxMembers, " người (too many)"));
  }
  std::set<std::string> seen;
  int heads = 0;
  for (size_t i = 0; i < board.members.size(); ++i) {
    const BoardMember& m = board.members[i];
    std::string at = absl::StrCat("inspection_board.members[", i, "]");
    if (m.role == BoardRole::kUnspecified) {
      return InvalidField(absl::StrCat(at, ".role"), "phải chọn vai trò (role is required)");
    }
    if (!seen.insert(m.staff_id).second) {
      return InvalidField(absl::StrCat(at, ".staff"), "người này đã có trong ban (listed twice)");
    }
    heads += m.role == BoardRole::kHead ? 1 : 0;
    RETURN_IF_ERROR(CheckStaff(school_id, m.staff_id, absl::StrCat(at, ".staff")));
  }
  if (heads > 1)
    return InvalidField("inspection_board.members", "ban chỉ có một trưởng ban (one head at most)");
  if (board.term_start.IsSet() && board.term_end.IsSet() && board.term_end < board.term_start) {
    return InvalidField("inspection_board.term_end",
                        "kết thúc nhiệm kỳ trước khi bắt đầu (term ends before start)");
  }
  ASSIGN_OR_RETURN(board.decision_number, CleanText(board.decision_number, "inspection_board.decision_number",
                                                    60, false, TextLines::kSingle));
  board.school_id = school_id;
  board.update_time = NowMicros(clock_);
  RETURN_IF_ERROR(store_.Atomically([&] { return store_.PutBoard(board); }));
  return board;
}

absl::StatusOr<BoardMeeting> StaffVoice::CleanMeeting(BoardMeeting m) const {
  if (!m.meeting_date.IsSet())
    return InvalidField("board_meeting.meeting_date", "phải có ngày họp (date required)");
  if (m.meeting_date > Today()) {
    return InvalidField("board_meeting.meeting_date", "ngày họp ở tương lai (meeting date in the future)");
  }
  ASSIGN_OR_RETURN(m.minutes,
                   CleanText(m.minutes, "board_meeting.minutes", kMaxMinutesChars, false, TextLines::kMulti));
  if (m.attendee_ids.size() > static_cast<size_t>(kMaxAttendees)) {
    return InvalidField("board_meeting.attendees",
                        absl::StrCat("tối đa ", kMaxAttendees, " người (too many)"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < m.attendee_ids.size(); ++i) {
    std::string at = absl::StrCat("board_meeting.attendees[", i, "]");
    if (!seen.insert(m.attendee_ids[i]).second) return InvalidField(at, "lặp lại (listed twice)");
    RETURN_IF_ERROR(CheckStaff(m.school_id, m.attendee_ids[i], at));
  }
  if (m.recommendations.size() > static_cast<size_t>(kMaxRecommendations)) {
    return InvalidField("board_meeting.recommendations",
                        absl::StrCat("tối đa ", kMaxRecommendations, " kiến nghị (too many)"));
  }
  for (size_t i = 0; i < m.recommendations.size(); ++i) {
    BoardRecommendation& r = m.recommendations[i];
    std::string at = absl::StrCat("board_meeting.recommendations[", i, "]");
    ASSIGN_OR_RETURN(r.content,
                     CleanText(r.content, absl::StrCat(at, ".content"), 2000, true, TextLines::kMulti));
    ASSIGN_OR_RETURN(r.response,
                     CleanText(r.response, absl::StrCat(at, ".response"), 2000, false, TextLines::kMulti));
    if (r.due_date.IsSet() && r.due_date < m.meeting_date) {
      return InvalidField(absl::StrCat(at, ".due_date"), "hạn trước ngày họp (deadline before the meeting)");
    }
    if (r.resolved_date.IsSet() && (r.resolved_date < m.meeting_date || r.resolved_date > Today())) {
      return InvalidField(absl::StrCat(at, ".resolved_date"),
                          "ngày giải quyết phải từ ngày họp đến hôm nay (between the meeting and today)");
    }
  }
  return m;
}

absl::StatusOr<BoardMeeting> StaffVoice::CreateMeeting(const std::string& school_id, BoardMeeting draft) {
  draft.school_id = school_id;
  draft.meeting_id = absl::StrCat("hop-", platform::RandomHex(5));
  ASSIGN_OR_RETURN(BoardMeeting meeting, CleanMeeting(std::move(draft)));
  meeting.update_time = NowMicros(clock_);
  RETURN_IF_ERROR(store_.Atomically([&] { return store_.InsertMeeting(meeting); }));
  return meeting;
}

absl::StatusOr<platform::Page<BoardMeeting>> StaffVoice::ListMeetings(const std::string& school_id,
                                                                      int page_size,
                                                                      absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  ASSIGN_OR_RETURN(std::optional<DatedCursor> after, DecodeDatedKey(page.after));
  ASSIGN_OR_RETURN(auto rows, store_.ListMeetings(school_id, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const BoardMeeting& m) {
    return absl::StrCat(m.meeting_date.ToIso(), "/", m.meeting_id);
  });
}

absl::StatusOr<BoardMeeting> StaffVoice::UpdateMeeting(const std::string& school_id,
                                                       const std::string& meeting_id,
                                                       const MeetingPatch& patch) {
  BoardMeeting meeting;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(meeting, store_.GetMeeting(school_id, meeting_id, Lock::kForUpdate));
    if (patch.minutes) meeting.minutes = *patch.minutes;
    if (patch.attendee_ids) meeting.attendee_ids = *patch.attendee_ids;
    if (patch.recommendations) meeting.recommendations = *patch.recommendations;
    ASSIGN_OR_RETURN(meeting, CleanMeeting(std::move(meeting)));
    meeting.update_time = NowMicros(clock_);
    return store_.UpdateMeeting(meeting);
  }));
  return meeting;
}

}  // namespace parhub::staffing
