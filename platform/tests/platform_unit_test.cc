// Unit tests of the pure platform helpers: text, dates, names, errors,
// identities.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/escaping.h"
#include "platform/caller.h"
#include "platform/crypto.h"
#include "platform/date.h"
#include "platform/errors.h"
#include "platform/grpc_status.h"
#include "platform/identity.h"
#include "platform/resource_name.h"
#include "platform/testing/status_matchers.h"
#include "platform/vntext.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(VnText, FoldsDiacriticsAndDStroke) {
  EXPECT_EQ(FoldForSearch("Nguyễn Văn Đức"), "nguyen van duc");
  EXPECT_EQ(FoldForSearch("  Trường   Mầm non 20/10 "), "truong mam non 20/10");
  EXPECT_EQ(FoldForSearch("đ Đ"), "d d");
}

TEST(VnText, NfcMakesDecomposedTextEqualToComposed) {
  // "Đức" written with a combining acute + circumflex sequence.
  std::string decomposed = "\xC4\x90\x75\xCC\x9B\xCC\x81\x63";
  ASSERT_OK_AND_ASSIGN(std::string nfc, NormalizeNfc(decomposed, "name"));
  EXPECT_EQ(nfc, "Đức");
}

TEST(VnText, Utf8PrefixNeverCutsACharacter) {
  EXPECT_EQ(Utf8Prefix("Đức Trí", 3), "Đức");
  EXPECT_EQ(Utf8Prefix("ab", 5), "ab");
  EXPECT_EQ(Utf8Prefix("", 3), "");
}

TEST(VnText, RejectsInvalidUtf8NamingTheField) {
  auto result = NormalizeNfc("\xff\xfe", "school.display_name");
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school.display_name")));
  ASSERT_EQ(FieldViolations(result.status()).size(), 1u);
  EXPECT_EQ(FieldViolations(result.status())[0].field, "school.display_name");
}

TEST(VnText, CleanTextChecksRequiredLengthAndControls) {
  EXPECT_THAT(CleanText("   ", "title", 10, true), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CleanText("Kế hoạch", "title", 8, true), IsOkAndHolds(std::string("Kế hoạch")));
  EXPECT_THAT(CleanText("Kế hoạch!", "title", 8, true), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CleanText("a\x01" "b", "title", 8, true), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Dates, ParsesBothFormatsAndRejectsImpossibleDates) {
  EXPECT_THAT(ParseDate("2024-06-10", "due_date"), IsOkAndHolds(Date{2024, 6, 10}));
  EXPECT_THAT(ParseDate("10/06/2024", "due_date"), IsOkAndHolds(Date{2024, 6, 10}));
  EXPECT_THAT(ParseDate("2024-02-30", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseDate("2023-02-29", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseDate("2024-02-29", "due_date"), IsOk());
  EXPECT_THAT(ParseDate("hôm nay", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Dates, DeadlineEndsAtLocalMidnight) {
  Date d{2024, 6, 10};
  absl::Time end = d.EndInstant();
  // 23:59:59.999999 in UTC+7 is 16:59:59.999999 UTC.
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d %H:%M:%S", end, absl::UTCTimeZone()), "2024-06-10 16:59:59");
  EXPECT_EQ(LocalDate(end), d);
  EXPECT_EQ(LocalDate(end + absl::Microseconds(1)), (Date{2024, 6, 11}));
  EXPECT_EQ(d.ToVietnamese(), "10/06/2024");
}

TEST(ResourceNames, ParsesVariablesAndRejectsOthers) {
  EXPECT_THAT(ParseName("schools/{s}/plans/{p}", "schools/mn-2010/plans/par-2024", "name"),
              IsOkAndHolds(ElementsAre("mn-2010", "par-2024")));
  EXPECT_THAT(ParseName("schools/{s}/plans/{p}", "schools/mn-2010/tasks/x", "name"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseName("schools/{s}", "schools/../etc", "name"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseName("schools/{s}", "", "parent"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("parent")));
  EXPECT_THAT(ValidateId("Bad_Id", "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(PageTokens, RoundTripAndRejectForgeries) {
  EXPECT_THAT(DecodePageToken(EncodePageToken("1.5")), IsOkAndHolds(std::string("1.5")));
  EXPECT_THAT(DecodePageToken(""), IsOkAndHolds(std::string("")));
  EXPECT_THAT(DecodePageToken("garbage!"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(PageSize(0, 50, 200), IsOkAndHolds(50));
  EXPECT_THAT(PageSize(1000, 50, 200), IsOkAndHolds(200));
  EXPECT_THAT(PageSize(-1, 50, 200), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(GrpcStatus, CarriesFieldViolationsAndReasonAcrossTheWire) {
  absl::Status domain = WithReason(InvalidField("task.due_date", "không tồn tại"), "BAD_DATE");
  grpc::Status wire = ToGrpcStatus(domain);
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(wire.error_details().empty());
  absl::Status back = FromGrpcStatus(wire);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolations(back).size(), 1u);
  EXPECT_EQ(FieldViolations(back)[0].field, "task.due_date");
  EXPECT_EQ(Reason(back), "BAD_DATE");
}

TEST(GrpcStatus, HidesInternalDetails) {
  grpc::Status wire = ToGrpcStatus(absl::InternalError("mysql error 1146: table x missing"));
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(wire.error_message(), ::testing::Not(HasSubstr("mysql")));
}

TEST(Identity, SignedIdentityVerifiesAndForgeriesDoNot) {
  ASSERT_OK_AND_ASSIGN(IdentityKey key, IdentityKey::Create(std::string(32, 'k')));
  ASSERT_OK_AND_ASSIGN(IdentityKey other, IdentityKey::Create(std::string(32, 'o')));
  Caller caller{"accounts/a", Role::kSchoolAdmin, "mn-2010", "", "req-1"};
  std::string token = key.Sign(NewIdentity(caller, absl::Seconds(30)));
  ASSERT_OK_AND_ASSIGN(auto identity, key.Verify(token, absl::Now()));
  Caller back = CallerFromIdentity(identity);
  EXPECT_EQ(back.school_id, "mn-2010");
  EXPECT_EQ(back.role, Role::kSchoolAdmin);
  EXPECT_THAT(other.Verify(token, absl::Now()), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(key.Verify(token, absl::Now() + absl::Minutes(1)),
              StatusIs(absl::StatusCode::kUnauthenticated));
  std::string tampered = token;
  tampered[2] = tampered[2] == 'A' ? 'B' : 'A';
  EXPECT_THAT(key.Verify(tampered, absl::Now()), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(key.Verify("", absl::Now()), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(IdentityKey::Create("short"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(Caller, OtherSchoolsAreNotFoundAndReadersCannotWrite) {
  Caller admin{"accounts/a", Role::kSchoolAdmin, "mn-2010", "", ""};
  Caller officer{"accounts/o", Role::kAuthorityOfficer, "mn-2010", "q1", ""};
  EXPECT_OK(admin.RequireWrite("mn-2010", "kế hoạch"));
  EXPECT_THAT(admin.RequireRead("th-khai-minh", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(admin.RequireWrite("th-khai-minh", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_OK(officer.RequireRead("mn-2010", "kế hoạch"));
  EXPECT_THAT(officer.RequireWrite("mn-2010", "kế hoạch"), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(Crypto, KnownSha256) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, PreparedHmacMatchesRfc4231AndOneShot) {
  // RFC 4231 test case 2.
  std::string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  HmacSha256Signer signer("Jefe");
  std::string data = "what do ya want for nothing?";
  EXPECT_EQ(absl::BytesToHexString(signer.Mac(data)), expected);
  EXPECT_EQ(absl::BytesToHexString(signer.Mac(data)), expected);  // reusable
  EXPECT_EQ(absl::BytesToHexString(HmacSha256("Jefe", data)), expected);
}

}  // namespace
}  // namespace parhub::platform
