-- Work modelled in Camunda Modeler (user tasks with a due date of any process but the directive process,
-- which its own tables track): one row per task, written in the engine's transaction from the task's events,
-- so that the dashboard counts, lists and filters it with the database like a directive's unit part.
-- The columns the status depends on are named as in directive_unit (DirectiveStatus.sql runs on both).
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE work_item (
    task_id             VARCHAR(64)  PRIMARY KEY,
    process_key         VARCHAR(255) NOT NULL,
    process_name        VARCHAR(500),
    process_instance_id VARCHAR(64),
    business_key        VARCHAR(255),
    task_name           VARCHAR(500),
    unit_code           VARCHAR(100),
    due_date            DATE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    completed_on        DATE
);
-- a unit's work by due date (matrix, list, a unit member's view); every unit's by due date; one process's
CREATE INDEX work_item_unit_due ON work_item (unit_code, due_date);
CREATE INDEX work_item_due ON work_item (due_date);
CREATE INDEX work_item_process ON work_item (process_key, due_date);
