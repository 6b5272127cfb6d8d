-- Corrections of ratings: UpdateRating requires a reason, kept here with the
-- grade before and after, who corrected it and when.
CREATE TABLE rating_corrections (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  year INT NOT NULL,
  quarter TINYINT NOT NULL,
  grade_before TINYINT NOT NULL,
  grade_after TINYINT NOT NULL,
  reason VARCHAR(500) NOT NULL,
  corrected_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  corrected_at DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, id),
  KEY corrections_id (id),
  KEY corrections_by_rating (school_id, staff_id, year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
