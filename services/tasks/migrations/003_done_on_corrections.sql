-- Issue 8: the day work was done (done_on) apart from the time it was
-- recorded, corrections that supersede a mistaken progress update, and
-- archived plans (a new PlanStatus value, no schema change).
--
-- tasks.done_on: the local day a done task was finished; on time or late is
-- judged on it. Existing done tasks get their completion time's local day
-- (UTC+7), which is what was judged before.
ALTER TABLE tasks ADD COLUMN done_on DATE NULL AFTER complete_time;
UPDATE tasks SET done_on = DATE(complete_time + INTERVAL 7 HOUR) WHERE status = 3 AND complete_time IS NOT NULL;

-- progress_updates.done_on: the day the work was done (existing updates:
-- the local day they were recorded); supersedes: the number of the update
-- of the same task it corrects. One correction per update (NULLs do not
-- collide in a unique key), which is also how reads find superseded_by.
ALTER TABLE progress_updates ADD COLUMN done_on DATE NULL AFTER create_time, ADD COLUMN supersedes INT NULL AFTER done_on;
UPDATE progress_updates SET done_on = DATE(create_time + INTERVAL 7 HOUR);
ALTER TABLE progress_updates MODIFY done_on DATE NOT NULL;
CREATE UNIQUE INDEX progress_corrections ON progress_updates (school_id, plan_id, task_id, supersedes);
-- Work done in a period, for one school or a page of schools.
CREATE INDEX progress_by_done_on ON progress_updates (school_id, done_on);
CREATE INDEX tasks_by_done_on ON tasks (school_id, status, done_on);

-- The overview's covering index (002) now judges lateness on done_on.
DROP INDEX tasks_by_par_field ON tasks;
CREATE INDEX tasks_by_par_field ON tasks (school_id, par_field, due_date, status, done_on, complete_time, percent_done);
