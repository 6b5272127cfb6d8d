-- Finance service schema: settings, pupils, fee items, invoices with their
-- lines, payments, receipts, the double-entry ledger and per-school
-- counters. Every primary key starts with school_id so the data can be
-- sharded by school. Payments, receipts and ledger rows are never edited
-- except for the reversal marks; corrections are reversing transfers.
-- Ids, codes and references compare as binary ASCII.
CREATE TABLE finance_settings (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  bank_bin CHAR(6) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_number VARCHAR(19) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_name VARCHAR(100) NOT NULL,
  reference_prefix VARCHAR(6) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  issuer_name VARCHAR(200) NOT NULL,
  tax_code VARCHAR(14) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  receipt_template VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  receipt_series VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_level VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  area_group TINYINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE finance_counters (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  counter VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (school_id, counter)
) ENGINE=InnoDB;

CREATE TABLE pupils (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pupil_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pupil_code VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  folded_name VARCHAR(200) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  class_name VARCHAR(40) NOT NULL,
  birth_date DATE NULL,
  guardian_name VARCHAR(200) NOT NULL,
  guardian_phone VARCHAR(30) NOT NULL,
  guardian_email VARCHAR(254) NOT NULL,
  status TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, pupil_id),
  UNIQUE KEY pupil_code (school_id, pupil_code),
  KEY by_class (school_id, class_name, display_name, pupil_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE fee_items (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  fee_item_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  code VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  amount BIGINT NOT NULL,
  unit TINYINT NOT NULL,
  school_year CHAR(9) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  legal_basis VARCHAR(500) NOT NULL,
  mandatory TINYINT NOT NULL,
  active TINYINT NOT NULL,
  charge_kind VARCHAR(30) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (school_id, fee_item_id),
  UNIQUE KEY code_per_year (school_id, school_year, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- open_period is the period while the invoice is open or paid and NULL once
-- cancelled, so a pupil holds at most one live invoice per period.
CREATE TABLE invoices (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sequence BIGINT NOT NULL,
  pupil_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  period VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  open_period VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NULL,
  total BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  due_date DATE NOT NULL,
  payment_reference VARCHAR(19) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  bank_bin CHAR(6) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_number VARCHAR(19) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state TINYINT NOT NULL,
  cancel_reason VARCHAR(500) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, invoice_id),
  UNIQUE KEY by_sequence (school_id, sequence),
  UNIQUE KEY by_reference (school_id, payment_reference),
  UNIQUE KEY live_per_period (school_id, pupil_id, open_period),
  KEY by_period (school_id, period, sequence),
  KEY by_due (school_id, state, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE invoice_lines (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  line_no INT NOT NULL,
  fee_item_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  description VARCHAR(300) NOT NULL,
  quantity INT NOT NULL,
  unit_amount BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  legal_basis VARCHAR(500) NOT NULL,
  PRIMARY KEY (school_id, invoice_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A bank transaction pays an invoice at most once (siblings paid by one
-- transfer get one payment each); cash payments have no transaction id.
CREATE TABLE payments (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  payment_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount BIGINT NOT NULL,
  method TINYINT NOT NULL,
  paid_time DATETIME(6) NOT NULL,
  payer_name VARCHAR(200) NOT NULL,
  bank_transaction_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  statement_line_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  receipt_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state TINYINT NOT NULL,
  reversal_reason VARCHAR(500) NOT NULL,
  transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  reversal_transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recorded_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, payment_id),
  UNIQUE KEY once_per_transaction (school_id, bank_transaction_id, invoice_id),
  KEY by_invoice (school_id, invoice_id),
  KEY by_paid_time (school_id, paid_time, payment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipts (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  receipt_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year SMALLINT NOT NULL,
  sequence BIGINT NOT NULL,
  payment_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pupil_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount BIGINT NOT NULL,
  payer_name VARCHAR(200) NOT NULL,
  method TINYINT NOT NULL,
  issue_time DATETIME(6) NOT NULL,
  cancelled TINYINT NOT NULL,
  template_symbol VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  series VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  issuer_name VARCHAR(200) NOT NULL,
  tax_code VARCHAR(14) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (school_id, receipt_id),
  UNIQUE KEY by_number (school_id, year, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipt_items (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  receipt_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  item_no INT NOT NULL,
  description VARCHAR(300) NOT NULL,
  period VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (school_id, receipt_id, item_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ledger_transfers (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  post_time DATETIME(6) NOT NULL,
  source VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  description VARCHAR(300) NOT NULL,
  reverses VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (school_id, transfer_id),
  KEY by_time (school_id, post_time, transfer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ledger_entries (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  leg INT NOT NULL,
  account VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  debit BIGINT NOT NULL,
  credit BIGINT NOT NULL,
  post_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, transfer_id, leg),
  KEY by_account (school_id, account, post_time)
) ENGINE=InnoDB;
