// Pulls with a last-good fallback (see source_pulls.h).
#include "services/reporting/domain/source_pulls.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {

const std::set<std::string>& RemoteSources() {
  static const auto* const kSources = new std::set<std::string>{"tasks", "staffing", "finance", "complaints"};
  return *kSources;
}

std::unique_ptr<google::protobuf::Message> NewSummary(const std::string& source) {
  if (source == "tasks") return std::make_unique<parhub::tasks::v1::TaskSummary>();
  if (source == "staffing") return std::make_unique<parhub::staffing::v1::StaffingSummary>();
  if (source == "finance") return std::make_unique<parhub::finance::v1::FinanceSummary>();
  if (source == "complaints") return std::make_unique<parhub::complaints::v1::ComplaintSummary>();
  if (source == "reporting") return std::make_unique<v1::ReportingSummary>();
  return nullptr;
}

absl::StatusOr<PulledSummaries> SourcePulls::Pull(const std::string& school_id, platform::Date start,
                                                  platform::Date end, const std::set<std::string>& sources,
                                                  absl::Time deadline) {
  FetchResults fetched = source_.Fetch(school_id, start, end, sources, deadline);
  const absl::Time now = clock_();
  PulledSummaries out;
  for (const std::string& source : sources) {
    PulledSummary& pulled = out[source];
    auto it = fetched.find(source);
    if (it != fetched.end() && it->second.ok() && *it->second != nullptr) {
      pulled.summary = *it->second;
      pulled.pull_time = now;
      RETURN_IF_ERROR(store_.SavePull(school_id, source, start, end,
                                      StoredPull{now, pulled.summary->SerializeAsString()}));
      continue;
    }
    const absl::Status failure =
        it == fetched.end() ? absl::UnavailableError("không được hỏi") : it->second.status();
    pulled.error = absl::StrCat(absl::StatusCodeToString(failure.code()), ": ", failure.message());
    ASSIGN_OR_RETURN(auto last, store_.LastPull(school_id, source, start, end));
    std::unique_ptr<google::protobuf::Message> summary = NewSummary(source);
    if (last.has_value() && summary != nullptr && summary->ParseFromString(last->summary)) {
      pulled.summary = std::move(summary);
      pulled.pull_time = last->pull_time;
      pulled.stale = true;
    }
  }
  return out;
}

}  // namespace parhub::reporting
