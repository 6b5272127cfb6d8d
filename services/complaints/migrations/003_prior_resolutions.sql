-- Answers a filer's reopening replaced: they stay counted in the period
-- they were given, with the class they had against their due date.
CREATE TABLE case_prior_resolutions (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  outcome TINYINT NOT NULL,
  public_summary TEXT NOT NULL,
  internal_summary TEXT NOT NULL,
  document_number VARCHAR(60) NOT NULL,
  resolved_date DATE NOT NULL,
  due_date DATE NOT NULL,
  timeliness TINYINT NOT NULL,
  PRIMARY KEY (school_id, case_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
