// The city's fee rules over the real embedded data
// (data/finance/fee_rules.json): bán trú capped per level and area group,
// breakfast only for mầm non and tiểu học, tuition free from 2025-26, the
// NQ-18 charges whose caps are not in the data refused, other charges
// uncapped, 2026-27 carried over as an assumption, 2024-25 tuition, and a
// year without data refused by name. Also the loader's checks on bad files.
#include "services/finance/domain/fee_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"
#include "services/finance/rpc/fee_rules_data.h"

namespace parhub::finance {
namespace {

using ::parhub::testing::IsInvalidField;
using ::parhub::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

const SchoolClass kMamNonPhuong{"mam-non", 1};
const SchoolClass kMamNonXa{"mam-non", 2};
const SchoolClass kThcsPhuong{"thcs", 1};
const SchoolClass kTieuHocXa{"tieu-hoc", 2};

class FeeRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<FeeRules> loaded = LoadEmbeddedFeeRules();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    rules_.emplace(*std::move(loaded));
  }

  absl::Status Check(const std::string& school_year, const std::string& kind, FeeUnit unit, int64_t amount,
                     const std::optional<SchoolClass>& school) const {
    return rules_->Check(school_year, kind, unit, amount, school);
  }

  std::optional<FeeRules> rules_;
};

TEST_F(FeeRulesTest, BanTruAtTheMamNonNhom1CapIsAccepted) {
  EXPECT_OK(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 550'000, kMamNonPhuong));
  EXPECT_OK(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 420'000, kMamNonPhuong));
}

TEST_F(FeeRulesTest, OneDongAboveTheCapIsRefusedNamingCapAndSource) {
  absl::Status above = Check("2025-2026", "ban-tru", FeeUnit::kMonth, 550'001, kMamNonPhuong);
  EXPECT_THAT(above, IsInvalidField("fee_item.amount"));
  EXPECT_EQ(platform::Reason(above), "ABOVE_CAP");
  EXPECT_THAT(above.message(), AllOf(HasSubstr("550.000 đồng"), HasSubstr("18/2025/NQ-HĐND")));
}

TEST_F(FeeRulesTest, Nhom2HasTheLowerCap) {
  EXPECT_OK(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 500'000, kMamNonXa));
  absl::Status above = Check("2025-2026", "ban-tru", FeeUnit::kMonth, 550'000, kMamNonXa);
  EXPECT_EQ(platform::Reason(above), "ABOVE_CAP");
  EXPECT_THAT(above.message(), HasSubstr("500.000 đồng"));
  // THPT, Nhóm 2: the lowest bán trú cap.
  EXPECT_OK(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 230'000, SchoolClass{"thpt", 2}));
  EXPECT_EQ(platform::Reason(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 230'001, SchoolClass{"thpt", 2})),
            "ABOVE_CAP");
}

TEST_F(FeeRulesTest, BreakfastOnlyForMamNonAndTieuHoc) {
  EXPECT_OK(Check("2025-2026", "an-sang", FeeUnit::kMonth, 50'000, kTieuHocXa));
  EXPECT_EQ(platform::Reason(Check("2025-2026", "an-sang", FeeUnit::kMonth, 50'001, kTieuHocXa)),
            "ABOVE_CAP");
  EXPECT_THAT(Check("2025-2026", "an-sang", FeeUnit::kMonth, 10'000, kThcsPhuong),
              IsInvalidField("fee_item.charge_kind"));
}

TEST_F(FeeRulesTest, TuitionIsFreeFrom2025) {
  absl::Status free = Check("2025-2026", "hoc-phi", FeeUnit::kMonth, 100'000, kThcsPhuong);
  EXPECT_THAT(free, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("217/2025/QH15")));
  EXPECT_EQ(platform::Reason(free), "CHARGE_FREE");
  EXPECT_EQ(platform::Reason(Check("2026-2027", "hoc-phi", FeeUnit::kMonth, 100'000, std::nullopt)),
            "CHARGE_FREE");
}

TEST_F(FeeRulesTest, AYearWithoutDataIsRefusedByName) {
  absl::Status missing = Check("2027-2028", "ban-tru", FeeUnit::kMonth, 100'000, kMamNonPhuong);
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("2027-2028")));
  EXPECT_EQ(platform::Reason(missing), "FEE_RULES_MISSING");
  EXPECT_EQ(rules_->KindsOf("2027-2028"), nullptr);
}

TEST_F(FeeRulesTest, UnknownKindListsTheKnownCodes) {
  absl::Status unknown = Check("2025-2026", "tien-an", FeeUnit::kMonth, 100'000, kMamNonPhuong);
  EXPECT_THAT(unknown, IsInvalidField("fee_item.charge_kind"));
  EXPECT_THAT(unknown.message(), AllOf(HasSubstr("tien-an"), HasSubstr("ban-tru"), HasSubstr("khac")));
}

TEST_F(FeeRulesTest, CappedKindNeedsTheSchoolsLevelAndAreaGroup) {
  absl::Status missing = Check("2025-2026", "ban-tru", FeeUnit::kMonth, 100'000, std::nullopt);
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(platform::Reason(missing), "SCHOOL_CLASS_MISSING");
  // Settings present but not filled in ("" level, group 0) count as missing.
  EXPECT_EQ(platform::Reason(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 100'000, SchoolClass{})),
            "SCHOOL_CLASS_MISSING");
  EXPECT_EQ(platform::Reason(Check("2025-2026", "ban-tru", FeeUnit::kMonth, 100'000, SchoolClass{"thcs", 0})),
            "SCHOOL_CLASS_MISSING");
}

TEST_F(FeeRulesTest, UnitMustBeTheCapsUnit) {
  EXPECT_THAT(Check("2025-2026", "ban-tru", FeeUnit::kTerm, 100'000, kMamNonPhuong),
              IsInvalidField("fee_item.unit"));
  EXPECT_THAT(Check("2025-2026", "ban-tru", FeeUnit::kYear, 100'000, kMamNonPhuong),
              IsInvalidField("fee_item.unit"));
}

TEST_F(FeeRulesTest, OtherChargesAreUncapped) {
  EXPECT_OK(Check("2025-2026", "khac", FeeUnit::kMonth, 5'000'000, kMamNonPhuong));
  EXPECT_OK(Check("2025-2026", "khac", FeeUnit::kOnce, 9'000'000'000, std::nullopt));
  EXPECT_OK(Check("2024-2025", "khac", FeeUnit::kYear, 1, std::nullopt));
}

TEST_F(FeeRulesTest, ChargesWhoseCapsAreNotInTheDataAreRefused) {
  for (const char* code : {"cham-soc-ngoai-gio", "cham-soc-ngay-nghi", "kham-suc-khoe", "may-lanh",
                           "cntt-chuyen-doi-so", "dua-ruoc-o-to", "ky-tuc-xa"}) {
    absl::Status refused = Check("2025-2026", code, FeeUnit::kMonth, 1'000, kMamNonPhuong);
    EXPECT_THAT(refused, StatusIs(absl::StatusCode::kFailedPrecondition)) << code;
    EXPECT_EQ(platform::Reason(refused), "CAP_NOT_IN_DATA") << code;
  }
  EXPECT_THAT(Check("2025-2026", "cntt-chuyen-doi-so", FeeUnit::kMonth, 110'000, kThcsPhuong).message(),
              HasSubstr("110.000"));
}

TEST_F(FeeRulesTest, School2026CarriesOver2025CapsAsAnAssumption) {
  EXPECT_OK(Check("2026-2027", "ban-tru", FeeUnit::kMonth, 350'000, SchoolClass{"tieu-hoc", 1}));
  absl::Status above = Check("2026-2027", "ban-tru", FeeUnit::kMonth, 350'001, SchoolClass{"tieu-hoc", 1});
  EXPECT_EQ(platform::Reason(above), "ABOVE_CAP");
  EXPECT_THAT(above.message(), AllOf(HasSubstr("350.000 đồng"), HasSubstr("ASSUMED")));
  EXPECT_EQ(platform::Reason(Check("2026-2027", "may-lanh", FeeUnit::kMonth, 1'000, kMamNonPhuong)),
            "CAP_NOT_IN_DATA");
}

TEST_F(FeeRulesTest, School2024HasTuitionCapsOnly) {
  EXPECT_OK(Check("2024-2025", "hoc-phi-nha-tre", FeeUnit::kMonth, 200'000, kMamNonPhuong));
  EXPECT_EQ(platform::Reason(Check("2024-2025", "hoc-phi-nha-tre", FeeUnit::kMonth, 120'001, kMamNonXa)),
            "ABOVE_CAP");
  EXPECT_OK(Check("2024-2025", "hoc-phi-mau-giao", FeeUnit::kMonth, 160'000, kMamNonPhuong));
  EXPECT_OK(Check("2024-2025", "hoc-phi", FeeUnit::kMonth, 60'000, kThcsPhuong));
  EXPECT_OK(Check("2024-2025", "hoc-phi", FeeUnit::kMonth, 100'000, SchoolClass{"thpt", 2}));
  // Tiểu học collects no tuition.
  EXPECT_THAT(Check("2024-2025", "hoc-phi", FeeUnit::kMonth, 30'000, kTieuHocXa),
              IsInvalidField("fee_item.charge_kind"));
  // The 2024-25 service-charge caps are not in the data.
  EXPECT_THAT(Check("2024-2025", "ban-tru", FeeUnit::kMonth, 100'000, kMamNonPhuong),
              IsInvalidField("fee_item.charge_kind"));
}

TEST_F(FeeRulesTest, DataIsCitedAndCapsAreSettledOrSaidNotToBe) {
  const std::set<std::string> nq18 = {"ban-tru",       "an-sang",  "cham-soc-ngoai-gio", "cham-soc-ngay-nghi",
                                      "kham-suc-khoe", "may-lanh", "cntt-chuyen-doi-so", "dua-ruoc-o-to",
                                      "ky-tuc-xa"};
  for (const char* year : {"2025-2026", "2026-2027"}) {
    const std::vector<ChargeKindRule>* kinds = rules_->KindsOf(year);
    ASSERT_NE(kinds, nullptr) << year;
    std::set<std::string> codes;
    for (const ChargeKindRule& kind : *kinds) {
      codes.insert(kind.code);
      EXPECT_FALSE(kind.source.empty()) << year << " " << kind.code;
      EXPECT_FALSE(kind.verification.empty()) << year << " " << kind.code;
      if (nq18.count(kind.code) > 0) {
        EXPECT_THAT(kind.source, HasSubstr("18/2025/NQ-HĐND")) << year << " " << kind.code;
      }
      if (kind.treatment == ChargeTreatment::kCapped && std::string(year) == "2026-2027") {
        EXPECT_TRUE(absl::StartsWith(kind.verification, "ASSUMED")) << kind.code;
      }
    }
    for (const std::string& code : nq18) EXPECT_EQ(codes.count(code), 1u) << year << " " << code;
    EXPECT_EQ(codes.count("hoc-phi"), 1u);
    EXPECT_EQ(codes.count("khac"), 1u);
  }
  ASSERT_NE(rules_->KindsOf("2024-2025"), nullptr);
  EXPECT_EQ(rules_->SchoolYears(), (std::vector<std::string>{"2024-2025", "2025-2026", "2026-2027"}));
}

TEST(FormatDong, DotsAsThousandSeparators) {
  EXPECT_EQ(FormatDong(0), "0 đồng");
  EXPECT_EQ(FormatDong(999), "999 đồng");
  EXPECT_EQ(FormatDong(1'000), "1.000 đồng");
  EXPECT_EQ(FormatDong(550'000), "550.000 đồng");
  EXPECT_EQ(FormatDong(1'234'567), "1.234.567 đồng");
  EXPECT_EQ(FormatDong(-50'000), "-50.000 đồng");
}

// ------------------------------------------------------------ the loader

std::string Book(const std::string& kind_json, const std::string& school_year = "2025-2026") {
  return absl::StrCat(R"({"version":"t","schoolYears":[{"schoolYear":")", school_year, R"(","chargeKinds":[)",
                      kind_json, "]}]}");
}

std::string CappedKind(const std::string& caps_json) {
  return absl::StrCat(
      R"({"code":"ban-tru","displayName":"Bán trú","treatment":"CHARGE_TREATMENT_CAPPED","caps":[)",
      caps_json, R"(],"source":{"document":"NQ","date":"2025-07-24"},"verification":"settled"})");
}

std::string Cap(const std::string& level, int group, const std::string& unit) {
  return absl::StrCat(R"({"schoolLevel":")", level, R"(","areaGroup":)", group, R"(,"unit":")", unit,
                      R"(","maxAmount":1000})");
}

TEST(LoadFeeRules, AcceptsAMinimalBook) {
  absl::StatusOr<FeeRules> rules = LoadFeeRules(Book(CappedKind(Cap("thcs", 1, "month"))));
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_OK(rules->Check("2025-2026", "ban-tru", FeeUnit::kMonth, 1'000, SchoolClass{"thcs", 1}));
  // Level known, group without a cap: the data is incomplete.
  EXPECT_EQ(
      platform::Reason(rules->Check("2025-2026", "ban-tru", FeeUnit::kMonth, 1'000, SchoolClass{"thcs", 2})),
      "CAP_NOT_IN_DATA");
}

TEST(LoadFeeRules, RejectsBadEntriesNamingThem) {
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(Cap("thcs", 1, "hour")))),
              StatusIs(absl::StatusCode::kInvalidArgument, AllOf(HasSubstr("ban-tru"), HasSubstr("hour"))));
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(Cap("thcs", 3, "month")))),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("area group 3")));
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(Cap("dai-hoc", 1, "month")))),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("dai-hoc")));
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(""))),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("without caps")));
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(Cap("thcs", 1, "month") + "," + Cap("thcs", 1, "month")))),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("caps[1]")));
  EXPECT_THAT(LoadFeeRules(Book(CappedKind(Cap("thcs", 1, "month")), "2025-2027")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("2025-2027")));
  EXPECT_THAT(
      LoadFeeRules(Book(CappedKind(Cap("thcs", 1, "month")) + "," + CappedKind(Cap("thpt", 1, "month")))),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("repeated")));
  EXPECT_THAT(LoadFeeRules(R"({"version":"t","schoolYearz":[]})"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parhub::finance
