// CSV uploads: RFC 4180 splitting with line numbers, and the shared table
// checks (byte-order mark, header columns, size and row limits, cells).
#include "platform/core/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::platform {
namespace {

using ::testing::HasSubstr;

TEST(SplitCsv, QuotesCommasLineBreaksAndCrlf) {
  auto records = SplitCsv("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x,\r\nlast");
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a", "b,c", "d\"e"}));
  EXPECT_EQ((*records)[1].line, 2);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"multi\nline", "x", ""}));
  EXPECT_EQ((*records)[2].line, 4);
  EXPECT_THAT(SplitCsv("a,\"open\n").status().message(), HasSubstr("dòng 1"));
  EXPECT_EQ(SplitCsv("a,b\"c\n").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ReadCsvTable, ChecksHeaderLimitsAndReadsCellsByName) {
  auto table = ReadCsvTable("\xEF\xBB\xBF B , a\r\n2,1\r\n\r\n", {"a"}, {"b"});
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->records.size(), 2u) << "trailing blank line dropped";
  EXPECT_EQ(table->Cell(table->records[1], "a"), "1");
  EXPECT_EQ(table->Cell(table->records[1], "b"), "2");
  EXPECT_EQ(table->Cell(table->records[1], "c"), "");
  EXPECT_THAT(ReadCsvTable("b\n1\n", {"a"}, {"b"}).status().message(), HasSubstr("thiếu cột a"));
  EXPECT_THAT(ReadCsvTable("a,x\n1,2\n", {"a"}, {}).status().message(), HasSubstr("cột 2"));
  EXPECT_THAT(ReadCsvTable("a,a\n", {"a"}, {}).status().message(), HasSubstr("lặp lại"));
  EXPECT_THAT(ReadCsvTable("a\n1\n2\n3\n", {"a"}, {}, {.max_bytes = 1000, .max_rows = 2}).status().message(),
              HasSubstr("tối đa 2"));
  EXPECT_EQ(ReadCsvTable(std::string("a\n\xff\n"), {"a"}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  auto short_row = ReadCsvTable("a,b\n1\n", {"a", "b"}, {});
  ASSERT_TRUE(short_row.ok());
  EXPECT_TRUE(FieldCountError(*short_row, short_row->records[1]).has_value());
  EXPECT_EQ(short_row->Cell(short_row->records[1], "b"), "")
      << "a short row reads as empty, not past its end";
  EXPECT_EQ(RowErrorOf(7, InvalidField("class", "sai")).column, "class");
}

}  // namespace
}  // namespace parhub::platform
