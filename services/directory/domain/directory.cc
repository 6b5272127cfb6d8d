// Directory rules. Every read checks scope; every write validates first and
// changes nothing on error.
#include "services/directory/domain/directory.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/page.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::directory {
namespace {

using platform::InvalidField;
using platform::TextLines;

constexpr char kKeyPrefix[] = "phk_";

absl::Status NotFound(absl::string_view what, absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("Không tìm thấy ", what, " '", id, "' (not found)"));
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

absl::Status ValidateKind(const std::string& kind) {
  if (kind == "city" || kind == "province" || kind == "district" || kind == "ward" || kind == "commune") {
    return absl::OkStatus();
  }
  return InvalidField("authority.kind", "phải là city, province, district, ward hoặc commune (unknown kind)");
}

// Folded name, code, address and id, cut to the column's 900 characters
// (decomposition can lengthen some scripts).
std::string SearchText(const School& school) {
  return platform::Utf8Prefix(platform::FoldForSearch(absl::StrCat(school.display_name, " ", school.code, " ",
                                                                   school.address, " ", school.id)),
                              900);
}

}  // namespace

std::string HashApiKeySecret(const std::string& secret) { return platform::Sha256Hex(secret); }

Directory::Directory(DirectoryStore& store, std::function<absl::Time()> clock)
    : store_(store), clock_(std::move(clock)) {}

Date Directory::Today() const { return platform::LocalDate(clock_()); }

absl::StatusOr<std::vector<std::string>> Directory::OfficerSubtree(const Caller& caller) {
  if (caller.role != Role::kAuthorityOfficer || caller.authority_id.empty()) {
    return std::vector<std::string>{};
  }
  return store_.AuthoritySubtree(caller.authority_id);
}

absl::StatusOr<bool> Directory::AuthorityInScope(const Caller& caller, const std::string& authority_id) {
  if (caller.role == Role::kService) return true;
  ASSIGN_OR_RETURN(auto subtree, OfficerSubtree(caller));
  return Contains(subtree, authority_id);
}

absl::Status Directory::RequireSchoolRead(const Caller& caller, const School& school) {
  if (caller.role == Role::kService) return absl::OkStatus();
  if ((caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff) &&
      caller.school_id == school.id) {
    return absl::OkStatus();
  }
  if (caller.role == Role::kAuthorityOfficer) {
    ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, school.authority_id));
    if (in_scope) return absl::OkStatus();
  }
  return NotFound("trường", school.id);
}

absl::Status Directory::RequireSchoolAdmin(const Caller& caller, const School& school) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school));
  if (caller.role == Role::kAuthorityOfficer || caller.role == Role::kSchoolAdmin) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError("Vai trò của bạn không được sửa trường này (not allowed)");
}

absl::StatusOr<School> Directory::LoadSchool(const Caller& caller, const std::string& id) {
  RETURN_IF_ERROR(platform::ValidateId(id, "name"));
  ASSIGN_OR_RETURN(auto school, store_.FindSchool(id, Today()));
  if (!school) return NotFound("trường", id);
  RETURN_IF_ERROR(RequireSchoolRead(caller, *school));
  return *school;
}

// ---- authorities ----

absl::StatusOr<Authority> Directory::GetAuthority(const Caller&, const std::string& id) {
  // Authorities are public bodies: every authenticated caller may read them.
  RETURN_IF_ERROR(platform::ValidateId(id, "name"));
  ASSIGN_OR_RETURN(auto authority, store_.FindAuthority(id));
  if (!authority) return NotFound("cơ quan quản lý", id);
  return *authority;
}

absl::StatusOr<Page<Authority>> Directory::ListAuthorities(const Caller&, const std::string& parent_id,
                                                           int page_size, const std::string& page_token) {
  if (!parent_id.empty()) RETURN_IF_ERROR(platform::ValidateId(parent_id, "parent"));
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 500));
  ASSIGN_OR_RETURN(auto items, store_.ListAuthorities(parent_id, page.after, page.fetch_limit()));
  return platform::MakePage(std::move(items), page.size, [](const Authority& a) { return a.id; });
}

absl::Status Directory::MayCreateAuthority(const Caller& caller, const std::string& parent_id) {
  if (parent_id.empty()) {
    return InvalidField("authority.parent", "bắt buộc; chỉ lúc khởi tạo mới có gốc (required)");
  }
  RETURN_IF_ERROR(platform::ValidateId(parent_id, "authority.parent"));
  // Authorities are public: a missing parent is a bad field, and one out of
  // scope is a matter of role, not a secret.
  ASSIGN_OR_RETURN(auto parent, store_.FindAuthority(parent_id));
  if (!parent) return InvalidField("authority.parent", "cơ quan quản lý không tồn tại (no such authority)");
  ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, parent_id));
  if (!in_scope || caller.role != Role::kAuthorityOfficer) {
    return absl::PermissionDeniedError(
        "Chỉ cán bộ của cơ quan cấp trên được tạo cơ quan trực thuộc (only an officer above may create it)");
  }
  return absl::OkStatus();
}

absl::StatusOr<Authority> Directory::CreateAuthority(const Caller& caller, const std::string& id,
                                                     Authority draft) {
  RETURN_IF_ERROR(platform::ValidateId(id, "authority_id"));
  ASSIGN_OR_RETURN(draft.display_name, platform::CleanText(draft.display_name, "authority.display_name", 200,
                                                           true, TextLines::kSingle));
  ASSIGN_OR_RETURN(draft.code,
                   platform::CleanText(draft.code, "authority.code", 40, true, TextLines::kSingle));
  RETURN_IF_ERROR(ValidateKind(draft.kind));
  if (draft.valid_until.IsSet() && draft.valid_from.IsSet() && draft.valid_until <= draft.valid_from) {
    return InvalidField("authority.valid_until", "phải sau valid_from (must be after valid_from)");
  }
  RETURN_IF_ERROR(MayCreateAuthority(caller, draft.parent_id));
  draft.id = id;
  RETURN_IF_ERROR(store_.InsertAuthority(draft));
  return draft;
}

// ---- schools ----

absl::StatusOr<School> Directory::GetSchool(const Caller& caller, const std::string& id) {
  return LoadSchool(caller, id);
}

absl::StatusOr<Page<School>> Directory::ListSchools(const Caller& caller, const std::string& authority_id,
                                                    const std::string& query, Date as_of, int page_size,
                                                    const std::string& page_token) {
  RETURN_IF_ERROR(platform::ValidateId(authority_id, "parent"));
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 1000));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff) {
    return absl::PermissionDeniedError(
        "Tài khoản trường chỉ xem được trường của mình (school accounts see only their school)");
  }
  ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, authority_id));
  if (!in_scope) return NotFound("cơ quan quản lý", authority_id);
  ASSIGN_OR_RETURN(auto subtree, store_.AuthoritySubtree(authority_id));
  ASSIGN_OR_RETURN(
      auto items, store_.ListSchools(subtree, as_of.IsSet() ? as_of : Today(), platform::FoldForSearch(query),
                                     page.after, page.fetch_limit()));
  return platform::MakePage(std::move(items), page.size, [](const School& s) { return s.id; });
}

absl::StatusOr<Authority> Directory::AuthorityForNewSchool(const Caller& caller,
                                                           const std::string& authority_id) {
  RETURN_IF_ERROR(platform::ValidateId(authority_id, "school.authority"));
  ASSIGN_OR_RETURN(auto authority, store_.FindAuthority(authority_id));
  if (!authority)
    return InvalidField("school.authority", "cơ quan quản lý không tồn tại (no such authority)");
  ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, authority_id));
  if (!in_scope || caller.role != Role::kAuthorityOfficer) {
    return absl::PermissionDeniedError(
        "Chỉ cán bộ cơ quan quản lý được thêm trường (only the authority may add schools)");
  }
  return *authority;
}

absl::Status Directory::MayCreateSchool(const Caller& caller, const std::string& authority_id) {
  return AuthorityForNewSchool(caller, authority_id).status();
}

absl::StatusOr<School> Directory::CreateSchool(const Caller& caller, const std::string& id, School draft) {
  RETURN_IF_ERROR(platform::ValidateId(id, "school_id"));
  ASSIGN_OR_RETURN(draft.display_name, platform::CleanText(draft.display_name, "school.display_name", 200,
                                                           true, TextLines::kSingle));
  ASSIGN_OR_RETURN(draft.code, platform::CleanText(draft.code, "school.code", 40, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(draft.address,
                   platform::CleanText(draft.address, "school.address", 400, false, TextLines::kSingle));
  if (draft.level == SchoolLevel::kUnspecified) {
    return InvalidField("school.level", "bắt buộc (required)");
  }
  ASSIGN_OR_RETURN(Authority authority, AuthorityForNewSchool(caller, draft.authority_id));
  draft.id = id;
  draft.create_time = clock_();
  if (authority.valid_from.IsSet() && Today() < authority.valid_from) {
    return absl::FailedPreconditionError(
        absl::StrCat("Cơ quan này có hiệu lực từ ", authority.valid_from.ToVietnamese(),
                     "; hãy tạo trường dưới cơ quan hiện tại rồi chuyển trường với ngày hiệu lực đó "
                     "(authority not in effect yet: create the school under the current one and move it)"));
  }
  Date from = authority.valid_from.IsSet() ? authority.valid_from : Date{2000, 1, 1};
  RETURN_IF_ERROR(store_.InsertSchool(draft, SearchText(draft), from));
  return draft;
}

absl::StatusOr<School> Directory::LoadEditableSchool(const Caller& caller, const std::string& id) {
  RETURN_IF_ERROR(platform::ValidateId(id, "school.name"));
  ASSIGN_OR_RETURN(School school, LoadSchool(caller, id));
  RETURN_IF_ERROR(RequireSchoolAdmin(caller, school));
  return school;
}

absl::Status Directory::MayEditSchool(const Caller& caller, const std::string& school_id) {
  return LoadEditableSchool(caller, school_id).status();
}

absl::StatusOr<School> Directory::UpdateSchool(const Caller& caller, const School& changes,
                                               const std::set<std::string>& fields) {
  if (fields.empty()) return InvalidField("update_mask", "bắt buộc (required)");
  School school;
  // Read and write under the school's row lock: concurrent edits of
  // different fields must not overwrite each other.
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    RETURN_IF_ERROR(platform::ValidateId(changes.id, "school.name"));
    RETURN_IF_ERROR(store_.LockSchool(changes.id));
    ASSIGN_OR_RETURN(school, LoadEditableSchool(caller, changes.id));
    for (const std::string& field : fields) {
      if (field == "display_name") {
        ASSIGN_OR_RETURN(school.display_name, platform::CleanText(changes.display_name, "school.display_name",
                                                                  200, true, TextLines::kSingle));
      } else if (field == "code") {
        ASSIGN_OR_RETURN(school.code,
                         platform::CleanText(changes.code, "school.code", 40, true, TextLines::kSingle));
      } else if (field == "address") {
        ASSIGN_OR_RETURN(school.address, platform::CleanText(changes.address, "school.address", 400, false,
                                                             TextLines::kSingle));
      } else if (field == "level") {
        if (changes.level == SchoolLevel::kUnspecified)
          return InvalidField("school.level", "bắt buộc (required)");
        school.level = changes.level;
      } else {
        return InvalidField("update_mask", absl::StrCat("không sửa được '", field, "' (not updatable)"));
      }
    }
    return store_.UpdateSchool(school, SearchText(school));
  }));
  return school;
}

absl::Status Directory::MayMoveSchool(const Caller& caller, const std::string& school_id,
                                      const std::string& authority_id) {
  RETURN_IF_ERROR(LoadSchool(caller, school_id).status());
  if (caller.role != Role::kAuthorityOfficer && caller.role != Role::kService) {
    return absl::PermissionDeniedError(
        "Chỉ cơ quan quản lý được chuyển trường (only an authority may move a school)");
  }
  RETURN_IF_ERROR(platform::ValidateId(authority_id, "authority"));
  ASSIGN_OR_RETURN(auto target, store_.FindAuthority(authority_id));
  if (!target) return InvalidField("authority", "cơ quan quản lý không tồn tại (no such authority)");
  ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, authority_id));
  if (!in_scope) {
    return absl::PermissionDeniedError(
        "Cơ quan nhận không thuộc phạm vi của bạn (target authority outside your scope)");
  }
  return absl::OkStatus();
}

absl::StatusOr<School> Directory::MoveSchool(const Caller& caller, const std::string& id,
                                             const std::string& authority_id, Date effective,
                                             const std::string& reason) {
  RETURN_IF_ERROR(MayMoveSchool(caller, id, authority_id));
  if (!effective.IsSet()) return InvalidField("effective_date", "bắt buộc (required)");
  ASSIGN_OR_RETURN(std::string clean_reason,
                   platform::CleanText(reason, "reason", 300, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(auto history, store_.Memberships(id));
  Date expected_open_from;
  if (!history.empty()) {
    const Membership& last = history.back();
    expected_open_from = last.effective_from;
    if (last.authority_id == authority_id) {
      return absl::FailedPreconditionError("Trường đã thuộc cơ quan này (school already belongs there)");
    }
    if (!(last.effective_from < effective)) {
      return InvalidField("effective_date",
                          absl::StrCat("phải sau ngày ", last.effective_from.ToVietnamese(),
                                       " của lần chuyển trước (must follow the last move)"));
    }
  }
  RETURN_IF_ERROR(
      store_.AddMembership(id, Membership{authority_id, effective, {}, clean_reason}, expected_open_from));
  ASSIGN_OR_RETURN(auto moved, store_.FindSchool(id, Today()));
  if (!moved) return NotFound("trường", id);
  return *moved;
}

absl::StatusOr<std::vector<Membership>> Directory::ListMemberships(const Caller& caller,
                                                                   const std::string& id) {
  RETURN_IF_ERROR(LoadSchool(caller, id).status());
  return store_.Memberships(id);
}

// ---- accounts ----

absl::Status Directory::RequireAccountManager(const Caller& caller, const Account& account) {
  if (caller.subject == absl::StrCat("accounts/", account.id)) return absl::OkStatus();
  if (caller.role == Role::kSchoolAdmin && !account.school_id.empty() &&
      account.school_id == caller.school_id) {
    return absl::OkStatus();
  }
  if (caller.role == Role::kAuthorityOfficer) {
    if (!account.authority_id.empty()) {
      ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, account.authority_id));
      if (in_scope) return absl::OkStatus();
    }
    if (!account.school_id.empty()) {
      ASSIGN_OR_RETURN(auto school, store_.FindSchool(account.school_id, Today()));
      if (school) {
        ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, school->authority_id));
        if (in_scope) return absl::OkStatus();
      }
    }
  }
  return NotFound("tài khoản", account.id);
}

absl::StatusOr<Account> Directory::LoadManagedAccount(const Caller& caller, const std::string& id,
                                                      absl::string_view field) {
  RETURN_IF_ERROR(platform::ValidateId(id, field));
  ASSIGN_OR_RETURN(auto account, store_.FindAccount(id));
  if (!account) return NotFound("tài khoản", id);
  RETURN_IF_ERROR(RequireAccountManager(caller, *account));
  return *account;
}

absl::Status Directory::MayCreateAccount(const Caller& caller, const Account& draft) {
  switch (draft.role) {
    case Role::kSchoolAdmin:
    case Role::kSchoolStaff: {
      if (draft.school_id.empty())
        return InvalidField("account.school", "bắt buộc với vai trò của trường (required)");
      if (!draft.authority_id.empty())
        return InvalidField("account.authority", "phải để trống (must be empty)");
      RETURN_IF_ERROR(platform::ValidateId(draft.school_id, "account.school"));
      ASSIGN_OR_RETURN(auto school, store_.FindSchool(draft.school_id, Today()));
      // Missing and out-of-scope schools answer alike, so ids cannot be probed.
      if (!school) return NotFound("trường", draft.school_id);
      if (caller.role == Role::kSchoolAdmin && caller.school_id == school->id) return absl::OkStatus();
      RETURN_IF_ERROR(RequireSchoolRead(caller, *school));
      if (caller.role != Role::kAuthorityOfficer) {
        return absl::PermissionDeniedError("Không được tạo tài khoản này (not allowed)");
      }
      return absl::OkStatus();
    }
    case Role::kAuthorityOfficer: {
      if (draft.authority_id.empty()) return InvalidField("account.authority", "bắt buộc (required)");
      if (!draft.school_id.empty()) return InvalidField("account.school", "phải để trống (must be empty)");
      RETURN_IF_ERROR(platform::ValidateId(draft.authority_id, "account.authority"));
      ASSIGN_OR_RETURN(auto authority, store_.FindAuthority(draft.authority_id));
      if (!authority) return InvalidField("account.authority", "cơ quan không tồn tại (no such authority)");
      ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, draft.authority_id));
      if (!in_scope || caller.role != Role::kAuthorityOfficer) {
        return absl::PermissionDeniedError("Không được tạo tài khoản cho cơ quan này (not allowed)");
      }
      return absl::OkStatus();
    }
    case Role::kService: {
      // Only an officer of a root authority (the system's administrator).
      if (caller.role != Role::kAuthorityOfficer)
        return absl::PermissionDeniedError("Không được tạo tài khoản dịch vụ (not allowed)");
      ASSIGN_OR_RETURN(auto own, store_.FindAuthority(caller.authority_id));
      if (!own || !own->parent_id.empty()) {
        return absl::PermissionDeniedError(
            "Chỉ quản trị cấp thành phố tạo tài khoản dịch vụ (root officers only)");
      }
      return absl::OkStatus();
    }
    default:
      return InvalidField("account.role", "bắt buộc (required)");
  }
}

absl::Status Directory::MayManageAccount(const Caller& caller, const std::string& account_id,
                                         absl::string_view field) {
  return LoadManagedAccount(caller, account_id, field).status();
}

absl::StatusOr<Account> Directory::CreateAccount(const Caller& caller, const std::string& id, Account draft) {
  RETURN_IF_ERROR(platform::ValidateId(id, "account_id"));
  ASSIGN_OR_RETURN(draft.display_name, platform::CleanText(draft.display_name, "account.display_name", 200,
                                                           true, TextLines::kSingle));
  ASSIGN_OR_RETURN(draft.email,
                   platform::CleanText(draft.email, "account.email", 200, false, TextLines::kSingle));
  RETURN_IF_ERROR(platform::ValidateEmail(draft.email, "account.email"));
  RETURN_IF_ERROR(MayCreateAccount(caller, draft));
  if (draft.role == Role::kService) {
    draft.school_id.clear();
    draft.authority_id.clear();
  }
  draft.id = id;
  draft.create_time = clock_();
  RETURN_IF_ERROR(store_.InsertAccount(draft));
  return draft;
}

absl::StatusOr<Account> Directory::GetAccount(const Caller& caller, const std::string& id) {
  return LoadManagedAccount(caller, id, "name");
}

absl::StatusOr<Page<Account>> Directory::ListAccounts(const Caller& caller, const std::string& school_id,
                                                      const std::string& authority_id, int page_size,
                                                      const std::string& page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 500));
  // The reporting service mails each account its notification digest, so
  // it alone among services reads accounts (and their addresses).
  const bool notifier = caller.role == Role::kService && caller.subject == "services/reporting";
  if (!school_id.empty()) {
    ASSIGN_OR_RETURN(School school, LoadSchool(caller, school_id));
    if (!notifier) RETURN_IF_ERROR(RequireSchoolAdmin(caller, school));
  } else {
    RETURN_IF_ERROR(platform::ValidateId(authority_id, "parent"));
    ASSIGN_OR_RETURN(bool in_scope, AuthorityInScope(caller, authority_id));
    if (!in_scope || (caller.role == Role::kService && !notifier)) {
      return NotFound("cơ quan quản lý", authority_id);
    }
  }
  ASSIGN_OR_RETURN(auto items, store_.ListAccounts(school_id, authority_id, page.after, page.fetch_limit()));
  return platform::MakePage(std::move(items), page.size, [](const Account& a) { return a.id; });
}

// ---- API keys ----

absl::StatusOr<IssuedApiKey> Directory::CreateApiKey(const Caller& caller, const std::string& account_id,
                                                     const std::string& display_name) {
  ASSIGN_OR_RETURN(Account account, LoadManagedAccount(caller, account_id, "parent"));
  IssuedApiKey issued;
  ASSIGN_OR_RETURN(issued.key.display_name,
                   platform::CleanText(display_name, "display_name", 200, false, TextLines::kSingle));
  issued.secret = absl::StrCat(kKeyPrefix, platform::RandomHex(20));
  issued.key.account_id = account.id;
  issued.key.key_id = platform::RandomId();
  issued.key.prefix = issued.secret.substr(0, 12);
  issued.key.create_time = clock_();
  RETURN_IF_ERROR(store_.InsertApiKey(issued.key, HashApiKeySecret(issued.secret)));
  return issued;
}

absl::StatusOr<std::vector<ApiKey>> Directory::ListApiKeys(const Caller& caller,
                                                           const std::string& account_id) {
  RETURN_IF_ERROR(LoadManagedAccount(caller, account_id, "parent").status());
  return store_.ListApiKeys(account_id);
}

absl::StatusOr<ApiKey> Directory::RevokeApiKey(const Caller& caller, const std::string& account_id,
                                               const std::string& key_id) {
  RETURN_IF_ERROR(MayManageAccount(caller, account_id, "name"));
  RETURN_IF_ERROR(platform::ValidateId(key_id, "name"));
  ASSIGN_OR_RETURN(auto key, store_.FindApiKey(account_id, key_id));
  if (!key) return NotFound("khoá API", key_id);
  if (key->revoke_time) return *key;  // already revoked: same outcome
  absl::Time now = clock_();
  RETURN_IF_ERROR(store_.RevokeApiKey(account_id, key_id, now));
  key->revoke_time = now;
  return *key;
}

absl::StatusOr<Principal> Directory::Authenticate(const Caller& caller, const std::string& secret) {
  if (caller.role != Role::kService) {
    return absl::PermissionDeniedError("Chỉ cổng API được xác thực khoá (gateway only)");
  }
  absl::Status unknown =
      absl::UnauthenticatedError("Khoá API không hợp lệ hoặc đã bị thu hồi (invalid or revoked API key)");
  if (!absl::StartsWith(secret, kKeyPrefix) || secret.size() > 100) return unknown;
  ASSIGN_OR_RETURN(auto key, store_.FindApiKeyByHash(HashApiKeySecret(secret)));
  if (!key || key->revoke_time) return unknown;
  ASSIGN_OR_RETURN(auto account, store_.FindAccount(key->account_id));
  if (!account) return unknown;
  absl::Time now = clock_();
  if (!key->last_used_time || now - *key->last_used_time > absl::Minutes(1)) {
    RETURN_IF_ERROR(store_.TouchApiKey(key->account_id, key->key_id, now));
  }
  Principal principal{*account, key->key_id, {}, {}};
  if (account->role == Role::kAuthorityOfficer) {
    ASSIGN_OR_RETURN(principal.authority_ids, store_.AuthoritySubtree(account->authority_id));
    std::string after;
    while (true) {
      ASSIGN_OR_RETURN(auto schools, store_.ListSchools(principal.authority_ids, Today(), "", after, 1000));
      for (const School& s : schools) principal.school_ids.push_back(s.id);
      if (schools.size() < 1000) break;
      after = schools.back().id;
    }
  } else if (!account->school_id.empty()) {
    principal.school_ids.push_back(account->school_id);
  }
  return principal;
}

absl::StatusOr<std::optional<std::string>> Directory::Bootstrap(const Authority& root,
                                                                const std::string& admin_secret) {
  // A misconfigured key is reported on every start, not only the first.
  if (!admin_secret.empty() && (!absl::StartsWith(admin_secret, kKeyPrefix) || admin_secret.size() < 24)) {
    return absl::InvalidArgumentError(
        "bootstrap admin key must start with 'phk_' and be at least 24 characters");
  }
  std::optional<std::string> shown;
  // All or nothing: a directory left with an admin but no key could never
  // be entered again.
  absl::Status created = store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(int64_t accounts, store_.CountAccounts());
    if (accounts > 0) return absl::OkStatus();
    ASSIGN_OR_RETURN(auto existing, store_.FindAuthority(root.id));
    if (!existing) RETURN_IF_ERROR(store_.InsertAuthority(root));
    Account admin{"admin", "Quản trị hệ thống", "", Role::kAuthorityOfficer, "", root.id, clock_()};
    RETURN_IF_ERROR(store_.InsertAccount(admin));
    std::string secret =
        admin_secret.empty() ? absl::StrCat(kKeyPrefix, platform::RandomHex(20)) : admin_secret;
    ApiKey key{"admin", platform::RandomId(), "bootstrap", secret.substr(0, 12), clock_(), {}, {}};
    RETURN_IF_ERROR(store_.InsertApiKey(key, HashApiKeySecret(secret)));
    if (admin_secret.empty()) shown = secret;
    return absl::OkStatus();
  });
  // Another replica starting at the same moment bootstrapped first.
  if (absl::IsAlreadyExists(created)) return std::optional<std::string>();
  RETURN_IF_ERROR(created);
  return shown;
}

}  // namespace parhub::directory
