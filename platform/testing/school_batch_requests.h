// The bad school lists every BatchSummarize* method must refuse, naming the
// field, whatever service serves it: a repeated school ("schools[n]"), a
// malformed name ("schools[1]"), none and more than 5,000 ("schools").
//
//   ExpectBadSchoolListsRefused(good_request, [&](const Request& r) {
//     return stub->BatchSummarizeX(server.Context(service, "BatchSummarizeX").get(), r, &response);
//   });
#ifndef PARHUB_PLATFORM_TESTING_SCHOOL_BATCH_REQUESTS_H_
#define PARHUB_PLATFORM_TESTING_SCHOOL_BATCH_REQUESTS_H_

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "platform/core/school_batch.h"
#include "platform/testing/in_process_server.h"

namespace parhub::testing {

// `good` names at least two schools; `call` sends a request as a service.
template <typename Request, typename Call>
void ExpectBadSchoolListsRefused(const Request& good, Call call) {
  Request bad = good;
  bad.add_schools(good.schools(0));
  EXPECT_EQ(ViolatedField(call(bad)), absl::StrCat("schools[", good.schools_size(), "]")) << "a repeat";
  bad = good;
  bad.set_schools(1, "truong/" + good.schools(1));
  EXPECT_EQ(ViolatedField(call(bad)), "schools[1]") << "a malformed name";
  bad.clear_schools();
  EXPECT_EQ(ViolatedField(call(bad)), "schools") << "no school";
  for (int i = 0; i <= platform::kMaxBatchSchools; ++i) bad.add_schools(absl::StrCat("schools/s", i));
  EXPECT_EQ(ViolatedField(call(bad)), "schools") << "too many";
}

}  // namespace parhub::testing

#endif  // PARHUB_PLATFORM_TESTING_SCHOOL_BATCH_REQUESTS_H_
