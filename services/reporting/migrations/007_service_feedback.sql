-- The short satisfaction survey after a service (a case resolved, a payment
-- receipted): one anonymous answer per invitation. code_hash is a keyed
-- digest of the invitation's code (never the case or the receipt); the
-- answer keeps only the school, the touchpoint, the day and the scores.
CREATE TABLE service_feedback (
  id BIGINT NOT NULL AUTO_INCREMENT,
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  touchpoint TINYINT NOT NULL,
  code_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  answer_date DATE NOT NULL,
  score_overall TINYINT NOT NULL,
  score_timeliness TINYINT NOT NULL,
  score_guidance TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY service_feedback_code (code_hash),
  KEY service_feedback_school_date (school_id, answer_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
