// Small Status/StatusOr propagation macros (Debian's Abseil 20220623 has none).
#ifndef PARHUB_PLATFORM_CORE_STATUS_MACROS_H_
#define PARHUB_PLATFORM_CORE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define PARHUB_CONCAT_INNER_(a, b) a##b
#define PARHUB_CONCAT_(a, b) PARHUB_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::absl::Status parhub_status_ = (expr);          \
    if (!parhub_status_.ok()) return parhub_status_; \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, StatusOrExpr());` assigns the value or returns
// the error from the enclosing function.
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  PARHUB_ASSIGN_OR_RETURN_IMPL_(PARHUB_CONCAT_(parhub_statusor_, __LINE__), lhs, rexpr)

#define PARHUB_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // PARHUB_PLATFORM_CORE_STATUS_MACROS_H_
