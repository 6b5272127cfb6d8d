-- Bank reconciliation: statement lines recorded once per bank transaction
-- id, and payers' credits (money received beyond what was owed, held in the
-- ledger's suspense account until applied or refunded).
CREATE TABLE statement_lines (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  line_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  bank_transaction_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  booking_time DATETIME(6) NOT NULL,
  amount BIGINT NOT NULL,
  description VARCHAR(500) NOT NULL,
  counterparty_name VARCHAR(200) NOT NULL,
  counterparty_account VARCHAR(40) NOT NULL,
  match_state TINYINT NOT NULL,
  unmatched_reason TINYINT NOT NULL,
  detected_reference VARCHAR(19) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  credited_amount BIGINT NOT NULL,
  credit_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  resolved_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  resolution_note VARCHAR(500) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, line_id),
  UNIQUE KEY once_per_transaction (school_id, bank_transaction_id),
  KEY by_booking (school_id, booking_time, line_id),
  KEY by_state (school_id, match_state, booking_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payer_credits (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  credit_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pupil_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount BIGINT NOT NULL,
  remaining BIGINT NOT NULL,
  statement_line_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state TINYINT NOT NULL,
  refund_notes TEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, credit_id),
  KEY by_pupil (school_id, pupil_id, create_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE payments ADD KEY by_statement_line (school_id, statement_line_id);
