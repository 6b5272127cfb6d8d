-- The authority overview's grouped count (MySqlTaskStore::SummarizeSchoolsDue,
-- GROUP BY school_id, par_field over a page of up to 1,000 schools) reads the
-- tasks in group order from this covering index: no temporary table, no sort
-- that spills to disk, no visit to the clustered rows. Every column the query
-- reads is in it.
CREATE INDEX tasks_by_par_field ON tasks (school_id, par_field, due_date, status, complete_time, percent_done);
