-- SIPAS surveys: a school's surveys, respondent codes kept only as keyed
-- hashes (HMAC-SHA256 under the service's code key) with a used flag and
-- no time, anonymous responses (no code, only the day) and the answers
-- counted per survey, day and question in the response's transaction, so
-- results and period summaries read counts, not responses.
CREATE TABLE sipas_surveys (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  survey_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  questionnaire VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title VARCHAR(200) NOT NULL,
  audience TINYINT NOT NULL,
  open_date DATE NOT NULL,
  close_date DATE NOT NULL,
  state TINYINT NOT NULL,
  code_count INT NOT NULL,
  response_count INT NOT NULL,
  created_by VARCHAR(120) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, survey_id),
  KEY by_create_time (school_id, create_time, survey_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A code is looked up by its hash alone (the respondent types only the
-- code), hence the unique key on code_hash besides the school-first key.
CREATE TABLE sipas_respondent_codes (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  survey_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  code_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  used TINYINT NOT NULL,
  PRIMARY KEY (school_id, survey_id, code_hash),
  UNIQUE KEY by_hash (code_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sipas_responses (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  survey_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  response_id CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  answer_date DATE NOT NULL,
  answers TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  comment TEXT NOT NULL,
  PRIMARY KEY (school_id, survey_id, response_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- n0 = not applicable (0 or left out), n1..n5 = the scores.
CREATE TABLE sipas_answer_counts (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  survey_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  answer_date DATE NOT NULL,
  question VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  factor VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  n0 INT NOT NULL,
  n1 INT NOT NULL,
  n2 INT NOT NULL,
  n3 INT NOT NULL,
  n4 INT NOT NULL,
  n5 INT NOT NULL,
  PRIMARY KEY (school_id, survey_id, answer_date, question),
  KEY by_date (school_id, answer_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sipas_daily_responses (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  survey_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  answer_date DATE NOT NULL,
  responses INT NOT NULL,
  PRIMARY KEY (school_id, survey_id, answer_date),
  KEY by_date (school_id, answer_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
