-- The authority's official PAR result of a school and year (with its
-- deducted items, as the contract's message), and the bonuses and penalties
-- recorded on an assessment.
CREATE TABLE official_par_results (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  body MEDIUMBLOB NOT NULL,
  import_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE par_assessments ADD COLUMN adjustments MEDIUMBLOB NULL;
