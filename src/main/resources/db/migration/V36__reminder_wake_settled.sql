-- An open task whose reminder ladder has nothing left to send keeps a row without a moment (wake_at NULL),
-- written by the reminder sweep with the task revision it read (settled_rev). The sweep reads such a task
-- again only once it has changed; before, each node kept that knowledge in memory, and a node that started
-- read every such task again (43,400 tasks and 96 s at 100,000 directives).
ALTER TABLE reminder_wake ALTER COLUMN wake_at DROP NOT NULL;
ALTER TABLE reminder_wake ADD COLUMN settled_rev INT;
