-- The secret printed on a pupil's invoice slips: with the pupil code it
-- opens the family's own invoices and receipts through the citizen API.
-- Kept readable (the office reprints slips); pupils created before this
-- migration get none until the school draws one (UpdatePupil with
-- update_mask "slip_secret"), and an empty secret never matches.
ALTER TABLE pupils ADD COLUMN slip_secret VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '';
ALTER TABLE receipts ADD KEY by_invoice (school_id, invoice_id);
