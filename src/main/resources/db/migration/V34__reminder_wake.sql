-- When each open task's reminder engine next wakes (issue 18): one row per task with a step to come or
-- one that has come, at the business moment of its next step. One Quartz job (the reminder pump) takes
-- the due rows, each locked by the transaction that sends its step (FOR UPDATE SKIP LOCKED, so that the
-- nodes share a burst), instead of one Quartz job and trigger per task. attempts counts the failed
-- firings since the row was last set.
CREATE TABLE reminder_wake (
    task_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    wake_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts  INT DEFAULT 0 NOT NULL
);
CREATE INDEX reminder_wake_due ON reminder_wake (wake_at);
