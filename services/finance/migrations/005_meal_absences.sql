-- Meal refunds for absent days: the school days a pupil missed in a month
-- with the meals cancelled (RecordMealAbsences), and the invoice whose
-- refund line paid them back (BatchCreateInvoices' meal_refund); a
-- cancelled invoice frees its absences again.
CREATE TABLE meal_absences (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  period CHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pupil_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  days SMALLINT NOT NULL,
  note VARCHAR(200) NOT NULL DEFAULT '',
  refunded_invoice_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, period, pupil_id),
  KEY by_refund (school_id, refunded_invoice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
