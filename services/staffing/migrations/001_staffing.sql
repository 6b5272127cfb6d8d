-- Staffing service schema: staff with their dated circumstances, yearly
-- quotas, ratings, downsizing records and each school's baseline for a
-- target plan. Every primary key starts with school_id so the data can be
-- sharded by school. Ids and codes compare as binary; people's text is
-- utf8mb4. Personal data (birth_date, id_number, circumstances) lives only
-- here and is returned to the school's admins only.
CREATE TABLE staff (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_code VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  name_key VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  position VARCHAR(100) NOT NULL,
  employment_type TINYINT NOT NULL,
  budget_paid TINYINT NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  status TINYINT NOT NULL,
  city_email VARCHAR(254) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  city_email_last_used DATE NULL,
  manager TINYINT NOT NULL,
  birth_date DATE NULL,
  id_number VARCHAR(12) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, staff_id),
  UNIQUE KEY staff_by_code (school_id, staff_code),
  KEY staff_by_name (school_id, name_key, staff_id),
  KEY staff_by_email (school_id, city_email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_circumstances (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  kind TINYINT NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  note VARCHAR(500) NOT NULL,
  PRIMARY KEY (school_id, staff_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staffing_quotas (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  civil_servant_quota INT NOT NULL,
  public_employee_quota INT NOT NULL,
  contract_quota INT NOT NULL,
  decision_number VARCHAR(60) NOT NULL,
  decision_date DATE NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ratings (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  quarter TINYINT NOT NULL,
  grade TINYINT NOT NULL,
  note VARCHAR(2000) NOT NULL,
  rated_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  city_email_criterion_met TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, staff_id, year, quarter),
  KEY ratings_by_period (school_id, year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE downsizing_records (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  record_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  staff_display_name VARCHAR(200) NOT NULL,
  employment_type TINYINT NOT NULL,
  budget_paid TINYINT NOT NULL,
  decree VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  category VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  policy VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state TINYINT NOT NULL,
  volunteered TINYINT NOT NULL,
  proposed_date DATE NOT NULL,
  planned_effective_date DATE NULL,
  submission_number VARCHAR(60) NOT NULL,
  submission_date DATE NULL,
  decision_number VARCHAR(60) NOT NULL,
  decision_date DATE NULL,
  outcome_reason VARCHAR(2000) NOT NULL,
  effective_date DATE NULL,
  note VARCHAR(2000) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, record_id),
  KEY records_by_date (school_id, proposed_date, record_id),
  KEY records_by_staff (school_id, staff_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE downsizing_targets (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  baseline_civil_servants INT NOT NULL,
  baseline_public_employees INT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, plan)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
