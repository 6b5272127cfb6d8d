-- The notification outbox: each event the daily sweep found, once per
-- school, kind, subject and due date (a task given a new due date is a new
-- event). occurred_on is the sweep's day; the digest of a day is what that
-- day's sweep recorded. authority_id is the school's managing authority
-- when recorded (officers' digests).
CREATE TABLE notifications (
  id BIGINT NOT NULL AUTO_INCREMENT,
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  authority_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_display_name VARCHAR(200) NOT NULL,
  kind TINYINT NOT NULL,
  subject VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  due_date DATE NOT NULL,
  title VARCHAR(600) NOT NULL,
  working_days_left INT NOT NULL,
  occurred_on DATE NOT NULL,
  directive VARCHAR(160) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY notifications_once (school_id, kind, subject, due_date),
  KEY notifications_by_school (school_id, id),
  KEY notifications_by_school_day (school_id, occurred_on),
  KEY notifications_by_authority_day (authority_id, occurred_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One e-mailed digest per account and day. A run claims the row (state
-- 'sending') before the SMTP call and records the outcome; a failed or
-- long-abandoned claim is tried again by the next run, a sent one never.
CREATE TABLE notification_deliveries (
  account_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  digest_date DATE NOT NULL,
  email VARCHAR(254) NOT NULL,
  state VARCHAR(8) CHARACTER SET ascii NOT NULL,
  attempts INT NOT NULL,
  last_error VARCHAR(500) NOT NULL,
  claim_time DATETIME(6) NOT NULL,
  finish_time DATETIME(6) NULL,
  PRIMARY KEY (account_id, digest_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
