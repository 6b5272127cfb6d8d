// Unit tests of the PAR-improvement template's content.
#include "services/tasks/domain/plan_templates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/date.h"
#include "platform/core/vntext.h"
#include "platform/testing/status_matchers.h"

namespace parhub::tasks {
namespace {

using ::testing::HasSubstr;

TEST(PlanTemplates, ParImprovementHasTheSeedsTwelveTasks) {
  const PlanTemplate* t = PlanTemplates::Find("par-improvement");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->tasks.size(), 12u);
  std::set<std::string> fields;
  for (size_t i = 0; i < t->tasks.size(); ++i) {
    const TemplateTask& task = t->tasks[i];
    EXPECT_EQ(task.code, absl::StrCat("1.", i + 1));
    EXPECT_TRUE(IsParFieldCode(task.par_field)) << task.code;
    EXPECT_TRUE(platform::MakeDate(2024, task.due_month, task.due_day, "due").ok()) << task.code;
    // Stored text is NFC already, so it round-trips byte for byte.
    auto nfc = platform::NormalizeNfc(task.title, "title");
    ASSERT_TRUE(nfc.ok());
    EXPECT_EQ(*nfc, task.title);
    fields.insert(task.par_field);
  }
  EXPECT_GE(fields.size(), 6u);
  EXPECT_EQ(t->tasks[4].title, "Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)");
  EXPECT_THAT(t->tasks[11].title, HasSubstr("SIPAS"));
  // Reporting to the authority is due "trước ngày 10 tháng 6".
  EXPECT_EQ(t->tasks[0].due_month, 6);
  EXPECT_EQ(t->tasks[0].due_day, 10);
}

TEST(PlanTemplates, FillsTheYear) {
  EXPECT_EQ(PlanTemplates::FillYear("năm {year} và {year}", 2025), "năm 2025 và 2025");
  EXPECT_EQ(PlanTemplates::Find("nope"), nullptr);
}

}  // namespace
}  // namespace parhub::tasks
