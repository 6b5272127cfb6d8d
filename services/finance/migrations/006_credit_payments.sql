-- A payment made from a payer's credit (method 6, PAYMENT_METHOD_CREDIT)
-- names that credit, so reversing the payment gives the credit its money
-- back (Cashier::Reverse). Earlier credit payments are matched to their
-- credit through the statement line both came from (one credit per line);
-- one that cannot be matched stays '' and its reversal is refused.
ALTER TABLE payments
  ADD COLUMN credit_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '';

UPDATE payments p
  JOIN payer_credits c ON c.school_id = p.school_id AND c.statement_line_id = p.statement_line_id
  SET p.credit_id = c.credit_id
  WHERE p.method = 6 AND p.statement_line_id <> ''
    AND (SELECT COUNT(*) FROM payer_credits o
         WHERE o.school_id = p.school_id AND o.statement_line_id = p.statement_line_id) = 1;
