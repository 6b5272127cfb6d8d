-- Complaints service schema: cases under their deadline policy, their
-- extensions and apology letters, and the append-only history. Every
-- primary key starts with school_id so the data can be sharded by school;
-- the tracking code is unique across schools (the public lookup; a lookup
-- table when sharded). Submitter contact data lives only here and is
-- returned to the school's admins only. Ids and codes compare as binary.
CREATE TABLE cases (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  tracking_code VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  secret_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_type TINYINT NOT NULL,
  channel TINYINT NOT NULL,
  subject VARCHAR(200) NOT NULL,
  content TEXT NOT NULL,
  submitter_name VARCHAR(200) NOT NULL,
  submitter_phone VARCHAR(30) NOT NULL,
  submitter_email VARCHAR(254) NOT NULL,
  submitter_address VARCHAR(500) NOT NULL,
  submitter_id_number VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  anonymous TINYINT NOT NULL,
  complaint_round TINYINT NOT NULL,
  complexity TINYINT NOT NULL,
  procedure_code VARCHAR(40) NOT NULL,
  procedure_days INT NOT NULL,
  deadline_policy VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  received_date DATE NOT NULL,
  decision_date DATE NULL,
  filing_delay_reason TEXT NOT NULL,
  acceptance_due_date DATE NULL,
  accepted_date DATE NULL,
  acceptance_document VARCHAR(60) NOT NULL,
  resolution_due_date DATE NOT NULL,
  deadline_estimated TINYINT NOT NULL,
  state TINYINT NOT NULL,
  assignee VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  outcome TINYINT NOT NULL,
  public_summary TEXT NOT NULL,
  internal_summary TEXT NOT NULL,
  resolution_document VARCHAR(60) NOT NULL,
  resolved_date DATE NULL,
  closing_reason TEXT NOT NULL,
  closed_date DATE NULL,
  escalated_to VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  rating_score TINYINT NOT NULL,
  rating_comment TEXT NOT NULL,
  rating_time DATETIME(6) NULL,
  reopen_count INT NOT NULL,
  -- Derived for listings: the current step's due date (NULL when closed)
  -- and a resolved case's class (early 3 / on time 4 / late 5, else 0).
  current_due_date DATE NULL,
  final_timeliness TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, case_id),
  UNIQUE KEY cases_by_tracking_code (tracking_code),
  KEY cases_by_due (school_id, current_due_date, case_id),
  KEY cases_by_received (school_id, received_date),
  KEY cases_by_closed (school_id, closed_date),
  KEY cases_by_resolved (school_id, resolved_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_extensions (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  days INT NOT NULL,
  reclassified TINYINT NOT NULL,
  reason TEXT NOT NULL,
  document_number VARCHAR(60) NOT NULL,
  previous_due_date DATE NOT NULL,
  new_due_date DATE NOT NULL,
  extended_by VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, case_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_apology_letters (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  document_number VARCHAR(60) NOT NULL,
  sent_date DATE NOT NULL,
  reason TEXT NOT NULL,
  new_return_date DATE NOT NULL,
  PRIMARY KEY (school_id, case_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_events (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq BIGINT NOT NULL,
  kind TINYINT NOT NULL,
  visibility TINYINT NOT NULL,
  actor VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  from_state TINYINT NOT NULL,
  to_state TINYINT NOT NULL,
  note TEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, case_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
