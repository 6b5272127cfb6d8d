-- Enrolment (tuyển sinh): the notices a school publishes, and on cases the
-- notice a registration belongs to and the child it is for (personal data,
-- returned only where the submitter is).
CREATE TABLE enrolment_notices (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  notice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_year VARCHAR(9) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  intake VARCHAR(200) NOT NULL,
  places INT NOT NULL,
  registration_start DATE NOT NULL,
  registration_end DATE NOT NULL,
  processing_days INT NOT NULL,
  documents_required TEXT NOT NULL,
  details TEXT NOT NULL,
  legal_basis VARCHAR(500) NOT NULL,
  state TINYINT NOT NULL,
  closing_reason TEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, notice_id),
  KEY notices_by_window (school_id, registration_start, notice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE cases
  ADD COLUMN enrolment_notice VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  ADD COLUMN applicant_name VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN applicant_name_key VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  ADD COLUMN applicant_birth_date DATE NULL,
  ADD COLUMN applicant_school VARCHAR(200) NOT NULL DEFAULT '',
  ADD KEY cases_by_notice (school_id, enrolment_notice, applicant_name_key);
