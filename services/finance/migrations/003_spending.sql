-- Spending, what receipts collected per fee item, and the published
-- financial disclosure (a snapshot per school year, replaced on
-- republishing).
CREATE TABLE expenditures (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expenditure_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  spend_date DATE NOT NULL,
  amount BIGINT NOT NULL,
  method TINYINT NOT NULL,
  payee VARCHAR(200) NOT NULL,
  purpose VARCHAR(500) NOT NULL,
  category VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  document_number VARCHAR(40) NOT NULL,
  reversed TINYINT NOT NULL,
  reversal_reason VARCHAR(500) NOT NULL,
  transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  reversal_transfer_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, expenditure_id),
  KEY by_date (school_id, spend_date, expenditure_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE receipt_items ADD COLUMN fee_item_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '';
ALTER TABLE receipts ADD KEY by_issue_time (school_id, issue_time);

CREATE TABLE disclosures (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_year CHAR(9) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  publish_time DATETIME(6) NOT NULL,
  cashless_share_amount DOUBLE NOT NULL,
  spending_cashless_share_amount DOUBLE NOT NULL,
  PRIMARY KEY (school_id, school_year)
) ENGINE=InnoDB;

-- kind: 1 fee item (amount per unit, unit, legal basis), 2 collected, 3 spent.
CREATE TABLE disclosure_lines (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_year CHAR(9) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind TINYINT NOT NULL,
  line_no INT NOT NULL,
  code VARCHAR(40) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  amount BIGINT NOT NULL,
  unit TINYINT NOT NULL,
  legal_basis VARCHAR(500) NOT NULL,
  mandatory TINYINT NOT NULL,
  charge_kind VARCHAR(30) NOT NULL,
  PRIMARY KEY (school_id, school_year, kind, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
