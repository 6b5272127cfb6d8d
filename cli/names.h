// Names people read for the ids and codes the services answer with: an
// account's name for "accounts/ht-mn-2010", an authority's for
// "authorities/q1", a school's, a PAR field's title for "chi_dao_dieu_hanh".
// Each is looked up once per run with a read every caller may make (GetAccount
// only for the accounts the caller manages); when a lookup is refused or
// fails, the id itself is shown.
#ifndef PARHUB_CLI_NAMES_H_
#define PARHUB_CLI_NAMES_H_

#include <map>
#include <string>

#include "cli/session.h"

namespace parhub::cli {

class Names final {
 public:
  explicit Names(Session& session) : session_(session) {}

  // "Hiệu trưởng Trường Mầm non 20/10" for "accounts/ht-mn-2010", else "ht-mn-2010".
  std::string Account(const std::string& name);
  // "UBND Quận 1" for "authorities/q1", else "q1".
  std::string Authority(const std::string& name);
  // "Trường Mầm non 20/10" for "schools/mn-2010", else "mn-2010".
  std::string School(const std::string& name);
  // The PAR field's title (English with --lang en) from the newest PAR
  // framework, else the code.
  std::string ParField(const std::string& code);

 private:
  Session& session_;
  std::map<std::string, std::string> cache_;  // name (or "parFields/<code>") → what people read
  bool par_fields_loaded_ = false;
};

}  // namespace parhub::cli

#endif  // PARHUB_CLI_NAMES_H_
