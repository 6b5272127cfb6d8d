// Helpers shared by parhubctl's finance commands (finance_common.h).
#include "cli/finance_common.h"

#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"
#include "platform/core/vntext.h"

namespace parhub::cli {

std::string MethodLabel(const Output& out, fv::PaymentMethod method) {
  switch (method) {
    case fv::PAYMENT_METHOD_CASH:
      return out.T("Tiền mặt", "Cash");
    case fv::PAYMENT_METHOD_BANK_TRANSFER:
      return out.T("Chuyển khoản", "Bank transfer");
    case fv::PAYMENT_METHOD_VIETQR:
      return out.T("Chuyển khoản VietQR", "VietQR transfer");
    case fv::PAYMENT_METHOD_CARD:
      return out.T("Thẻ", "Card");
    case fv::PAYMENT_METHOD_E_WALLET:
      return out.T("Ví điện tử", "E-wallet");
    case fv::PAYMENT_METHOD_CREDIT:
      return out.T("Trừ tiền nộp thừa", "From credit");
    default:
      return "?";
  }
}

std::optional<fv::PaymentMethod> ParseMethod(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "tien-mat" || t == "cash") return fv::PAYMENT_METHOD_CASH;
  if (t == "chuyen-khoan" || t == "transfer" || t == "bank-transfer") return fv::PAYMENT_METHOD_BANK_TRANSFER;
  if (t == "vietqr" || t == "qr") return fv::PAYMENT_METHOD_VIETQR;
  if (t == "the" || t == "card") return fv::PAYMENT_METHOD_CARD;
  if (t == "vi" || t == "vi-dien-tu" || t == "e-wallet") return fv::PAYMENT_METHOD_E_WALLET;
  if (t == "tien-thua" || t == "credit") return fv::PAYMENT_METHOD_CREDIT;
  return std::nullopt;
}
std::unique_ptr<fv::FinanceService::Stub> StubOf(Session& session) {
  return fv::FinanceService::NewStub(session.channel());
}

// An amount flag in đồng ("500000", "500.000"); nullopt after a usage error.
std::optional<int64_t> AmountFlag(App& app, const std::string& flag, const std::string& text) {
  auto amount = ParseDong(text);
  if (!amount) {
    app.Usage(absl::StrCat(flag, ": '", text,
                           app.out.T("' không phải số tiền (đồng), ví dụ 500000 hoặc 500.000",
                                     "' is not an amount of đồng, e.g. 500000 or 500.000")));
  }
  return amount;
}

// A period as the service takes it ("2026-09") from "2026-09", "2026-9" or
// "09/2026"; anything else is passed on for the service to refuse.
std::string NormalizePeriod(const std::string& text) {
  int year = 0, month = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d%c", &year, &month, &rest) == 2 ||
      std::sscanf(text.c_str(), "%2d/%4d%c", &month, &year, &rest) == 2) {
    if (year >= 1000 && month >= 1 && month <= 12) return absl::StrFormat("%04d-%02d", year, month);
  }
  return text;
}

// "2026-09-15 08:30" or "15/09/2026 08:30", Vietnam time; nullopt after a
// usage error.
std::optional<google::protobuf::Timestamp> TimeFlag(App& app, const std::string& flag,
                                                    const std::string& text) {
  for (const char* format : {"%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M"}) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(format, text, platform::VietnamTimeZone(), &time, &error)) {
      google::protobuf::Timestamp out;
      out.set_seconds(absl::ToUnixSeconds(time));
      return out;
    }
  }
  app.Usage(
      absl::StrCat(flag, ": '", text,
                   app.out.T("' không phải thời điểm (YYYY-MM-DD HH:MM hoặc DD/MM/YYYY HH:MM, giờ Việt Nam)",
                             "' is not a time (YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM, Vietnam time)")));
  return std::nullopt;
}

// The first instant of a day in Vietnam.
google::protobuf::Timestamp StartOfDay(const common::v1::Date& date) {
  google::protobuf::Timestamp out;
  out.set_seconds(absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilDay(date.year(), date.month(), date.day()), platform::VietnamTimeZone())));
  return out;
}

// --from/--to as a time range [start of --from, start of the day after --to);
// false after a usage error.
bool DayRangeFlags(App& app, const std::string& from, const std::string& to,
                   google::protobuf::Timestamp* start, google::protobuf::Timestamp* end) {
  if (!from.empty()) {
    auto date = ParseDateFlag(app, "--from", from);
    if (!date) return false;
    *start = StartOfDay(*date);
  }
  if (!to.empty()) {
    auto date = ParseDateFlag(app, "--to", to);
    if (!date) return false;
    *end = StartOfDay(*date);
    end->set_seconds(end->seconds() + 24 * 3600);
  }
  return true;
}

std::string Shorten(const std::string& text, size_t max_chars) {
  if (DisplayWidth(text) <= max_chars) return text;
  return platform::Utf8Prefix(text, max_chars - 1) + "…";
}

// Table cells show "500.000 đ"; files (--export) the bare number, so a
// spreadsheet can add it up.
std::string Money(int64_t amount, bool file) { return file ? absl::StrCat(amount) : FormatDong(amount); }

// The idempotency key of a mutation: --request-id, else a fresh one.
std::string NewRequestId(const App& app, const char* verb) {
  return app.RequestId(absl::StrCat("cli-finance-", verb, "-", platform::RandomId()));
}

// ---------------------------------------------------------------------------
// Names.

// "schools/{school}/{collection}/{id}" for an id of --school (default: the
// caller's school) or a full name. Ids are lower case, so "HS001" finds the
// pupil imported with code HS001. nullopt after a usage error.
std::optional<std::string> ChildName(App& app, const std::string& school_flag, const std::string& collection,
                                     const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  return absl::StrCat(*school, "/", collection, "/", absl::AsciiStrToLower(text));
}

// "schools/{school}" of a resource name.
std::string SchoolOf(const std::string& name) {
  size_t slash = name.find('/', std::string("schools/").size());
  return slash == std::string::npos ? name : name.substr(0, slash);
}

// "invoices/3f9a…" of "schools/mn-2010/invoices/3f9a…".
std::string InSchool(const std::string& name) {
  std::string school = SchoolOf(name);
  return name.size() > school.size() ? name.substr(school.size() + 1) : name;
}

bool IsRandomId(const std::string& text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

// The invoice for a full name, an invoice id (16 hex digits) or the payment
// reference printed on it and sent in the transfer ("MN2010HP26090017", found
// by asking the service). nullopt after a usage error.
std::optional<std::string> ResolveInvoice(App& app, Session& session, const std::string& school_flag,
                                          const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  if (!IsRandomId(text)) {
    fv::ListInvoicesRequest request;
    request.set_parent(*school);
    request.set_payment_reference(text);
    request.set_page_size(1);
    fv::ListInvoicesResponse page;
    auto context = session.NewContext();
    // A failure here is not reported: the real call says what is wrong.
    if (StubOf(session)->ListInvoices(context.get(), request, &page).ok() && page.invoices_size() > 0)
      return page.invoices(0).name();
  }
  return absl::StrCat(*school, "/invoices/", absl::AsciiStrToLower(text));
}

// The receipt for a full name, a receipt id, or its number as printed
// ("2026-000123", found by listing that year's receipts). nullopt after a
// usage error.
std::optional<std::string> ResolveReceipt(App& app, Session& session, const std::string& school_flag,
                                          const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  int year = 0, sequence = 0;
  char rest = 0;
  if (text.size() == 11 && std::sscanf(text.c_str(), "%4d-%6d%c", &year, &sequence, &rest) == 2) {
    fv::ListReceiptsRequest request;
    request.set_parent(*school);
    request.set_year(year);
    request.set_page_size(1000);
    auto stub = StubOf(session);
    do {
      fv::ListReceiptsResponse page;
      auto context = session.NewContext();
      if (!stub->ListReceipts(context.get(), request, &page).ok()) break;  // the real call says why
      for (const auto& r : page.receipts()) {
        if (r.number() == text) return r.name();
      }
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
  }
  return absl::StrCat(*school, "/receipts/", absl::AsciiStrToLower(text));
}

// The school's pupils (those who left too) by name, to show names beside
// invoices and receipts; as far as they could be read (empty when not).
using PupilIndex = std::map<std::string, fv::Pupil>;
PupilIndex ReadPupils(Session& session, const std::string& school) {
  PupilIndex pupils;
  fv::ListPupilsRequest request;
  request.set_parent(school);
  request.set_include_left(true);
  request.set_page_size(1000);
  auto stub = StubOf(session);
  do {
    fv::ListPupilsResponse page;
    auto context = session.NewContext();
    if (!stub->ListPupils(context.get(), request, &page).ok()) break;
    for (const auto& p : page.pupils()) pupils[p.name()] = p;
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return pupils;
}

const fv::Pupil* FindPupil(const PupilIndex& pupils, const std::string& name) {
  auto it = pupils.find(name);
  return it == pupils.end() ? nullptr : &it->second;
}

// "Nguyễn Văn An (HS001)" when known, else the pupil's id.
std::string PupilText(const PupilIndex& pupils, const std::string& name) {
  const fv::Pupil* p = FindPupil(pupils, name);
  if (p == nullptr) return IdOf(name);
  return absl::StrCat(p->display_name(), " (", p->pupil_code(), ")");
}

void MorePagesHint(const Output& out, const std::string& next_page_token) {
  if (!next_page_token.empty())
    out.Line(out.T("Còn nữa: thêm --all để xem tất cả.", "More: add --all to see everything."));
}

std::string FeeUnitLabel(const Output& out, fv::FeeUnit unit) {
  switch (unit) {
    case fv::FEE_UNIT_MONTH:
      return out.T("tháng", "month");
    case fv::FEE_UNIT_TERM:
      return out.T("học kỳ", "term");
    case fv::FEE_UNIT_YEAR:
      return out.T("năm học", "school year");
    case fv::FEE_UNIT_ONCE:
      return out.T("một lần", "once");
    default:
      return "?";
  }
}

// "500.000 đ/tháng", "150.000 đ (một lần)".
std::string AmountPerUnit(const Output& out, const fv::FeeItem& fee) {
  if (fee.unit() == fv::FEE_UNIT_ONCE) {
    return absl::StrCat(FormatDong(fee.amount()), " (", FeeUnitLabel(out, fee.unit()), ")");
  }
  return absl::StrCat(FormatDong(fee.amount()), "/", FeeUnitLabel(out, fee.unit()));
}

}  // namespace parhub::cli
