// The school's pupils as payers (payer_registry.h).
#include "services/finance/domain/payer_registry.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/secret_code.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::finance {
namespace {

bool SamePupil(const Pupil& a, const Pupil& b) {
  return a.full_name == b.full_name && a.class_name == b.class_name && a.birth_date == b.birth_date &&
         a.guardian_name == b.guardian_name && a.guardian_phone == b.guardian_phone &&
         a.guardian_email == b.guardian_email;
}

absl::Status CodeTaken(const std::string& code) {
  return platform::WithReason(absl::AlreadyExistsError(absl::StrCat(
                                  "Mã học sinh '", code, "' đã có trong trường (pupil code taken)")),
                              "PUPIL_CODE_TAKEN");
}

}  // namespace

absl::StatusOr<PupilRecord> PayerRegistry::Create(const std::string& school_id, const std::string& pupil_id,
                                                  Pupil pupil) {
  RETURN_IF_ERROR(platform::ValidateId(pupil_id, "pupil_id"));
  const absl::Time now = clock_();
  ASSIGN_OR_RETURN(pupil, CleanPupil(std::move(pupil), "pupil.", platform::LocalDate(now)));
  PupilRecord record{.school_id = school_id,
                     .pupil_id = pupil_id,
                     .pupil = std::move(pupil),
                     .create_time = now,
                     .slip_secret = platform::RandomCrockford(10)};
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<PupilRecord> same_code,
                     store_.FindPupilByCode(school_id, record.pupil.pupil_code));
    if (same_code.has_value()) return CodeTaken(record.pupil.pupil_code);
    absl::Status inserted = store_.InsertPupil(record);
    if (absl::IsAlreadyExists(inserted)) {
      return absl::AlreadyExistsError(
          absl::StrCat("Đã có học sinh mã định danh '", pupil_id, "' (id taken)"));
    }
    return inserted;
  }));
  return record;
}

absl::StatusOr<PupilRecord> PayerRegistry::Get(const std::string& school_id, const std::string& pupil_id) {
  RETURN_IF_ERROR(platform::ValidateId(pupil_id, "name"));
  return store_.GetPupil(school_id, pupil_id);
}

absl::StatusOr<platform::Page<PupilRecord>> PayerRegistry::List(const std::string& school_id,
                                                                PupilQuery query,
                                                                const platform::PageRequest& page) {
  query.query = platform::FoldForSearch(query.query);
  std::vector<std::string> after;
  if (!page.after.empty()) {
    after = absl::StrSplit(page.after, '\x1f');
    if (after.size() != 3) return platform::InvalidPageToken();
  }
  ASSIGN_OR_RETURN(std::vector<PupilRecord> fetched,
                   store_.ListPupils(school_id, query, after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const PupilRecord& p) {
    return absl::StrCat(p.pupil.class_name, "\x1f", p.pupil.full_name, "\x1f", p.pupil_id);
  });
}

absl::StatusOr<PupilRecord> PayerRegistry::Update(const std::string& school_id, const std::string& pupil_id,
                                                  const PupilPatch& patch) {
  RETURN_IF_ERROR(platform::ValidateId(pupil_id, "pupil.name"));
  return store_.Atomically<PupilRecord>([&]() -> absl::StatusOr<PupilRecord> {
    ASSIGN_OR_RETURN(PupilRecord record, store_.GetPupil(school_id, pupil_id));
    Pupil changed = record.pupil;
    if (patch.full_name) changed.full_name = *patch.full_name;
    if (patch.class_name) changed.class_name = *patch.class_name;
    if (patch.guardian_name) changed.guardian_name = *patch.guardian_name;
    if (patch.guardian_phone) changed.guardian_phone = *patch.guardian_phone;
    if (patch.guardian_email) changed.guardian_email = *patch.guardian_email;
    ASSIGN_OR_RETURN(record.pupil, CleanPupil(std::move(changed), "pupil.", platform::LocalDate(clock_())));
    if (patch.status) {
      if (*patch.status == PupilStatus::kUnspecified) {
        return platform::InvalidField("pupil.status", "chọn đang học hoặc đã nghỉ (ENROLLED or LEFT)");
      }
      record.status = *patch.status;
    }
    if (patch.new_slip_secret) record.slip_secret = platform::RandomCrockford(10);
    RETURN_IF_ERROR(store_.UpdatePupil(record));
    return record;
  });
}

absl::StatusOr<ClassListImport> PayerRegistry::Import(const std::string& school_id, absl::string_view csv,
                                                      bool dry_run, bool skip_invalid_rows) {
  const absl::Time now = clock_();
  ASSIGN_OR_RETURN(ParsedClassList parsed, ParseClassList(csv, platform::LocalDate(now)));
  ClassListImport result;
  result.errors = std::move(parsed.errors);
  const bool write = !dry_run && (result.errors.empty() || skip_invalid_rows);
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    for (const ClassListRow& row : parsed.rows) {
      ASSIGN_OR_RETURN(std::optional<PupilRecord> existing,
                       store_.FindPupilByCode(school_id, row.pupil.pupil_code));
      if (!existing.has_value()) {
        ++result.created;
        if (write) {
          PupilRecord record{.school_id = school_id,
                             .pupil_id = absl::AsciiStrToLower(row.pupil.pupil_code),
                             .pupil = row.pupil,
                             .create_time = now,
                             .slip_secret = platform::RandomCrockford(10)};
          absl::Status inserted = store_.InsertPupil(record);
          if (absl::IsAlreadyExists(inserted)) {
            return platform::InvalidField(
                absl::StrCat("csv:", row.line, ":pupil_code"),
                absl::StrCat("dòng ", row.line, ": mã định danh '", record.pupil_id,
                             "' đã dùng cho học sinh khác (id taken by another pupil)"));
          }
          RETURN_IF_ERROR(inserted);
        }
      } else if (SamePupil(existing->pupil, row.pupil)) {
        ++result.unchanged;
      } else {
        ++result.updated;
        if (write) {
          existing->pupil = row.pupil;
          RETURN_IF_ERROR(store_.UpdatePupil(*existing));
        }
      }
    }
    return absl::OkStatus();
  }));
  result.applied = write;
  return result;
}

}  // namespace parhub::finance
