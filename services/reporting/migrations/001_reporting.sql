-- Reporting: PAR frameworks (versioned, immutable), each school's
-- self-assessment with its history, the last good pull of every source
-- summary (so an unanswering service leaves stale, dated points, never a
-- silent zero), stored forecasts for scorecards, and periodic reports with
-- immutable versions.
CREATE TABLE par_frameworks (
  framework_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  level VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  body MEDIUMBLOB NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (framework_id),
  KEY by_year (year, level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE par_assessments (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  framework_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state TINYINT NOT NULL,
  return_reason TEXT NOT NULL,
  submit_time DATETIME(6) NULL,
  appraise_time DATETIME(6) NULL,
  appraised_by VARCHAR(120) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE par_assessment_items (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  sub_criterion VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  position INT NOT NULL,
  max_points DOUBLE NOT NULL,
  self_points DOUBLE NOT NULL,
  explanation TEXT NOT NULL,
  evidence MEDIUMBLOB NOT NULL,
  metric_value DOUBLE NOT NULL,
  computed_points DOUBLE NOT NULL,
  appraised TINYINT NOT NULL,
  appraised_points DOUBLE NOT NULL,
  appraisal_note TEXT NOT NULL,
  PRIMARY KEY (school_id, year, sub_criterion)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every submitted, appraised or returned state of an assessment, whole.
CREATE TABLE par_assessment_history (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  seq INT NOT NULL,
  action VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  actor VARCHAR(120) NOT NULL,
  at DATETIME(6) NOT NULL,
  snapshot MEDIUMBLOB NOT NULL,
  PRIMARY KEY (school_id, year, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last summary a source answered for a school and period.
CREATE TABLE source_pulls (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  source VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  pull_time DATETIME(6) NOT NULL,
  summary MEDIUMBLOB NOT NULL,
  PRIMARY KEY (school_id, source, period_start, period_end)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE par_forecasts (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  total_points DOUBLE NOT NULL,
  compute_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE reports (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  report_id VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  family VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  period VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  due_date DATE NOT NULL,
  state TINYINT NOT NULL,
  latest_version INT NOT NULL,
  submitted_version INT NOT NULL,
  first_submit_time DATETIME(6) NULL,
  submit_time DATETIME(6) NULL,
  return_reason TEXT NOT NULL,
  acknowledge_time DATETIME(6) NULL,
  reviewed_by VARCHAR(120) NOT NULL,
  PRIMARY KEY (school_id, report_id),
  KEY by_period (family, year, period, school_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_versions (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  report_id VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  content MEDIUMBLOB NOT NULL,
  content_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  source_errors TEXT NOT NULL,
  generated_by VARCHAR(120) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, report_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
