// The official SIPAS result beside the school's own. The authority (or the
// city) publishes, per unit and year, an overall satisfaction index and the
// five factors' indices in a named document; the school imports it and sees
// it next to what its own parents' surveys of that year give, factor by
// factor, with the difference in points and a one-line reading:
//
//   Trường tự khảo sát 91,2%, kết quả chính thức 84,0% (−7,2 điểm)
//
// The own side is SipasDesk::Figures over 1/1–31/12 of the year (the
// parents' surveys, as ReportingSummary counts them): a factor's index is
// the satisfied share (4–5 over 1–5) of its answers, the overall the mean of
// the factor indices that have answers. A side that is missing is absent,
// and the reading says so.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_COMPARISON_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_COMPARISON_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "platform/core/caller.h"
#include "services/reporting/domain/sipas_desk.h"
#include "services/reporting/domain/sipas_store.h"

namespace parhub::reporting {

// Who may import an official SIPAS result: the school's admins, or an
// authority officer of its subtree (as ImportOfficialParResult). Another
// school is NOT_FOUND.
absl::Status RequireOfficialSipasImport(const Caller& caller, const std::string& school_id);

class SipasComparisons final {
 public:
  SipasComparisons(SipasStore& store, SipasDesk& sipas, std::function<absl::Time()> clock)
      : store_(store), sipas_(sipas), clock_(std::move(clock)) {}

  // The result as it will be stored, without access check or database:
  // INVALID_ARGUMENT naming the field for a year outside 2000..2100, an
  // index outside 0..100, an unknown or repeated factor, a missing
  // document number, a missing or impossible document date, one before the
  // year or in the future. Indices are rounded to two decimals and the
  // factors put in questionnaire order.
  absl::StatusOr<v1::OfficialSipasResult> Check(const std::string& school_id, int year,
                                                const v1::OfficialSipasResult& in) const;
  // Checks access and input, then stores the result, replacing an earlier
  // import of the year.
  absl::StatusOr<v1::OfficialSipasResult> Import(const Caller& caller, const std::string& school_id, int year,
                                                 const v1::OfficialSipasResult& in);
  // The official result of `year` (0: the latest imported) beside the
  // school's own; NOT_FOUND when no official result was imported.
  absl::StatusOr<v1::SipasComparison> Compare(const Caller& caller, const std::string& school_id, int year);

 private:
  SipasStore& store_;
  SipasDesk& sipas_;
  std::function<absl::Time()> clock_;
};

// "91,2%": one decimal, decimal comma.
std::string SipasPercentText(double percent);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_COMPARISON_H_
