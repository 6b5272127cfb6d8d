// Input checks shared by the tasks domain classes. Each names the request
// field it checks (e.g. "task.code") in an INVALID_ARGUMENT, message in
// Vietnamese first, English in parentheses.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_VALIDATION_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_VALIDATION_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/tasks/domain/model.h"

namespace parhub::tasks {

// Length limits, in code points.
inline constexpr int kMaxCodeChars = 40;
inline constexpr int kMaxNumberChars = 60;
inline constexpr int kMaxTitleChars = 500;
inline constexpr int kMaxDescriptionChars = 5000;
inline constexpr int kMaxNameChars = 200;  // owners, issuers, authors
inline constexpr int kMaxDirectiveRefs = 30;
inline constexpr int kMaxEvidence = 20;

// A task code: 1-40 characters without spaces or control characters,
// e.g. "1.5", "2.a", "953/UBND-NV". Returned NFC-normalised.
absl::StatusOr<std::string> CleanTaskCode(absl::string_view code, absl::string_view field);
// "" or one of ParFieldCodes().
absl::Status ValidateParField(absl::string_view code, absl::string_view field);
// 0-100.
absl::Status ValidatePercent(int percent, absl::string_view field);
// A plan's year: 2000-2100.
absl::Status ValidateYear(int year, absl::string_view field);
// A plan for `year` is issued late in the year before or during the year:
// unset, or from 1 October of year - 1 to 31 December of year.
absl::Status ValidateIssueDate(Date issue_date, int year, absl::string_view field);
// The first day work on a plan can have been done: its issue date, else the
// earliest issue date ValidateIssueDate allows.
Date EarliestWorkDay(Date issue_date, int year);
// Each reference 1-500 characters, at most kMaxDirectiveRefs of them.
absl::StatusOr<std::vector<std::string>> CleanDirectiveRefs(const std::vector<std::string>& refs,
                                                            absl::string_view field);
// Evidence items: each needs at least one of its fields; links are absolute
// http(s) URLs (platform::ValidateHttpUrl); sha256 is 64 lowercase hex
// digits. `field` is e.g. "progress_update.evidence".
absl::StatusOr<std::vector<Evidence>> CleanEvidence(const std::vector<Evidence>& evidence,
                                                    absl::string_view field);

// 64 lowercase hex digits (a SHA-256 as evidence cites it).
bool IsLowerHex64(absl::string_view s);

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_VALIDATION_H_
