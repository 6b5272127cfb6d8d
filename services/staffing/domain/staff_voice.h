// StaffVoice: task 1.8 — staff suggestions on the school's rules and
// policies with the school's answers, and the people's inspection board
// (Ban Thanh tra nhân dân): its members and term, its meetings' minutes and
// recommendations with the school's follow-up. An anonymous suggestion keeps
// no author at all. Board members and attendees are staff of the school
// (one head at most); meetings and answers are not dated in the future.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_VOICE_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_VOICE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct MeetingPatch final {
  std::optional<std::string> minutes;
  std::optional<std::vector<std::string>> attendee_ids;
  std::optional<std::vector<BoardRecommendation>> recommendations;
};

class StaffVoice final {
 public:
  StaffVoice(StaffingStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // `author` is the sender's account; it is dropped when anonymous.
  absl::StatusOr<StaffSuggestion> CreateSuggestion(const std::string& school_id, StaffSuggestion draft,
                                                   const std::string& author);
  absl::StatusOr<platform::Page<StaffSuggestion>> ListSuggestions(const std::string& school_id,
                                                                  SuggestionState state, int page_size,
                                                                  absl::string_view page_token);
  absl::StatusOr<StaffSuggestion> AnswerSuggestion(const std::string& school_id,
                                                   const std::string& suggestion_id,
                                                   const std::string& answer, const std::string& answered_by);

  // The board; before it is first set, an empty one (no members).
  absl::StatusOr<InspectionBoard> GetBoard(const std::string& school_id);
  absl::StatusOr<InspectionBoard> SetBoard(const std::string& school_id, InspectionBoard board);

  absl::StatusOr<BoardMeeting> CreateMeeting(const std::string& school_id, BoardMeeting draft);
  absl::StatusOr<platform::Page<BoardMeeting>> ListMeetings(const std::string& school_id, int page_size,
                                                            absl::string_view page_token);
  absl::StatusOr<BoardMeeting> UpdateMeeting(const std::string& school_id, const std::string& meeting_id,
                                             const MeetingPatch& patch);

 private:
  Date Today() const;
  absl::StatusOr<BoardMeeting> CleanMeeting(BoardMeeting meeting) const;
  absl::Status CheckStaff(const std::string& school_id, const std::string& staff_id,
                          const std::string& field) const;

  StaffingStore& store_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_VOICE_H_
