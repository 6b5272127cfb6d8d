// Fees for e2e scenarios, through the gateway as the school's admin: a
// monthly fee item agreed with parents and a pupil's invoice for this month
// (dates follow today, in Vietnam time).
#ifndef PARHUB_TESTS_E2E_SCHOOL_FEES_H_
#define PARHUB_TESTS_E2E_SCHOOL_FEES_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "parhub/finance/v1/finance.pb.h"
#include "tests/e2e/gateway_client.h"

namespace parhub::e2e {

// A monthly fee item of kind "khac" (agreed with parents, no city cap) for
// the school year of today; request_id "e2e-fee-{school}-{id}".
grpc::Status CreateMonthlyFee(GatewayClient& admin, const std::string& school, const std::string& id,
                              const std::string& display_name, int64_t amount, finance::v1::FeeItem* item);

// The pupil's invoice for this month of one fee item, due `due`.
grpc::Status BillThisMonth(GatewayClient& admin, const std::string& pupil, const std::string& fee_item,
                           absl::CivilDay due, const std::string& request_id, finance::v1::Invoice* invoice);

// A school ready to take cash payments: its bank account (`account_number`
// at BIN 970415) and payment reference prefix, a monthly fee item "quy-lop"
// of 10.000.000 đồng, and `pupils` pupils (codes "{tag}-{i}") with one
// invoice each for this month, due in 20 days. Appends the invoices' names.
grpc::Status SetUpPayingSchool(GatewayClient& admin, const std::string& school,
                               const std::string& account_number, const std::string& reference_prefix,
                               int pupils, const std::string& tag, std::vector<std::string>* invoices);

}  // namespace parhub::e2e

#endif  // PARHUB_TESTS_E2E_SCHOOL_FEES_H_
