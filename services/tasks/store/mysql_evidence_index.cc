// Evidence files by school on MySQL (see mysql_evidence_index.h).
#include "services/tasks/store/mysql_evidence_index.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"

namespace parhub::tasks {

using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeToSql;

absl::Status MySqlEvidenceIndex::Insert(const EvidenceFile& f) {
  return db_
      .Execute(
          "INSERT INTO evidence_files (school_id, sha256, media_type, size_bytes, filename, uploaded_by, "
          "create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {Str(f.school_id), Str(f.sha256), Str(f.media_type), Int(f.size_bytes), Str(f.filename),
           Str(f.uploaded_by), TimeToSql(f.create_time)})
      .status();
}

absl::StatusOr<EvidenceFile> MySqlEvidenceIndex::Get(absl::string_view school_id, absl::string_view sha256) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT media_type, size_bytes, filename, uploaded_by, ",
                                          SqlTimeColumn("create_time"),
                                          " FROM evidence_files WHERE school_id = ? AND sha256 = ?"),
                             {Str(school_id), Str(sha256)}));
  if (rows.empty()) return absl::NotFoundError("Không tìm thấy tệp minh chứng (evidence file not found)");
  EvidenceFile f;
  f.school_id = std::string(school_id);
  f.sha256 = std::string(sha256);
  f.media_type = rows[0].Str(0);
  ASSIGN_OR_RETURN(f.size_bytes, IntFromSql(rows[0], 1));
  f.filename = rows[0].Str(2);
  f.uploaded_by = rows[0].Str(3);
  ASSIGN_OR_RETURN(f.create_time, TimeFromSql(rows[0], 4));
  return f;
}

}  // namespace parhub::tasks
