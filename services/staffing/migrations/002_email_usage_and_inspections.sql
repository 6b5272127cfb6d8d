-- City e-mail usage as imported from the city mail system's reports (one
-- row per staff member and report date, so a month's adoption can be told
-- later), and discipline inspections (task 1.4) with their findings.
CREATE TABLE city_email_usage (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  report_date DATE NOT NULL,
  last_used_date DATE NULL,
  PRIMARY KEY (school_id, staff_id, report_date),
  KEY usage_by_report (school_id, report_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE discipline_inspections (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  inspection_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind TINYINT NOT NULL,
  inspection_date DATE NOT NULL,
  scope VARCHAR(500) NOT NULL,
  inspectors TEXT NOT NULL,
  staff_checked INT NOT NULL,
  conclusion TEXT NOT NULL,
  document_number VARCHAR(60) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, inspection_id),
  KEY inspections_by_date (school_id, inspection_date, inspection_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inspection_findings (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  inspection_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  description VARCHAR(2000) NOT NULL,
  violation TINYINT NOT NULL,
  action VARCHAR(500) NOT NULL,
  action_due_date DATE NULL,
  action_done_date DATE NULL,
  PRIMARY KEY (school_id, inspection_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
