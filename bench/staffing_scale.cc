// parhub-staffing-bench: the two staffing workloads the issue sizes, run
// against MariaDB through the staffing domain and its MySQL store (the work
// the service does behind its gRPC handlers):
//   1. importing a roster of --staff people (CSV in batches of 2,000, the
//      RPC's limit), then importing the same file again (every row
//      unchanged, nothing written);
//   2. an authority's downsizing progress over --schools schools of
//      --staff_per_school people each: one grouped call over all schools
//      (what SummarizeDownsizingProgress does) against one call per school
//      (what a per-school fan-out would do), side by side in one run.
// Uses a fresh database on the server named by PARHUB_TEST_DB_* (as the
// tests do) and drops it at the end.
#include <algorithm>
#include <iostream>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "platform/core/date.h"
#include "platform/db/migrations.h"
#include "platform/testing/test_database.h"
#include "services/staffing/domain/downsizing_desk.h"
#include "services/staffing/domain/roster.h"
#include "services/staffing/rpc/convert.h"
#include "services/staffing/store/mysql_staffing_store.h"

ABSL_FLAG(int, staff, 10000, "people in the imported roster");
ABSL_FLAG(int, schools, 3500, "schools under the authority");
ABSL_FLAG(int, staff_per_school, 40, "people per school in the progress workload");
ABSL_FLAG(int, repeats, 5, "timed repeats of each progress call");

namespace {

using namespace parhub;
using staffing::Date;

double Ms(absl::Duration d) { return absl::ToDoubleMilliseconds(d); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string RosterCsv(int first, int count) {
  std::string csv = "staff_code,display_name,position,employment_type,budget_paid,start_date,city_email\n";
  for (int i = first; i < first + count; ++i) {
    const char* type = i % 20 == 0 ? "cong_chuc" : (i % 7 == 0 ? "hop_dong" : "vien_chuc");
    absl::StrAppend(&csv, "NV", i, ",Nguyễn Thị Bích ", i, ",Giáo viên,", type, ",", i % 7 == 0 ? 0 : 1,
                    ",01/09/2015,nv", i, "@tphcm.gov.vn\n");
  }
  return csv;
}

bool Check(const absl::Status& s, const std::string& what) {
  if (s.ok()) return true;
  std::cerr << what << ": " << s << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  testing::TestDatabase database("bench_staffing");
  platform::DbConfig config = database.config();
  config.pool_size = 2;
  platform::Db db(config);
  if (!Check(platform::ApplyMigrations(db, "staffing", StaffingMigrations()), "migrations")) return 1;
  auto loaded = staffing::LoadEmbeddedCatalog();
  if (!Check(loaded.status(), "catalog")) return 1;
  staffing::MySqlStaffingStore store(db);
  staffing::Clock clock = [] { return absl::Now(); };
  staffing::Roster roster(store, clock);
  staffing::DownsizingDesk desk(store, loaded->catalog, clock);

  // 1. Roster import.
  const int total = absl::GetFlag(FLAGS_staff);
  for (int pass = 0; pass < 2; ++pass) {
    absl::Time start = absl::Now();
    int created = 0, unchanged = 0;
    for (int first = 0; first < total; first += staffing::kMaxImportRows) {
      auto parsed =
          staffing::ParseRosterCsv(RosterCsv(first, std::min(staffing::kMaxImportRows, total - first)));
      if (!Check(parsed.status(), "parse")) return 1;
      auto result =
          roster.ImportRoster("bench-import", std::move(parsed->entries), std::move(parsed->errors), {});
      if (!Check(result.status(), "import")) return 1;
      created += result->created;
      unchanged += result->unchanged;
    }
    absl::Duration took = absl::Now() - start;
    std::cout << absl::StrFormat(
        "roster import %s: %d staff in %.0f ms (%.0f rows/s): created %d, unchanged %d\n",
        pass == 0 ? "(first)" : "(again)", total, Ms(took), total / absl::ToDoubleSeconds(took), created,
        unchanged);
  }

  // 2. Progress over an authority's schools. Bulk rows: the fixture, not the
  // measured work.
  const int schools = absl::GetFlag(FLAGS_schools), per_school = absl::GetFlag(FLAGS_staff_per_school);
  std::vector<std::string> ids;
  absl::Time fill = absl::Now();
  for (int s = 0; s < schools; ++s) {
    std::string school = absl::StrCat("bench-s", s);
    ids.push_back(school);
    std::string sql =
        "INSERT INTO staff (school_id, staff_id, staff_code, display_name, name_key, position, "
        "employment_type, "
        "budget_paid, start_date, end_date, status, city_email, city_email_last_used, manager, birth_date, "
        "id_number, version, create_time, update_time) VALUES ";
    for (int i = 0; i < per_school; ++i) {
      bool left = i < per_school / 20;  // 5 % have left this year
      absl::StrAppend(&sql, i ? "," : "", "('", school, "','nv", i, "','NV", i, "','Người ", i, "','nguoi ",
                      i, "','Giáo viên',", i % 10 == 0 ? 1 : 2, ",1,'2015-09-01',",
                      left ? "'2026-03-31'" : "NULL", ",", left ? 3 : 1,
                      ",'',NULL,0,NULL,'',1,NOW(6),NOW(6))");
    }
    if (!Check(db.Execute(sql).status(), "fill")) return 1;
    if (!Check(db.Execute(absl::StrCat(
                              "INSERT INTO downsizing_records (school_id, record_id, staff_id, "
                              "staff_display_name, employment_type, budget_paid, decree, category, policy, "
                              "state, volunteered, proposed_date, submission_number, decision_number, "
                              "outcome_reason, effective_date, note, create_time, update_time) VALUES ('",
                              school,
                              "','ts-1','nv0','Người 0',1,1,'154/2025/ND-CP','nd154-voluntary',"
                              "'nd154-early-retirement',5,1,'2026-01-05','','1/QĐ','','2026-04-01','',"
                              "NOW(6),NOW(6))"))
                   .status(),
               "fill records"))
      return 1;
  }
  std::cout << absl::StrFormat("fixture: %d schools × %d staff written in %.0f ms\n", schools, per_school,
                               Ms(absl::Now() - fill));
  Date as_of = platform::LocalDate(absl::Now());
  std::vector<double> grouped, one_by_one;
  double headline = 0;
  for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
    absl::Time start = absl::Now();
    auto rollup = desk.GetProgressOfSchools(ids, "hcm-2023-2026", as_of);
    if (!Check(rollup.status(), "grouped progress")) return 1;
    grouped.push_back(Ms(absl::Now() - start));
    headline = rollup->totals.figures.progress_percent;
    start = absl::Now();
    for (const std::string& school : ids) {
      if (!Check(desk.GetProgress(school, "hcm-2023-2026", as_of).status(), "progress")) return 1;
    }
    one_by_one.push_back(Ms(absl::Now() - start));
  }
  std::cout << absl::StrFormat(
      "authority progress over %d schools: grouped median %.0f ms, one call per school median %.0f ms "
      "(ratio %.1f×); headline progress %.1f %%\n",
      schools, Median(grouped), Median(one_by_one), Median(one_by_one) / Median(grouped), headline);
  return 0;
}
