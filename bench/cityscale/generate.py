#!/usr/bin/env python3
"""City-scale data set for parhub (docs/BENCHMARKS.md, "City-scale data set").

Writes one tab-separated file per table, <schema>.<table>.tsv, in the
format MariaDB's LOAD DATA reads by default (tab between fields, newline
between rows, backslash escapes, \\N for NULL), for the REAL schemas the
services' migrations create (bench/cityscale/schema.py); the loader is
bench/run_cityscale.sh. Python 3 standard library only; deterministic for a
given --seed.

What one run holds (defaults: Ho Chi Minh City, 3,500 schools, 2.6 M pupils,
150,000 staff):
  parhub_directory  the city, 168 wards and communes (since 1/7/2025) and
                    the 22 districts before them, every school with its two
                    memberships (district until 30/6/2025, ward since), a
                    principal and an accountant account per school and an
                    officer per ward, each with one API key (hash only)
  parhub_tasks      per school the PAR-improvement plan of 2024, 2025 and
                    2026 (the 12 tasks of the template in
                    services/tasks/domain/plan_templates.cc, read from that
                    file) and 4 directives of its ward in 2026 (plan cd-2026):
                    40 tasks; progress updates (2024, 2025 done; 2026 half
                    done) with evidence
  parhub_staffing   the roster (positions, employment types, city e-mail),
                    the 2026 quota and ratings for quarters 1-3 of 2026
  parhub_finance    settings, two monthly fee items under the city's caps
                    (data/finance/fee_rules.json), every pupil, one invoice
                    per pupil for 2026-11 with its lines and ledger transfer,
                    payments (88 % paid, of which 4 % in two instalments;
                    6 % part-paid; 6 % unpaid; 25 % cash at the office, the
                    rest bank transfers and VietQR arriving on daily bank
                    statements), gapless receipts per school, their items,
                    the ledger (every transfer two balanced legs), statement
                    lines (plus a few unmatched ones), and the idempotency
                    keys and audit rows the mutations would have written
  parhub_complaints, parhub_reporting
                    schema only (no rows generated)

Idempotency responses are filler bytes of a fixed, assumed size (the
service stores the serialized response; it is not regenerated here).

  python3 bench/cityscale/generate.py --out DIR [--schools N] [--pupils N]
      [--staff N] [--seed N] [--root REPO]
Prints a summary line per table (rows) and the seconds it took.
"""

import argparse
import hashlib
import os
import random
import re
import sys
import time
import unicodedata

# ---------------------------------------------------------------------------
# Text helpers mirroring the services' own rules.


def fold_for_search(text):
    """platform::FoldForSearch: NFD, drop non-spacing marks, đ→d, lower case,
    whitespace runs to one space, trimmed."""
    out = []
    last_space = True
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn":
            continue
        if ch in "\u0110\u0111":
            ch = "d"
        if ch.isspace():
            if not last_space:
                out.append(" ")
            last_space = True
            continue
        out.append(ch.lower())
        last_space = False
    return "".join(out).rstrip(" ")


def bank_text(text):
    """Upper case without diacritics, as banks print names (A-Z, 0-9, space)."""
    folded = fold_for_search(text).upper()
    return re.sub(r"[^A-Z0-9 ]", "", folded)


def normalize_for_matching(text):
    """finance NormalizeForMatching: ASCII letters and digits, upper case."""
    return "".join(c.upper() for c in text if c.isascii() and c.isalnum())


def code_sort_key(code):
    """tasks CodeSortKey: every digit run left-padded to 10 digits."""
    return re.sub(r"\d+", lambda m: m.group(0).rjust(10, "0") if len(m.group(0)) < 10 else m.group(0), code)


BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base36(n, width):
    s = ""
    while True:
        s = BASE36[n % 36] + s
        n //= 36
        if n == 0:
            break
    return s.rjust(width, "0")


def payment_reference(year, month, school_prefix, sequence):
    """finance MakePaymentReference("HP", ...): at most 19 of A-Z0-9."""
    period = "%02d%02d" % (year % 100, month)
    code = normalize_for_matching(school_prefix)
    room = 19 - 2 - len(period) - 5
    ref = "HP" + period + code[:room] + base36(sequence, 5)
    assert len(ref) <= 19 and re.fullmatch(r"[A-Z0-9]+", ref), ref
    return ref


ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")


def check_id(value):
    """platform::ValidateId: 1-40 of a-z, 0-9, '-', not starting or ending with '-'."""
    if not ID_RE.match(value):
        raise ValueError("invalid id %r" % value)
    return value


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold_for_search(text)).strip("-")


def esc(value):
    """One LOAD DATA field: \\N for NULL, backslash escapes otherwise."""
    if value is None:
        return "\\N"
    s = str(value)
    if "\\" in s or "\t" in s or "\n" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return s


def ts(day, seconds=0, micros=0):
    """A DATETIME(6) in UTC: `day` is (y, m, d), plus seconds into the day."""
    y, m, d = day
    h, rest = divmod(int(seconds), 3600)
    mi, s = divmod(rest, 60)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (y, m, d, h, mi, s, micros)


def date(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


# ---------------------------------------------------------------------------
# Names (Vietnamese). Illustrative, like the demo's.

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai"]
SURNAME_WEIGHTS = [38, 11, 9, 7, 5, 5, 4, 3.5, 3.5, 2.5, 2, 1.5, 1.5, 1.3, 1, 1, 1, 0.8, 0.8, 0.6]
MIDDLE_BOY = ["Văn", "Minh", "Đức", "Quốc", "Gia", "Hoàng", "Thành", "Hữu", "Anh", "Tuấn", "Bảo", "Nhật"]
MIDDLE_GIRL = ["Thị", "Ngọc", "Thu", "Bảo", "Khánh", "Minh", "Phương", "Thanh", "Mỹ", "Hồng", "Kim", "Gia"]
GIVEN_BOY = ["An", "Bảo", "Khang", "Phúc", "Huy", "Khôi", "Minh", "Nam", "Long", "Quân", "Đạt", "Hưng",
             "Kiệt", "Tài", "Thịnh", "Trí", "Vinh", "Duy", "Hiếu", "Lâm", "Nhân", "Phát", "Sơn", "Tùng"]
GIVEN_GIRL = ["Anh", "Linh", "Ngọc", "Vy", "Trâm", "Hân", "Nhi", "Thảo", "Uyên", "Châu", "Giang", "Hà",
              "My", "Ngân", "Quyên", "Tâm", "Thư", "Trang", "Tú", "Yến", "Diễm", "Hương", "Lan", "Mai"]

PLACE_FIRST = ["An", "Bình", "Tân", "Phú", "Long", "Thạnh", "Hòa", "Phước", "Hiệp", "Thới", "Vĩnh", "Linh"]
PLACE_SECOND = ["Lợi", "Hưng", "Đông", "Tây", "Mỹ", "Thuận", "Khánh", "Lộc", "Phát", "Nhuận", "Hội",
                "Trung", "Định", "Quới", "Xuân", "Lạc", "Điền", "Sơn"]
STREETS = ["Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Điện Biên Phủ", "Cách Mạng Tháng Tám",
           "Nguyễn Văn Cừ", "Lý Thường Kiệt", "Phan Đăng Lưu", "Võ Văn Kiệt", "Lê Văn Sỹ", "Nguyễn Thị Minh Khai",
           "Pasteur", "Hoàng Văn Thụ", "Quang Trung", "Lê Đức Thọ", "Kha Vạn Cân", "Tô Ký", "Huỳnh Tấn Phát"]
SCHOOL_NAMES = ["Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Lê Lợi", "Kim Đồng", "Võ Thị Sáu", "Hoa Sen",
                "Họa Mi", "Sơn Ca", "Bình Minh", "Măng Non", "Sao Mai", "Nguyễn Bỉnh Khiêm", "Chu Văn An",
                "Lương Thế Vinh", "Nguyễn Trãi", "Phan Chu Trinh", "Quang Trung", "Hòa Bình", "Đoàn Thị Điểm",
                "Trần Quốc Toản", "Lý Tự Trọng", "Nguyễn Hiền", "Tuổi Thơ", "Hoa Hồng", "Vành Khuyên"]


def person(rng, girl=None):
    if girl is None:
        girl = rng.random() < 0.5
    surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
    middle = rng.choice(MIDDLE_GIRL if girl else MIDDLE_BOY)
    given = rng.choice(GIVEN_GIRL if girl else GIVEN_BOY)
    return "%s %s %s" % (surname, middle, given), surname


# ---------------------------------------------------------------------------
# Facts read from the repository (one source of truth).


def read_template(root):
    """The PAR template's tasks (code, title, description, par_field, due
    month, due day) from services/tasks/domain/plan_templates.cc."""
    path = os.path.join(root, "services/tasks/domain/plan_templates.cc")
    text = open(path, encoding="utf-8").read()
    start = text.index('{"par-improvement"')
    tokens = re.findall(r'"((?:[^"\\]|\\.)*)"|(-?\d+)|([{},])', text[start:])
    # Adjacent string literals are one string; numbers and punctuation stay.
    items = []
    for s, n, p in tokens:
        if p:
            items.append(("p", p))
        elif n:
            items.append(("n", int(n)))
        elif items and items[-1][0] == "s":
            items[-1] = ("s", items[-1][1] + s)
        else:
            items.append(("s", s))
    # {"par-improvement", title, { {code, title, description, field, m, d}, ... } }
    tasks, depth, current, top = [], 0, None, []
    for kind, value in items:
        if (kind, value) == ("p", "{"):
            depth += 1
            if depth == 3:
                current = []
        elif (kind, value) == ("p", "}"):
            if depth == 3:
                code, title, description, par_field = current[:4]
                due = current[4:6] if len(current) >= 6 else [12, 31]
                tasks.append((code, title, description, par_field, due[0], due[1]))
            depth -= 1
            if depth == 0:
                break
        elif kind != "p" and depth == 3:
            current.append(value)
        elif kind == "s" and depth == 1:
            top.append(value)
    plan_title = top[1] if len(top) > 1 else None
    if len(tasks) < 10 or not plan_title:
        raise SystemExit("could not read the PAR template from %s" % path)
    return plan_title, tasks


def read_caps(root, school_year):
    """The ban-tru caps of the school year: {(level, area_group): max per month}."""
    import json
    rules = json.load(open(os.path.join(root, "data/finance/fee_rules.json"), encoding="utf-8"))
    for year in rules["schoolYears"]:
        if year["schoolYear"] != school_year:
            continue
        for kind in year["chargeKinds"]:
            if kind["code"] == "ban-tru":
                return {(c["schoolLevel"], c["areaGroup"]): c["maxAmount"] for c in kind["caps"]
                        if c["unit"] == "month"}, kind["source"]["document"]
    raise SystemExit("no ban-tru caps for %s in data/finance/fee_rules.json" % school_year)


# ---------------------------------------------------------------------------


class Tables:
    """One open TSV file per table; counts rows."""

    def __init__(self, out):
        self.out = out
        self.files = {}
        self.rows = {}

    def write(self, table, *fields):
        f = self.files.get(table)
        if f is None:
            f = self.files[table] = open(os.path.join(self.out, table + ".tsv"), "w", encoding="utf-8",
                                         buffering=1 << 20)
            self.rows[table] = 0
        f.write("\t".join(map(esc, fields)))
        f.write("\n")
        self.rows[table] += 1

    def write_sorted(self, table, rows):
        for r in sorted(rows):
            self.write(table, *r)

    def close(self):
        for f in self.files.values():
            f.close()


LEVELS = [  # directory level, finance level, id prefix, name prefix, share of schools, pupils, staff per pupil
    (1, "mam-non", "mn", "Trường Mầm non", 0.46, 290, 1 / 9.0),
    (2, "tieu-hoc", "th", "Trường Tiểu học", 0.28, 1150, 1 / 21.0),
    (3, "thcs", "thcs", "Trường THCS", 0.17, 1150, 1 / 20.0),
    (4, "thpt", "thpt", "Trường THPT", 0.09, 1250, 1 / 19.0),
]
FIRST_AGE = {1: 2, 2: 6, 3: 11, 4: 15}  # age in 2026 of the first grade's pupils
CLASS_SIZE = {1: 25, 2: 38, 3: 42, 4: 43}
GRADES = {1: ["Nhà trẻ", "Mầm", "Chồi", "Lá"], 2: ["1", "2", "3", "4", "5"], 3: ["6", "7", "8", "9"],
          4: ["10", "11", "12"]}
BANKS = ["970436", "970415", "970418", "970405", "970422", "970407", "970432", "970423"]


def rid(rng):
    """platform::RandomId: 16 lower-case hex digits."""
    return "%016x" % rng.getrandbits(64)


def hex_n(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--schools", type=int, default=3500)
    ap.add_argument("--pupils", type=int, default=2_600_000)
    ap.add_argument("--staff", type=int, default=150_000)
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    args = ap.parse_args()
    started = time.time()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    plan_title, template = read_template(args.root)
    caps, cap_source = read_caps(args.root, "2026-2027")
    t = Tables(args.out)
    D, TK, ST, FI = "parhub_directory.", "parhub_tasks.", "parhub_staffing.", "parhub_finance."

    # ---- authorities --------------------------------------------------------
    t.write(D + "authorities", "hcm", "hcm", "UBND Thành phố Hồ Chí Minh", None, "city", "1976-07-02", None,
            ts((2026, 11, 1), 3600))
    wards = []
    n = 0
    for a in PLACE_FIRST:
        for b in PLACE_SECOND:
            n += 1
            if n > 168:
                break
            kind = "ward" if n <= 113 else "commune"
            word = "Phường" if kind == "ward" else "Xã"
            aid = check_id(("p-" if kind == "ward" else "x-") + slug(a + " " + b))
            wards.append((aid, kind, "%s %s %s" % (word, a, b)))
    for aid, kind, name in wards:
        t.write(D + "authorities", aid, aid, "UBND " + name, "hcm", kind, "2025-07-01", None, ts((2026, 11, 1), 3600))
    districts = ["q%d" % i for i in range(1, 13)] + ["q-binh-thanh", "q-go-vap", "q-phu-nhuan", "q-tan-binh",
                                                     "q-tan-phu", "q-binh-tan", "tp-thu-duc", "h-cu-chi",
                                                     "h-hoc-mon", "h-binh-chanh"]
    for did in districts:
        label = did.replace("q-", "Quận ").replace("tp-", "Thành phố ").replace("h-", "Huyện ")
        if re.fullmatch(r"q\d+", did):
            label = "Quận " + did[1:]
        t.write(D + "authorities", did, did, "UBND %s (trước 01/7/2025)" % label.replace("-", " ").title(), "hcm",
                "district", "1976-05-20", "2025-07-01", ts((2026, 11, 1), 3600))

    # ---- schools: how many of each level, pupils and staff each -------------
    schools = []
    counts = [int(round(args.schools * lv[4])) for lv in LEVELS]
    counts[0] += args.schools - sum(counts)
    raw = []
    for lv, count in zip(LEVELS, counts):
        for _ in range(count):
            raw.append((lv, max(20, int(rng.gauss(lv[5], lv[5] * 0.3)))))
    total_raw = sum(size for _, size in raw)
    staff_raw = sum(size * lv[6] for lv, size in raw)
    pupils_left, staff_left = args.pupils, args.staff
    used_ids = set()
    for i, (lv, size) in enumerate(raw):
        last = i == len(raw) - 1
        pupils = pupils_left if last else max(10, int(size * args.pupils / total_raw))
        staff = staff_left if last else max(5, int(size * lv[6] * args.staff / staff_raw))
        pupils_left -= pupils
        staff_left -= staff
        name_part = rng.choice(SCHOOL_NAMES)
        ward = wards[i % len(wards)]
        number = i + 1
        sid = check_id("%s-%s-%04d" % (lv[2], slug(name_part), number))
        assert sid not in used_ids
        used_ids.add(sid)
        schools.append({
            "id": sid, "level": lv[0], "flevel": lv[1], "prefix": lv[2], "name": "%s %s" % (lv[3], name_part),
            "code": "%s%04d" % (lv[2].upper(), number), "ward": ward, "district": districts[i % len(districts)],
            "pupils": max(1, pupils), "staff": max(3, staff), "area": 1 if ward[1] == "ward" else 2,
        })
    if pupils_left < 0 or staff_left < 0:
        raise SystemExit("too few pupils or staff for that many schools")
    schools.sort(key=lambda s: s["id"])

    # ---- directory ----------------------------------------------------------
    created = ts((2026, 11, 1), 3700)
    for s in schools:
        address = "%d %s, %s, Thành phố Hồ Chí Minh" % (rng.randint(1, 400), rng.choice(STREETS), s["ward"][2])
        search = fold_for_search("%s %s %s %s" % (s["name"], s["code"], address, s["id"]))[:900]
        t.write(D + "schools", s["id"], s["code"], s["name"], s["level"], address, search, created)
    memberships = []
    for s in schools:
        memberships.append((s["id"], "2010-09-01", "2025-07-01", s["district"], "Thành lập / khởi tạo"))
        memberships.append((s["id"], "2025-07-01", None, s["ward"][0],
                            "Sắp xếp đơn vị hành chính cấp xã từ 01/7/2025 (Nghị quyết 1685/NQ-UBTVQH15)"))
    t.write_sorted(D + "school_memberships", memberships)
    accounts, keys = [], []
    for s in schools:
        principal, _ = person(rng)
        accountant, _ = person(rng, girl=True)
        accounts.append(("ht-" + s["id"], "%s (Hiệu trưởng %s)" % (principal, s["name"]),
                         "ht.%s@hcm.edu.vn" % s["id"], 2, s["id"], None, created))
        accounts.append(("kt-" + s["id"], "%s (Kế toán %s)" % (accountant, s["name"]),
                         "kt.%s@hcm.edu.vn" % s["id"], 2, s["id"], None, created))
    for aid, kind, name in wards:
        officer, _ = person(rng)
        accounts.append(("cb-" + aid, "%s (UBND %s)" % (officer, name), "cb.%s@tphcm.gov.vn" % aid, 1, None,
                         aid, created))
    for a in accounts:
        check_id(a[0])
        secret = "phk_" + hex_n(rng, 40)
        keys.append((a[0], rid(rng), "Khóa chính", secret[:12], hashlib.sha256(secret.encode()).hexdigest(),
                     created, None, None))
    t.write_sorted(D + "accounts", accounts)
    t.write_sorted(D + "api_keys", keys)

    # ---- tasks ----------------------------------------------------------------
    directives = {}
    for aid, kind, name in wards:
        rows = []
        for k in range(4):
            did = "cv-%d-2026" % (101 + k * 37)
            month = 2 + k * 3
            rows.append((did, "%d/UBND-VX" % (101 + k * 37),
                         ["Triển khai số hóa hồ sơ tuyển sinh đầu cấp năm học 2026-2027",
                          "Báo cáo kết quả khảo sát sự hài lòng của phụ huynh (SIPAS) năm 2026",
                          "Rà soát, công khai các khoản thu dịch vụ theo Nghị quyết 18/2025/NQ-HĐND",
                          "Kiểm tra việc sử dụng thư điện tử công vụ Thành phố"][k],
                         ["tthc", "tac_dong", "tai_chinh_cong", "chinh_quyen_so"][k], date(2026, month, 5),
                         date(2026, month + 1, 20), ts((2026, month, 5), 2 * 3600)))
        directives[aid] = rows
    for aid in sorted(directives):
        count = sum(1 for s in schools if s["ward"][0] == aid)
        if count == 0:
            continue
        for did, number, title, field, issue, due, at in sorted(directives[aid]):
            t.write(TK + "directives", aid, did, number, title, "Thực hiện theo văn bản " + number + ".", issue,
                    due, field, count, at)
    targets = []
    today = (2026, 12, 4)
    for s in schools:
        plans, tasks, updates, evidence = [], [], [], []
        issuer = s["name"]
        for year in (2024, 2025, 2026):
            pid = "par-%d" % year
            status = 2 if year == 2026 else 3
            plans.append((s["id"], pid, "%d/KH-%s" % (rng.randint(5, 40), s["code"]), year,
                          plan_title.replace("{year}", str(year)), date(year, 1, rng.randint(5, 20)), issuer,
                          "", status, ts((year, 1, 10), 3600), ts((year, 12, 31) if year < 2026 else (2026, 11, 30), 3600)))
            for code, title, description, field, due_m, due_d in template:
                tid = rid(rng)
                due = (year, due_m, due_d)
                if year < 2026 or (due < today and rng.random() < 0.85) or rng.random() < 0.3:
                    status_t, percent = 3, 100
                elif rng.random() < 0.6:
                    status_t, percent = 2, rng.choice([20, 40, 50, 60, 80])
                else:
                    status_t, percent = 1, 0
                n_updates = 2 if status_t == 3 else (1 if status_t == 2 else 0)
                done_day = None
                complete = None
                for u in range(1, n_updates + 1):
                    pct = percent if u == n_updates else 50
                    month = max(1, min(12, due_m - (n_updates - u)))
                    day = (year, month, min(due_d, 28))
                    if day > today:
                        day = (2026, 11, rng.randint(1, 30))
                    at = ts(day, rng.randint(1, 10) * 3600, rng.randint(0, 999999))
                    updates.append((s["id"], pid, tid, u, "accounts/ht-" + s["id"], pct,
                                    "Đã thực hiện %d%% nhiệm vụ %s" % (pct, code), at, date(*day), None))
                    if u == n_updates and status_t == 3:
                        evidence.append((s["id"], pid, tid, u, 0, "%d/BC-%s" % (rng.randint(1, 200), s["code"]),
                                         "Báo cáo kết quả thực hiện nhiệm vụ %s năm %d" % (code, year), "", ""))
                        complete, done_day = at, date(*day)
                tasks.append((s["id"], pid, tid, code, code_sort_key(code), title.replace("{year}", str(year)),
                              description.replace("{year}", str(year)), field, "Hiệu trưởng", date(*due), status_t,
                              percent, complete, done_day, "", n_updates, ts((year, 1, 10), 3600),
                              complete or ts((year, 1, 10), 3600)))
        plans.append((s["id"], "cd-2026", "", 2026, "Nhiệm vụ theo chỉ đạo của cấp trên năm 2026", None, "", "", 2,
                      ts((2026, 2, 5), 2 * 3600), ts((2026, 2, 5), 2 * 3600)))
        for did, number, title, field, issue, due, at in directives[s["ward"][0]]:
            tid = rid(rng)
            tasks.append((s["id"], "cd-2026", tid, did, code_sort_key(did), title, "Thực hiện theo văn bản " + number + ".",
                          field, "", due, 1, 0, None, None, "authorities/%s/directives/%s" % (s["ward"][0], did), 0,
                          at, at))
            targets.append((s["ward"][0], did, s["id"], "cd-2026", tid))
        t.write_sorted(TK + "plans", plans)
        t.write_sorted(TK + "tasks", tasks)
        t.write_sorted(TK + "progress_updates", updates)
        t.write_sorted(TK + "progress_evidence", evidence)
    t.write_sorted(TK + "directive_targets", targets)

    # ---- staffing -------------------------------------------------------------
    for s in schools:
        staff_rows, ratings = [], []
        n_staff = s["staff"]
        civil, public, contract = 0, 0, 0
        for k in range(n_staff):
            if k == 0:
                prefix, position, manager = "HT", "Hiệu trưởng", 1
            elif k <= (2 if n_staff > 40 else 1):
                prefix, position, manager = "PHT", "Phó Hiệu trưởng", 1
            elif k == 3:
                prefix, position, manager = "KT", "Kế toán", 0
            elif k == 4:
                prefix, position, manager = "VT", "Văn thư", 0
            elif k == 5:
                prefix, position, manager = "YT", "Nhân viên y tế", 0
            elif k >= n_staff - max(1, n_staff // 12):
                prefix, position, manager = "NV", rng.choice(["Bảo vệ", "Nhân viên phục vụ", "Cấp dưỡng"]), 0
            else:
                prefix, position, manager = "GV", "Giáo viên", 0
            if prefix == "NV":
                etype, budget = 3, 0
                contract += 1
            else:
                etype, budget = 2, 1
                public += 1
            code = "%s%04d" % (prefix, k + 1)
            sid = code.lower()
            name, _ = person(rng, girl=rng.random() < (0.9 if s["level"] == 1 else 0.7))
            start = date(rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28))
            status = 1 if rng.random() < 0.97 else 2
            email = "%s.%s@hcm.edu.vn" % (sid, s["code"].lower()) if etype != 3 else ""
            last_used = date(2026, rng.randint(9, 11), rng.randint(1, 28)) if email and rng.random() < 0.9 else None
            birth = date(rng.randint(1966, 2002), rng.randint(1, 12), rng.randint(1, 28))
            idn = "079%d%02d%06d" % (rng.randint(0, 3), rng.randint(60, 99) % 100, rng.randint(0, 999999))
            at = ts((2026, 9, 5), 3600 + k)
            staff_rows.append((s["id"], sid, code, name, fold_for_search(name)[:250], position, etype, budget, start,
                               None, status, email, last_used, manager, birth, idn, 1, at, at))
            for q in (1, 2, 3):
                grade = rng.choices([1, 2, 3, 4], [20, 60, 18, 2])[0]
                r_at = ts((2026, q * 3 + 1, 5), 3 * 3600 + k)
                ratings.append((s["id"], sid, 2026, q, grade, "", "accounts/ht-" + s["id"],
                                1 if last_used else 0, r_at, r_at))
        t.write_sorted(ST + "staff", staff_rows)
        t.write_sorted(ST + "ratings", ratings)
        t.write(ST + "staffing_quotas", s["id"], 2026, civil, public + 2, contract + 1,
                "%d/QĐ-UBND" % rng.randint(100, 999), "2026-01-15", ts((2026, 1, 20), 3600))

    # ---- finance ----------------------------------------------------------------
    period, year, month = "2026-11", 2026, 11
    due = "2026-11-15"
    audit_id = 0
    for s in schools:
        sch = s["id"]
        bank_bin = rng.choice(BANKS)
        account_number = "%013d" % rng.randrange(10 ** 12, 10 ** 13)
        prefix6 = s["code"][:6] if len(s["code"]) <= 6 else (s["prefix"][:2].upper() + s["code"][-4:])
        issuer = s["name"]
        tax = "03%08d" % rng.randrange(10 ** 8)
        settings_at = ts((2026, 8, 20), 3600)
        t.write(FI + "finance_settings", sch, bank_bin, account_number, bank_text(issuer)[:100], prefix6, issuer, tax,
                "01BLP0-001", "AA-26E", s["flevel"], s["area"], settings_at)
        cap = caps[(s["flevel"], s["area"])]
        ban_tru = cap - rng.choice([0, 10000, 20000, 50000])
        meal_day = rng.choice([25000, 30000, 35000, 40000])
        meals = meal_day * 22
        items = [
            ("ban-tru-2026-2027", "BAN-TRU", "Dịch vụ tổ chức phục vụ, quản lý và vệ sinh bán trú", ban_tru, "ban-tru",
             "%s, Điều 2, Phụ lục: mức tối đa Nhóm %d %s đồng/tháng; mức thu thỏa thuận với cha mẹ học sinh"
             % (cap_source, s["area"], "{:,}".format(cap).replace(",", "."))),
            ("tien-an-2026-2027", "TIEN-AN", "Tiền ăn bán trú (%s đồng/ngày, 22 ngày)"
             % "{:,}".format(meal_day).replace(",", "."), meals, "khac",
             "Thỏa thuận với cha mẹ học sinh theo Văn bản 1888 của Sở GD&ĐT TP.HCM (hướng dẫn các khoản thu năm "
             "học 2025-2026)"),
        ]
        for fid, code, name, amount, kind, basis in sorted(items):
            assert kind != "ban-tru" or amount <= cap
            t.write(FI + "fee_items", sch, fid, code, name, amount, 1, "2026-2027", basis, 0, 1, kind)
        total = ban_tru + meals
        # Pupils and their classes.
        grades = GRADES[s["level"]]
        per_class = CLASS_SIZE[s["level"]]
        pupils, grade_index = [], []
        for k in range(s["pupils"]):
            grade_index.append(min(len(grades) - 1, k * len(grades) // s["pupils"]))
            grade = grades[grade_index[-1]]
            klass = "%s%s" % (grade, "/%d" % (1 + (k // per_class) % 20) if s["level"] > 1 else " %d" % (1 + (k // per_class) % 20))
            girl = rng.random() < 0.49
            name, surname = person(rng, girl)
            guardian, _ = person(rng, girl=rng.random() < 0.6)
            code = "%010d" % rng.randrange(10 ** 9, 10 ** 10)
            pupils.append((code, name, klass, guardian))
        # Codes are unique per school.
        seen = set()
        for k, p in enumerate(pupils):
            while p[0] in seen:
                p = ("%010d" % rng.randrange(10 ** 9, 10 ** 10),) + p[1:]
                pupils[k] = p
            seen.add(p[0])
        pupil_rows, invoices, lines, payments, receipts, r_items = [], [], [], [], [], []
        transfers, entries, st_lines, idem, audits = [], [], [], [], []
        planned = []  # (paid_time_seconds, pupil index, amount, method)
        for k, (code, name, klass, guardian) in enumerate(pupils):
            pupil_rows.append((sch, code.lower(), code, name, fold_for_search(name)[:200], klass,
                               date(2026 - FIRST_AGE[s["level"]] - grade_index[k],
                                    rng.randint(1, 12), rng.randint(1, 28)), guardian,
                               "09%08d" % rng.randrange(10 ** 8), "", 1, ts((2026, 8, 25), 3600 + k % 3600),
                               "".join(rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(10))))
            r = rng.random()
            if r < 0.88:
                if rng.random() < 0.04:
                    first = total // 2
                    planned.append((k, first, None))
                    planned.append((k, total - first, None))
                else:
                    planned.append((k, total, None))
            elif r < 0.94:
                planned.append((k, rng.choice([total // 2, ban_tru, meals]), None))
        # Invoices: sequence in pupil order; issued on 1/11 (UTC 01:00).
        inv_of = {}
        issue_at = ts((2026, 11, 1), 3600)
        for k, (code, name, klass, guardian) in enumerate(pupils):
            inv = rid(rng)
            seq = k + 1
            inv_of[k] = [inv, seq, 0, issue_at]
            tr = rid(rng)
            transfers.append((sch, tr, issue_at, "schools/%s/invoices/%s" % (sch, inv),
                              "Ghi nhận khoản phải thu kỳ " + period, ""))
            entries.append((sch, tr, 0, "receivables", total, 0, issue_at))
            entries.append((sch, tr, 1, "fee-revenue", 0, total, issue_at))
            lines.append((sch, inv, 0, items[0][0], "%s tháng 11/2026" % items[0][2], 1, ban_tru, ban_tru, items[0][5]))
            lines.append((sch, inv, 1, items[1][0], "%s tháng 11/2026" % items[1][2], 1, meals, meals, items[1][5]))
        # Payments in time order: receipts numbered gaplessly in that order.
        timed = []
        for k, amount, _ in planned:
            day = rng.randint(1, 30)
            secs = rng.randint(0, 86399)
            timed.append(((day, secs, rng.randint(0, 999999)), k, amount))
        timed.sort()
        receipt_seq = 0
        statements = {}
        for (day, secs, us), k, amount in timed:
            code, name, klass, guardian = pupils[k]
            inv, seq, paid_before, _ = inv_of[k]
            if paid_before + amount > total:
                amount = total - paid_before
                if amount <= 0:
                    continue
            method = rng.choices([1, 2, 3], [25, 40, 35])[0]
            when = ts((2026, 11, day), secs, us)
            receipt_seq += 1
            pay, rec, tr = rid(rng), rid(rng), rid(rng)
            txn, line_id = None, ""
            ref = payment_reference(year, month, prefix6, seq)
            if method != 1:
                txn = "FT26%03d%08d" % (300 + day, rng.randrange(10 ** 8))
                line_id = rid(rng)
                booking = when
                st_lines.append((sch, line_id, txn, booking, amount,
                                 "%s %s NOP TIEN HOC SINH %s" % (ref, bank_text(guardian), bank_text(name)),
                                 bank_text(guardian), "%013d" % rng.randrange(10 ** 12, 10 ** 13), 1, 0, ref, inv, 0, "",
                                 "", "", when))
                statements.setdefault(day, 0)
                statements[day] += 1
            recorder = "accounts/kt-" + sch
            # The last column is credit_id (migration 006): none, no payment here is from a credit.
            payments.append((sch, pay, inv, amount, method, when, guardian, txn, line_id, rec, 1, "", tr, "", recorder,
                             when, ""))
            receipts.append((sch, rec, year, receipt_seq, pay, inv, code.lower(), amount, guardian, method, when, 0,
                             "01BLP0-001", "AA-26E", issuer, tax))
            # ItemiseReceipt: the charges in line order, the part this payment covers.
            start, item_no = 0, 0
            for fid, fname, net in ((items[0][0], items[0][2], ban_tru), (items[1][0], items[1][2], meals)):
                covered = max(0, min(start + net, paid_before + amount) - max(start, paid_before))
                if covered > 0:
                    r_items.append((sch, rec, item_no, "%s tháng 11/2026" % fname, period, covered, fid))
                    item_no += 1
                start += net
            into = {1: "cash", 2: "bank", 3: "bank"}[method]
            transfers.append((sch, tr, when, "schools/%s/payments/%s" % (sch, pay),
                              "Thu tiền hóa đơn kỳ %s, biên lai %04d-%06d" % (period, year, receipt_seq), ""))
            entries.append((sch, tr, 0, into, amount, 0, when))
            entries.append((sch, tr, 1, "receivables", 0, amount, when))
            inv_of[k][2] = paid_before + amount
            inv_of[k][3] = when
            if method == 1:
                audit_id += 1
                req = "%s-%s-%s-%s-%s" % (hex_n(rng, 8), hex_n(rng, 4), hex_n(rng, 4), hex_n(rng, 4), hex_n(rng, 12))
                idem.append((sch, req, "RecordPayment", hex_n(rng, 64), hex_n(rng, 400), when))
                audits.append((sch, audit_id, recorder, "RecordPayment", "schools/%s/invoices/%s" % (sch, inv), req,
                               hex_n(rng, 32), when))
        # A few transfers without a reference, waiting for the office.
        for _ in range(max(1, s["pupils"] // 500)):
            day = rng.randint(1, 30)
            when = ts((2026, 11, day), rng.randint(0, 86399))
            st_lines.append((sch, rid(rng), "FT26%03d%08d" % (300 + day, rng.randrange(10 ** 8)), when,
                             rng.choice([100000, 500000, 1000000]), "CHUYEN TIEN", bank_text(person(rng)[0]),
                             "%013d" % rng.randrange(10 ** 12, 10 ** 13), 2, 1, "", "", 0, "", "", "", when))
        # One statement import per day with bank lines, one class-list import,
        # one invoice batch per class.
        for day in sorted(statements):
            audit_id += 1
            req = "sao-ke-%s-2026-11-%02d" % (sch, day)
            when = ts((2026, 11, day), 23 * 3600)
            idem.append((sch, req, "ImportStatement", hex_n(rng, 64), hex_n(rng, 2000), when))
            audits.append((sch, audit_id, "accounts/kt-" + sch, "ImportStatement", "schools/" + sch, req,
                           hex_n(rng, 32), when))
        for method_name, at in (("ImportPupils", ts((2026, 8, 25), 3600)), ("CreateInvoicesForClasses", issue_at)):
            audit_id += 1
            req = "%s-%s" % (method_name.lower(), sch)
            idem.append((sch, req, method_name, hex_n(rng, 64), hex_n(rng, 400), at))
            audits.append((sch, audit_id, "accounts/kt-" + sch, method_name, "schools/" + sch, req, hex_n(rng, 32), at))
        for k, (code, name, klass, guardian) in enumerate(pupils):
            inv, seq, paid, updated = inv_of[k]
            state = 3 if paid == total else (2 if paid > 0 else 1)
            invoices.append((sch, inv, seq, code.lower(), period, period, total, paid, due,
                             payment_reference(year, month, prefix6, seq), bank_bin, account_number, state, "",
                             issue_at, updated))
        t.write(FI + "finance_counters", sch, "invoice", len(pupils))
        if receipt_seq:
            t.write(FI + "finance_counters", sch, "receipt-2026", receipt_seq)
        for table, rows in (("pupils", pupil_rows), ("invoices", invoices), ("invoice_lines", lines),
                            ("payments", payments), ("receipts", receipts), ("receipt_items", r_items),
                            ("ledger_transfers", transfers), ("ledger_entries", entries),
                            ("statement_lines", st_lines), ("idempotency_keys", idem), ("audit_log", audits)):
            t.write_sorted(FI + table, rows)
    t.close()
    for table in sorted(t.rows):
        print("%-40s %12d rows" % (table, t.rows[table]))
    print("generated %d rows in %d tables in %.1f s" % (sum(t.rows.values()), len(t.rows), time.time() - started))


if __name__ == "__main__":
    sys.exit(main())
