// Directory entities: authorities (a tree), schools, their membership
// history, accounts and API keys. Plain values, no behaviour.
#ifndef PARHUB_SERVICES_DIRECTORY_DOMAIN_MODEL_H_
#define PARHUB_SERVICES_DIRECTORY_DOMAIN_MODEL_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "platform/core/date.h"
#include "platform/core/page.h"

namespace parhub::directory {

using platform::Date;
using platform::Role;

struct Authority final {
  std::string id;
  std::string code;
  std::string display_name;
  std::string parent_id;  // "" for a root
  std::string kind;       // city, district, ward
  Date valid_from;
  Date valid_until;  // unset while it exists
};

enum class SchoolLevel { kUnspecified = 0, kKindergarten, kPrimary, kLowerSecondary, kUpperSecondary };

struct School final {
  std::string id;
  std::string code;
  std::string display_name;
  SchoolLevel level = SchoolLevel::kUnspecified;
  std::string address;
  std::string authority_id;  // as of the date it was read for
  absl::Time create_time;
};

struct Membership final {
  std::string authority_id;
  Date effective_from;
  Date effective_until;  // unset while current
  std::string reason;
};

struct Account final {
  std::string id;
  std::string display_name;
  std::string email;
  Role role = Role::kUnspecified;
  std::string school_id;     // school roles
  std::string authority_id;  // authority officers
  absl::Time create_time;
};

struct ApiKey final {
  std::string account_id;
  std::string key_id;
  std::string display_name;
  std::string prefix;
  absl::Time create_time;
  std::optional<absl::Time> last_used_time;
  std::optional<absl::Time> revoke_time;
};

// A resolved API key: whose it is and what it may reach.
struct Principal final {
  Account account;
  std::string key_id;
  std::vector<std::string> authority_ids;  // officer: its authority and all below
  std::vector<std::string> school_ids;     // schools in scope now
};

// One page of a listing.
using platform::Page;

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_DOMAIN_MODEL_H_
