// Error texts in the language asked for: the server's bilingual messages,
// request fields named by their options, the parser's messages in Vietnamese.
#include "cli/messages.h"

#include "gtest/gtest.h"

namespace parhub::cli {
namespace {

TEST(PickLanguage, TakesThePartInTheLanguageAsked) {
  const char* both = "Báo cáo định kỳ chỉ lãnh đạo trường xem được (school admins only)";
  EXPECT_EQ(PickLanguage(both, false), "Báo cáo định kỳ chỉ lãnh đạo trường xem được");
  EXPECT_EQ(PickLanguage(both, true), "school admins only");
  // A field prefix stays in front of the English part.
  const char* field = "progress_update.percent_done: phải từ 0 đến 100, nhận được 150 (must be 0-100)";
  EXPECT_EQ(PickLanguage(field, false), "progress_update.percent_done: phải từ 0 đến 100, nhận được 150");
  EXPECT_EQ(PickLanguage(field, true), "progress_update.percent_done: must be 0-100");
  // A quoted name with diacritics inside the English part is still English.
  EXPECT_EQ(PickLanguage("Không tìm thấy trường 'Mầm non 20/10' (no school 'Mầm non 20/10')", true),
            "no school 'Mầm non 20/10'");
}

TEST(PickLanguage, LeavesOneLanguageMessagesWhole) {
  EXPECT_EQ(PickLanguage("Không tìm thấy báo cáo 'cchc-2024-q1'", true),
            "Không tìm thấy báo cáo 'cchc-2024-q1'");
  EXPECT_EQ(PickLanguage("pdf: document already finished", false), "pdf: document already finished");
  EXPECT_EQ(PickLanguage("unknown source (staffing)", false), "unknown source (staffing)");
  // A Vietnamese parenthesis is part of the Vietnamese text.
  EXPECT_EQ(PickLanguage("Hạn giải quyết 20/03/2027 (ước tính)", true),
            "Hạn giải quyết 20/03/2027 (ước tính)");
  EXPECT_EQ(PickLanguage("năm phải trong khoảng 2000..2100 (2000..2100)", true),
            "năm phải trong khoảng 2000..2100 (2000..2100)");
  EXPECT_EQ(PickLanguage("", true), "");
}

TEST(OptionForField, NamesTheOptionThatSetTheField) {
  std::vector<std::string> progress = {"--school",     "--plan",      "--task", "--percent", "--note",
                                       "--doc-number", "--doc-title", "--link", "--sha256"};
  EXPECT_EQ(OptionForField("progress_update.percent_done", progress), "--percent");
  EXPECT_EQ(OptionForField("progress_update.note", progress), "--note");
  EXPECT_EQ(OptionForField("progress_update.evidence[0].sha256", progress), "--sha256");
  EXPECT_EQ(OptionForField("progress_update.evidence[0].uri", progress), "--link");
  EXPECT_EQ(OptionForField("progress_update.evidence[0].title", progress), "--doc-title");
  EXPECT_EQ(OptionForField("progress_update.evidence[0].document_number", progress), "--doc-number");
  std::vector<std::string> create = {"--school", "--plan",      "--code", "--title",
                                     "--due",    "--par-field", "--owner"};
  EXPECT_EQ(OptionForField("task.due_date", create), "--due");
  EXPECT_EQ(OptionForField("task.par_field", create), "--par-field");
  EXPECT_EQ(OptionForField("task.title", create), "--title");
  std::vector<std::string> account = {"--id", "--name", "--email", "--role", "--issue-date", "--issue"};
  EXPECT_EQ(OptionForField("account.display_name", account), "--name");
  EXPECT_EQ(OptionForField("issue_date", account), "--issue-date");
  EXPECT_EQ(OptionForField("request_id", create), "");
  EXPECT_EQ(OptionForField("", create), "");
}

TEST(ParseErrorText, SaysTheParsersMessagesInVietnamese) {
  EXPECT_EQ(ParseErrorText("RequiredError", "--plan is required", false), "thiếu tuỳ chọn bắt buộc --plan");
  EXPECT_EQ(ParseErrorText("RequiredError", "A subcommand is required", false),
            "thiếu lệnh con (xem --help)");
  EXPECT_EQ(ParseErrorText("ConversionError", "Could not convert: --percent = abc", false),
            "--percent: không đọc được giá trị 'abc'");
  EXPECT_EQ(ParseErrorText("ValidationError", "--output: xml not in {table,json}", false),
            "--output: 'xml' không phải một trong {table,json}");
  EXPECT_EQ(ParseErrorText("ValidationError", "--year: Value 1990 not in range 2000 to 2100", false),
            "--year: '1990' phải từ 2000 đến 2100");
  EXPECT_EQ(ParseErrorText("ExtrasError", "The following argument was not expected: --bogus", false),
            "không hiểu đối số: --bogus");
  EXPECT_EQ(ParseErrorText("ArgumentMismatch", "--plan: 1 required TEXT missing", false),
            "--plan: thiếu giá trị");
  EXPECT_EQ(ParseErrorText("ExcludesError", "--key excludes --key-file", false),
            "không dùng --key cùng với --key-file");
  // English keeps CLI11's text; an unknown message is kept too.
  EXPECT_EQ(ParseErrorText("RequiredError", "--plan is required", true), "--plan is required");
  EXPECT_EQ(ParseErrorText("HorribleError", "something odd", false), "something odd");
}

}  // namespace
}  // namespace parhub::cli
