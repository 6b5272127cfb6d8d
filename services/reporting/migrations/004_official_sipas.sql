-- The official SIPAS result of a school and year as its authority or the
-- city published it: the overall index and each factor's (NULL when the
-- document gives none), in percent with two decimals, and the document it
-- comes from. An import replaces the row of the school and year.
CREATE TABLE official_sipas_results (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  overall_index DECIMAL(5,2) NOT NULL,
  access_index DECIMAL(5,2) NULL,
  procedure_index DECIMAL(5,2) NULL,
  staff_index DECIMAL(5,2) NULL,
  result_index DECIMAL(5,2) NULL,
  feedback_index DECIMAL(5,2) NULL,
  document_number VARCHAR(60) NOT NULL,
  document_date DATE NOT NULL,
  source VARCHAR(200) NOT NULL,
  imported_by VARCHAR(120) NOT NULL,
  import_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
