// parhubctl report: a school's period summary (báo cáo kết quả thực hiện
// trong kỳ) — the work done in the period with its evidence (progress
// updates in force whose done_on falls in it, whatever the task's due date)
// and the tasks that were due in it with their outcome. The period is a
// report period of the CCHC family as reporting defines it ("2026-q1":
// 15/12/2025 to the cut-off 14/03/2026) or --from/--to. --export writes the
// same rows as XLSX or CSV with the CLI's shared writers.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/app.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

namespace parhub::cli {
namespace {

namespace tv1 = ::parhub::tasks::v1;
namespace rv1 = ::parhub::reporting::v1;

// "2026-q1", "2026-Q1", "q1-2026" → {2026, "q1"}; nullopt otherwise.
std::optional<std::pair<int, std::string>> ParsePeriod(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(absl::AsciiStrToLower(text), absl::ByAnyChar("-/ "));
  if (parts.size() != 2) return std::nullopt;
  int year = 0;
  if (absl::SimpleAtoi(parts[0], &year) && year >= 2000 && year <= 2100 && !parts[1].empty()) {
    return std::make_pair(year, parts[1]);
  }
  if (absl::SimpleAtoi(parts[1], &year) && year >= 2000 && year <= 2100 && !parts[0].empty()) {
    return std::make_pair(year, parts[0]);
  }
  return std::nullopt;
}

std::tuple<int, int, int> Key(const common::v1::Date& d) { return {d.year(), d.month(), d.day()}; }

bool Within(const common::v1::Date& d, const common::v1::Date& from, const common::v1::Date& to) {
  return d.year() != 0 && Key(d) >= Key(from) && Key(d) <= Key(to);
}

// The outcome of a task due in the period, as of today.
std::string Outcome(const Output& o, const tv1::Task& t) {
  switch (t.status()) {
    case tv1::TASK_STATUS_DONE:
      return Key(t.done_on()) <= Key(t.due_date()) ? o.T("Hoàn thành đúng hạn", "Done on time")
                                                   : o.T("Hoàn thành trễ hạn", "Done late");
    case tv1::TASK_STATUS_CANCELLED:
      return o.T("Đã huỷ", "Cancelled");
    default:
      return t.overdue() ? o.T("Quá hạn, chưa hoàn thành", "Overdue")
                         : o.T("Đang trong hạn", "Within deadline");
  }
}

// The task of a progress update's name (".../progressUpdates/N" → the task).
std::string TaskOf(const std::string& update_name) {
  return update_name.substr(0, update_name.rfind("/progressUpdates/"));
}
// "schools/s/plans/p/..." → "p".
std::string PlanIdOf(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  return parts.size() > 3 ? parts[3] : "";
}

}  // namespace

void AddReportCommand(CLI::App& root, App& app) {
  static struct { std::string school, plan, period, family = "cchc", from, to; } f;
  auto* report = root.add_subcommand(
      "report", "Tổng hợp kết quả thực hiện của trường trong kỳ, kèm minh chứng (a school's period summary)");
  report->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  report->add_option("--plan", f.plan, "Chỉ kế hoạch này, ví dụ par-2026 (mặc định: mọi kế hoạch)");
  report->add_option("--period", f.period, "Kỳ báo cáo, ví dụ 2026-q1 (q1, 6m, q3, year)");
  report->add_option("--family", f.family, "Loại báo cáo định kỳ cho --period (mặc định cchc)");
  report->add_option("--from", f.from, "Từ ngày (thay cho --period)");
  report->add_option("--to", f.to, "Đến ngày (thay cho --period)");
  AddExportOption(report, app);
  report->callback([&app] {
    const Output& o = app.out;
    auto school = app.SchoolName(f.school);
    if (!school) return;
    std::optional<std::string> plan;
    if (!f.plan.empty()) {
      plan = app.PlanName(f.school, f.plan);
      if (!plan) return;
    }
    Session session = app.NewSession();
    // The period: a report period's data range, or --from/--to.
    rv1::ReportPeriod period;
    if (!f.period.empty()) {
      if (!f.from.empty() || !f.to.empty()) {
        return app.Usage(o.T("dùng --period hoặc --from/--to, không dùng cả hai",
                             "give --period or --from/--to, not both"));
      }
      auto parsed = ParsePeriod(f.period);
      if (!parsed) {
        return app.Usage(o.T("--period: dạng năm-kỳ, ví dụ 2026-q1", "--period: year-period, e.g. 2026-q1"));
      }
      rv1::ListReportPeriodsRequest request;
      request.set_family(absl::StrCat("reportFamilies/", absl::AsciiStrToLower(f.family)));
      request.set_year(parsed->first);
      request.set_page_size(100);
      rv1::ListReportPeriodsResponse periods;
      auto reporting = rv1::ReportingService::NewStub(session.channel());
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return reporting->ListReportPeriods(c, request, &periods); })) {
        return;
      }
      std::string codes;
      for (const auto& p : periods.periods()) {
        absl::StrAppend(&codes, codes.empty() ? "" : ", ", p.code());
        if (p.code() == parsed->second) period = p;
      }
      if (period.code().empty()) {
        return app.Usage(absl::StrCat(o.T("--period: không có kỳ '", "--period: no period '"), parsed->second,
                                      o.T("'; các kỳ: ", "'; periods: "), codes));
      }
    } else {
      if (f.from.empty() || f.to.empty()) {
        return app.Usage(o.T("cần --period (ví dụ 2026-q1) hoặc cả --from và --to",
                             "--period (e.g. 2026-q1) or both --from and --to are required"));
      }
      auto from = ParseDateFlag(app, "--from", f.from);
      auto to = ParseDateFlag(app, "--to", f.to);
      if (!from || !to) return;
      if (Key(*from) > Key(*to))
        return app.Usage(o.T("--to phải sau --from", "--to must not be before --from"));
      *period.mutable_period_start() = *from;
      *period.mutable_cutoff_date() = *to;
    }
    const common::v1::Date& from = period.period_start();
    const common::v1::Date& to = period.cutoff_date();

    auto stub = tv1::TaskService::NewStub(session.channel());
    // Plans in scope (archived ones too: their work still happened).
    std::vector<std::string> plans;
    if (plan) {
      plans.push_back(*plan);
    } else {
      tv1::ListPlansRequest request;
      request.set_parent(*school);
      request.set_show_archived(true);
      request.set_page_size(200);
      do {
        tv1::ListPlansResponse page;
        if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListPlans(c, request, &page); }))
          return;
        for (const auto& p : page.plans()) plans.push_back(p.name());
        request.set_page_token(page.next_page_token());
      } while (!request.page_token().empty());
    }
    // Every task of those plans: names for the work, and what was due.
    std::map<std::string, tv1::Task> tasks;
    tv1::ListTasksResponse due;
    for (const std::string& p : plans) {
      tv1::ListTasksRequest request;
      request.set_parent(p);
      request.set_page_size(200);
      do {
        tv1::ListTasksResponse page;
        if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListTasks(c, request, &page); }))
          return;
        for (const auto& t : page.tasks()) {
          tasks[t.name()] = t;
          if (Within(t.due_date(), from, to)) *due.add_tasks() = t;
        }
        request.set_page_token(page.next_page_token());
      } while (!request.page_token().empty());
    }
    // The work done in the period: updates in force, by done_on.
    tv1::ListProgressUpdatesResponse work;
    {
      tv1::ListProgressUpdatesRequest request;
      request.set_parent(plan ? absl::StrCat(*plan, "/tasks/-") : absl::StrCat(*school, "/plans/-/tasks/-"));
      *request.mutable_done_after() = from;
      *request.mutable_done_before() = to;
      request.set_exclude_superseded(true);
      request.set_page_size(200);
      do {
        tv1::ListProgressUpdatesResponse page;
        if (!Call(app, session,
                  [&](grpc::ClientContext* c) { return stub->ListProgressUpdates(c, request, &page); }))
          return;
        work.mutable_progress_updates()->MergeFrom(page.progress_updates());
        request.set_page_token(page.next_page_token());
      } while (!request.page_token().empty());
    }
    auto task_of = [&](const std::string& update) -> const tv1::Task* {
      auto it = tasks.find(TaskOf(update));
      return it == tasks.end() ? nullptr : &it->second;
    };
    std::vector<const tv1::ProgressUpdate*> updates;
    for (const auto& u : work.progress_updates()) updates.push_back(&u);
    std::sort(
        updates.begin(), updates.end(), [&](const tv1::ProgressUpdate* a, const tv1::ProgressUpdate* b) {
          const tv1::Task* ta = task_of(a->name());
          const tv1::Task* tb = task_of(b->name());
          auto key = [](const tv1::ProgressUpdate* u, const tv1::Task* t) {
            return std::make_tuple(PlanIdOf(u->name()), t ? t->code() : "", Key(u->done_on()), u->name());
          };
          return key(a, ta) < key(b, tb);
        });
    std::vector<const tv1::Task*> due_tasks;
    for (const auto& t : due.tasks()) due_tasks.push_back(&t);
    std::sort(due_tasks.begin(), due_tasks.end(), [](const tv1::Task* a, const tv1::Task* b) {
      return std::make_tuple(PlanIdOf(a->name()), Key(a->due_date()), a->code()) <
             std::make_tuple(PlanIdOf(b->name()), Key(b->due_date()), b->code());
    });

    if (o.json) {
      tv1::ListProgressUpdatesResponse sorted_work;
      for (const auto* u : updates) *sorted_work.add_progress_updates() = *u;
      return o.JsonObject({{"period", &period}, {"work_done", &sorted_work}, {"due", &due}});
    }

    // Counts.
    int evidence = 0, completed = 0, on_time = 0, late = 0, overdue = 0;
    std::map<std::string, bool> touched;
    for (const auto* u : updates) {
      evidence += u->evidence_size();
      touched[TaskOf(u->name())] = true;
    }
    for (const auto& [name, t] : tasks) {
      if (t.status() == tv1::TASK_STATUS_DONE && Within(t.done_on(), from, to)) ++completed;
    }
    for (const auto* t : due_tasks) {
      if (t->status() == tv1::TASK_STATUS_DONE) {
        ++(Key(t->done_on()) <= Key(t->due_date()) ? on_time : late);
      } else if (t->overdue()) {
        ++overdue;
      }
    }

    // One table for both parts, so an export is one sheet.
    const std::vector<std::string> header = {o.T("Phần", "Part"),
                                             o.T("Kế hoạch", "Plan"),
                                             o.T("Mã", "Code"),
                                             o.T("Nhiệm vụ", "Task"),
                                             o.T("Ngày", "Date"),
                                             o.T("Tiến độ", "Done"),
                                             o.T("Kết quả", "Outcome"),
                                             o.T("Ghi chú", "Note"),
                                             o.T("Người báo cáo", "By"),
                                             o.T("Số văn bản", "Doc no."),
                                             o.T("Minh chứng", "Evidence"),
                                             o.T("Đường dẫn", "Link"),
                                             "SHA-256"};
    std::vector<std::vector<std::string>> rows;
    const std::string done_part = o.T("Đã thực hiện", "Work done");
    for (const auto* u : updates) {
      const tv1::Task* t = task_of(u->name());
      std::vector<std::string> base = {
          done_part,
          PlanIdOf(u->name()),
          t ? t->code() : IdOf(TaskOf(u->name())),
          t ? t->title() : "",
          FormatDate(u->done_on()),
          absl::StrCat(u->percent_done(), "%"),
          u->supersedes().empty() ? ""
                                  : absl::StrCat(o.T("sửa cập nhật #", "corrects #"), IdOf(u->supersedes())),
          u->note(),
          IdOf(u->author())};
      if (u->evidence_size() == 0) {
        base.insert(base.end(), {"", "", "", ""});
        rows.push_back(base);
      }
      for (const auto& e : u->evidence()) {
        std::vector<std::string> row = base;
        row.insert(row.end(), {e.document_number(), e.title(), e.uri(), e.sha256()});
        rows.push_back(row);
      }
    }
    const std::string due_part = o.T("Đến hạn", "Due");
    for (const auto* t : due_tasks) {
      rows.push_back({due_part, PlanIdOf(t->name()), t->code(), t->title(), FormatDate(t->due_date()),
                      absl::StrCat(t->percent_done(), "%"), Outcome(o, *t),
                      t->status() == tv1::TASK_STATUS_DONE
                          ? absl::StrCat(o.T("hoàn thành ngày ", "done on "), FormatDate(t->done_on()))
                          : "",
                      t->owner(), "", "", "", ""});
    }
    std::string title = period.code().empty() ? absl::StrCat(FormatDate(from), " – ", FormatDate(to))
                                              : absl::StrCat(period.label(), " ", period.year(), " (",
                                                             FormatDate(from), " – ", FormatDate(to), ")");
    std::string totals = absl::StrCat(
        o.T("Đã thực hiện: ", "Work done: "), updates.size(),
        o.T(" lần cập nhật tiến độ trên ", " progress updates on "), touched.size(),
        o.T(" nhiệm vụ, ", " tasks, "), evidence, o.T(" minh chứng; ", " evidence items; "), completed,
        o.T(" nhiệm vụ hoàn thành trong kỳ. Đến hạn: ", " tasks finished in the period. Due: "),
        due_tasks.size(), o.T(" nhiệm vụ — ", " tasks — "), on_time, o.T(" đúng hạn, ", " on time, "), late,
        o.T(" trễ hạn, ", " late, "), overdue, o.T(" quá hạn chưa hoàn thành.", " overdue."));
    if (Export(app, o.T("Kết quả thực hiện", "Period summary"), header, rows)) {
      o.Line(totals);
      return;
    }
    o.Line(absl::StrCat(o.T("Kết quả thực hiện kỳ ", "Period summary "), title, " — ", IdOf(*school),
                        plan ? absl::StrCat(o.T(", kế hoạch ", ", plan "), IdOf(*plan)) : ""));
    o.Table(header, rows);
    o.Line(totals);
  });
}

}  // namespace parhub::cli
