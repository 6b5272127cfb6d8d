// The demo's reporting data (see demo_reporting.cc), loaded through the
// gateway with the demo accounts' keys like the rest of the demo.
#ifndef PARHUB_TOOLS_DEMO_DEMO_REPORTING_H_
#define PARHUB_TOOLS_DEMO_DEMO_REPORTING_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "tools/demo/demo_client.h"

namespace parhub::demo {

// A demo school as reporting needs it: its id, its short code (as in
// document numbers, e.g. "MN2010") and its authority since 1/7/2025.
struct ReportingSchool {
  std::string id;
  std::string code;
  std::string authority;
};

// Loads every school's 2023 official PAR result, the 2024 self-assessments
// (one appraised, one returned, one awaiting the ward), a draft 2026
// self-assessment and a parents' SIPAS survey answered through the public
// API for Trường Mầm non 20/10, and the quarterly CCHC reports of 2024 to
// 2026. `keys` holds the demo accounts' API keys ("ht-<school>",
// "can-bo-ben-thanh"). Safe to run again: every mutation has a fixed
// request id, and the survey is answered only up to its target.
absl::Status LoadReporting(DemoClient& base, const std::map<std::string, std::string>& keys,
                           const std::vector<ReportingSchool>& schools);

}  // namespace parhub::demo

#endif  // PARHUB_TOOLS_DEMO_DEMO_REPORTING_H_
