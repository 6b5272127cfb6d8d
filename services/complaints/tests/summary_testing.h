// What the complaints summary tests share: the embedded rules (loaded once,
// as the service loads them) and the check that a batch answers each school
// exactly as Summarize does, every field compared.
#ifndef PARHUB_SERVICES_COMPLAINTS_TESTS_SUMMARY_TESTING_H_
#define PARHUB_SERVICES_COMPLAINTS_TESTS_SUMMARY_TESTING_H_

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/complaints/domain/complaints_summarizer.h"
#include "services/complaints/rpc/convert.h"
#include "services/complaints/rpc/refdata.h"

namespace parhub::complaints {

inline const DeadlineRules& EmbeddedRules() {
  static const LoadedRules* loaded = [] {
    auto rules = LoadEmbeddedRules();
    EXPECT_TRUE(rules.ok()) << rules.status();
    return new LoadedRules(std::move(*rules));
  }();
  return *loaded->rules;
}

// `batch` is SummarizeSchools(asked, from, to).
inline void ExpectEachAsAlone(ComplaintsSummarizer& summarizer, const std::vector<std::string>& asked,
                              Date from, Date to, const std::vector<ComplaintSummary>& batch) {
  ASSERT_EQ(batch.size(), asked.size());
  for (size_t i = 0; i < asked.size(); ++i) {
    absl::StatusOr<ComplaintSummary> alone = summarizer.Summarize(asked[i], from, to);
    ASSERT_TRUE(alone.ok()) << alone.status();
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(SummaryToProto(asked[i], *alone), SummaryToProto(asked[i], batch[i])))
        << asked[i] << ": " << diff;
  }
}

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_TESTS_SUMMARY_TESTING_H_
