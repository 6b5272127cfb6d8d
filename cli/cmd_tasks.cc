// parhubctl tasks: list a plan's tasks, show one with its progress history,
// create, update, and report progress with evidence.
#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/resource_name.h"
#include "platform/core/vntext.h"

namespace parhub::cli {
namespace {

std::vector<std::string> TaskRow(const Output& out, Names& names, const tasks::v1::Task& t) {
  return {t.code(),
          t.title(),
          TaskStatusLabel(out, t.status()),
          absl::StrCat(t.percent_done(), "%"),
          FormatDate(t.due_date()),
          t.overdue() ? out.T("TRỄ HẠN", "OVERDUE") : "",
          t.owner(),
          names.ParField(t.par_field())};
}

const std::vector<std::string> TaskHeader(const Output& out) {
  return {out.T("Mã", "Code"),         out.T("Nhiệm vụ", "Task"),     out.T("Trạng thái", "Status"),
          out.T("Tiến độ", "Done"),    out.T("Hạn", "Due"),           out.T("Trễ hạn", "Overdue"),
          out.T("Phụ trách", "Owner"), out.T("Lĩnh vực", "PAR field")};
}

std::string Shorten(const std::string& text, size_t max_chars) {
  if (DisplayWidth(text) <= max_chars) return text;
  return platform::Utf8Prefix(text, max_chars - 1) + "…";
}

}  // namespace

void AddTaskCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, plan, task, status, owner, due, due_after, due_before, code, title, description,
        par_field;
    std::string note, doc_number, doc_title, link, sha256, done_on, supersedes, file;
    int percent = -1;
    bool overdue = false;
  } f;
  auto* tasks_cmd = root.add_subcommand("tasks", "Nhiệm vụ của kế hoạch (a plan's tasks)");
  tasks_cmd->require_subcommand(1);
  auto add_plan = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
    cmd->add_option("--plan", f.plan, "Kế hoạch, ví dụ par-2024")->required();
  };

  auto* list = tasks_cmd->add_subcommand("list", "Liệt kê nhiệm vụ");
  add_plan(list);
  list->add_option("--status", f.status, "not-started | in-progress | done | cancelled");
  list->add_option("--owner", f.owner, "Người phụ trách");
  list->add_option("--due-after", f.due_after, "Hạn từ ngày");
  list->add_option("--due-before", f.due_before, "Hạn đến ngày");
  list->add_flag("--overdue", f.overdue, "Chỉ nhiệm vụ trễ hạn");
  AddExportOption(list, app);
  list->callback([&app] {
    auto plan = app.PlanName(f.school, f.plan);
    if (!plan) return;
    tasks::v1::ListTasksRequest request;
    request.set_parent(*plan);
    if (!f.status.empty()) {
      auto status = ParseTaskStatus(f.status);
      if (!status) return app.Usage("--status: not-started | in-progress | done | cancelled");
      request.add_statuses(*status);
    }
    request.set_owner(f.owner);
    request.set_overdue_only(f.overdue);
    if (!f.due_after.empty()) {
      auto d = ParseDateFlag(app, "--due-after", f.due_after);
      if (!d) return;
      *request.mutable_due_after() = *d;
    }
    if (!f.due_before.empty()) {
      auto d = ParseDateFlag(app, "--due-before", f.due_before);
      if (!d) return;
      *request.mutable_due_before() = *d;
    }
    request.set_page_size(200);
    Session session = app.NewSession();
    auto stub = tasks::v1::TaskService::NewStub(session.channel());
    tasks::v1::ListTasksResponse all;
    do {
      tasks::v1::ListTasksResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListTasks(c, request, &page); }))
        return;
      all.mutable_tasks()->MergeFrom(page.tasks());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    Names names(session);
    for (const auto& t : all.tasks()) {
      auto row = TaskRow(app.out, names, t);
      if (app.export_path.empty()) row[1] = Shorten(row[1], 60);
      rows.push_back(row);
    }
    PrintList(app, app.out.T("Nhiệm vụ", "Tasks"), TaskHeader(app.out), rows);
  });

  auto* show = tasks_cmd->add_subcommand("show", "Chi tiết nhiệm vụ và lịch sử tiến độ");
  add_plan(show);
  show->add_option("--task", f.task, "Mã nhiệm vụ (1.5) hoặc mã định danh")->required();
  show->callback([&app] {
    auto plan = app.PlanName(f.school, f.plan);
    if (!plan) return;
    Session session = app.NewSession();
    auto name = app.TaskName(session, *plan, f.task);
    if (!name) return;
    auto stub = tasks::v1::TaskService::NewStub(session.channel());
    tasks::v1::GetTaskRequest get;
    get.set_name(*name);
    tasks::v1::Task task;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->GetTask(c, get, &task); })) return;
    tasks::v1::ListProgressUpdatesRequest history_request;
    history_request.set_parent(*name);
    history_request.set_page_size(200);
    tasks::v1::ListProgressUpdatesResponse history;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub->ListProgressUpdates(c, history_request, &history);
        })) {
      return;
    }
    if (app.out.json) return app.out.JsonObject({{"task", &task}, {"history", &history}});
    Names names(session);
    app.out.Table(TaskHeader(app.out), {TaskRow(app.out, names, task)});
    if (!task.description().empty()) app.out.Line(absl::StrCat("\n", task.description()));
    app.out.Line(app.out.T("\nLịch sử tiến độ:", "\nProgress history:"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : history.progress_updates()) {
      std::string evidence;
      for (const auto& e : u.evidence()) {
        absl::StrAppend(&evidence, evidence.empty() ? "" : "; ", e.document_number(), " ", e.title(), " ",
                        e.uri());
      }
      // Corrections keep the history: the corrected entry stays, marked.
      std::string mark;
      if (!u.superseded_by().empty()) {
        mark = absl::StrCat(app.out.T("đã được sửa bởi #", "superseded by #"), IdOf(u.superseded_by()));
      } else if (!u.supersedes().empty()) {
        mark = absl::StrCat(app.out.T("sửa #", "corrects #"), IdOf(u.supersedes()));
      }
      rows.push_back({absl::StrCat("#", IdOf(u.name())), FormatDate(u.done_on()),
                      absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(u.create_time().seconds()),
                                       absl::FixedTimeZone(7 * 3600)),
                      names.Account(u.author()), absl::StrCat(u.percent_done(), "%"), mark, u.note(),
                      evidence});
    }
    app.out.Table(
        {"#", app.out.T("Ngày thực hiện", "Done on"), app.out.T("Thời điểm ghi", "Recorded"),
         app.out.T("Người báo cáo", "By"), app.out.T("Tiến độ", "Done"), app.out.T("Sửa", "Correction"),
         app.out.T("Ghi chú", "Note"), app.out.T("Minh chứng", "Evidence")},
        rows);
  });

  auto* create = tasks_cmd->add_subcommand("create", "Thêm nhiệm vụ vào kế hoạch");
  add_plan(create);
  create->add_option("--code", f.code, "Mã, ví dụ 1.13")->required();
  create->add_option("--title", f.title, "Tên nhiệm vụ")->required();
  create->add_option("--description", f.description, "Mô tả");
  create->add_option("--par-field", f.par_field, "Lĩnh vực PAR, ví dụ tthc");
  create->add_option("--owner", f.owner, "Người phụ trách");
  create->add_option("--due", f.due, "Hạn hoàn thành")->required();
  create->callback([&app] {
    auto plan = app.PlanName(f.school, f.plan);
    auto due = ParseDateFlag(app, "--due", f.due);
    if (!plan || !due) return;
    tasks::v1::CreateTaskRequest request;
    request.set_parent(*plan);
    request.set_request_id(app.RequestId(absl::StrCat("cli-", platform::RandomHex(8))));
    auto* t = request.mutable_task();
    t->set_code(f.code);
    t->set_title(f.title);
    t->set_description(f.description);
    t->set_par_field(f.par_field);
    t->set_owner(f.owner);
    *t->mutable_due_date() = *due;
    Session session = app.NewSession();
    tasks::v1::Task task;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())->CreateTask(c, request, &task);
        }))
      return;
    if (app.out.json) return app.out.Json(task);
    Names names(session);
    app.out.Table(TaskHeader(app.out), {TaskRow(app.out, names, task)});
  });

  auto* update = tasks_cmd->add_subcommand("update", "Sửa nhiệm vụ (chỉ các trường được nêu)");
  add_plan(update);
  update->add_option("--task", f.task, "Mã nhiệm vụ (1.5) hoặc mã định danh")->required();
  update->add_option("--title", f.title, "Tên mới");
  update->add_option("--owner", f.owner, "Người phụ trách mới");
  update->add_option("--due", f.due, "Hạn mới");
  update->add_option("--status", f.status, "not-started | in-progress | done | cancelled");
  update->add_option("--par-field", f.par_field, "Lĩnh vực PAR");
  update->callback([&app] {
    auto plan = app.PlanName(f.school, f.plan);
    if (!plan) return;
    tasks::v1::UpdateTaskRequest request;
    auto* t = request.mutable_task();
    auto* mask = request.mutable_update_mask();
    if (!f.title.empty()) t->set_title(f.title), mask->add_paths("title");
    if (!f.owner.empty()) t->set_owner(f.owner), mask->add_paths("owner");
    if (!f.par_field.empty()) t->set_par_field(f.par_field), mask->add_paths("par_field");
    if (!f.due.empty()) {
      auto due = ParseDateFlag(app, "--due", f.due);
      if (!due) return;
      *t->mutable_due_date() = *due;
      mask->add_paths("due_date");
    }
    if (!f.status.empty()) {
      auto status = ParseTaskStatus(f.status);
      if (!status) return app.Usage("--status: not-started | in-progress | done | cancelled");
      t->set_status(*status);
      mask->add_paths("status");
    }
    if (mask->paths_size() == 0) return app.Usage(app.out.T("không có gì để sửa", "nothing to change"));
    Session session = app.NewSession();
    auto name = app.TaskName(session, *plan, f.task);
    if (!name) return;
    t->set_name(*name);
    request.set_request_id(app.RequestId(absl::StrCat("cli-", platform::RandomHex(8))));
    tasks::v1::Task task;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())->UpdateTask(c, request, &task);
        }))
      return;
    if (app.out.json) return app.out.Json(task);
    Names names(session);
    app.out.Table(TaskHeader(app.out), {TaskRow(app.out, names, task)});
  });

  auto* progress = tasks_cmd->add_subcommand("progress", "Báo cáo tiến độ kèm minh chứng");
  add_plan(progress);
  progress->add_option("--task", f.task, "Mã nhiệm vụ (1.5) hoặc mã định danh")->required();
  progress->add_option("--percent", f.percent, "Phần trăm hoàn thành (0-100)")->required();
  progress->add_option("--note", f.note, "Ghi chú");
  progress->add_option("--doc-number", f.doc_number, "Số văn bản minh chứng");
  progress->add_option("--doc-title", f.doc_title, "Tên văn bản minh chứng");
  progress->add_option("--link", f.link, "Đường dẫn minh chứng");
  progress->add_option("--sha256", f.sha256, "SHA-256 của tệp minh chứng");
  progress
      ->add_option(
          "--file", f.file,
          "Tải tệp minh chứng (PDF, PNG, JPEG, WebP; tối đa 20 MB) lên hệ thống và dẫn mã SHA-256 của nó")
      ->excludes("--sha256");
  progress->add_option("--done-on", f.done_on,
                       "Ngày thực hiện công việc (mặc định hôm nay; ghi lùi ngày được)");
  progress->add_option("--supersedes", f.supersedes,
                       "Sửa cập nhật số N (xem tasks show): bản này thay thế bản nhập sai, lịch sử được giữ");
  progress->callback([&app] {
    auto plan = app.PlanName(f.school, f.plan);
    if (!plan) return;
    Session session = app.NewSession();
    auto name = app.TaskName(session, *plan, f.task);
    if (!name) return;
    tasks::v1::AddProgressUpdateRequest request;
    request.set_parent(*name);
    request.set_request_id(app.RequestId(absl::StrCat("cli-", platform::RandomHex(8))));
    auto* u = request.mutable_progress_update();
    u->set_percent_done(f.percent);
    u->set_note(f.note);
    if (!f.done_on.empty()) {
      auto d = ParseDateFlag(app, "--done-on", f.done_on);
      if (!d) return;
      *u->mutable_done_on() = *d;
    }
    if (!f.supersedes.empty()) {
      // "3", "#3" or the update's full name.
      std::string number = f.supersedes[0] == '#' ? f.supersedes.substr(1) : f.supersedes;
      u->set_supersedes(absl::StartsWith(f.supersedes, "schools/")
                            ? f.supersedes
                            : absl::StrCat(*name, "/progressUpdates/", number));
    }
    std::string sha256 = f.sha256, title = f.doc_title;
    if (!f.file.empty()) {
      // The file goes to the school's evidence store first; the update cites its hash.
      auto content = ReadFileFlag(app, f.file);
      if (!content) return;
      tasks::v1::UploadEvidenceFileRequest upload;
      upload.set_parent(name->substr(0, name->find("/plans/")));
      upload.set_filename(std::filesystem::path(f.file).filename().string());
      upload.set_content(*std::move(content));
      upload.set_request_id(absl::StrCat("cli-file-", platform::RandomHex(8)));
      tasks::v1::EvidenceFile stored;
      if (!Call(app, session, [&](grpc::ClientContext* c) {
            return tasks::v1::TaskService::NewStub(session.channel())->UploadEvidenceFile(c, upload, &stored);
          }))
        return;
      sha256 = stored.sha256();
      if (title.empty()) title = stored.filename();
      if (!app.out.json) {
        app.out.Line(absl::StrCat(app.out.T("Đã tải tệp lên: ", "Uploaded: "), stored.filename(), " (",
                                  stored.media_type(), ", ", stored.size_bytes(), " byte, SHA-256 ", sha256,
                                  ")"));
      }
    }
    if (!f.doc_number.empty() || !title.empty() || !f.link.empty() || !sha256.empty()) {
      auto* e = u->add_evidence();
      e->set_document_number(f.doc_number);
      e->set_title(title);
      e->set_uri(f.link);
      e->set_sha256(sha256);
    }
    tasks::v1::ProgressUpdate saved;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())->AddProgressUpdate(c, request, &saved);
        }))
      return;
    if (app.out.json) return app.out.Json(saved);
    app.out.Line(absl::StrCat(
        app.out.T("Đã ghi tiến độ ", "Recorded progress "), saved.percent_done(), "% (#", IdOf(saved.name()),
        app.out.T(", ngày thực hiện ", ", done on "), FormatDate(saved.done_on()),
        saved.supersedes().empty()
            ? ""
            : absl::StrCat(app.out.T(", sửa #", ", corrects #"), IdOf(saved.supersedes())),
        ") — ", saved.name()));
  });
}

}  // namespace parhub::cli
