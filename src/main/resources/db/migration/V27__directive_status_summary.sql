-- What a directive's status depends on, kept on the directive (by DirectiveRows, whenever one of its parts
-- changes) so that the database finds the directives of a status through an index instead of working out the
-- status of every part of every directive: a directive is overdue, due soon or on track by the earliest due
-- date of its open lead parts; with no open part that has a date it has "no deadline" when an open part has
-- none (or it has no lead unit at all), and it is done otherwise, late when a part was done after its due date.
-- Runs unchanged on H2 2.x and PostgreSQL.
ALTER TABLE directive ADD COLUMN lead_parts INT DEFAULT 0 NOT NULL;
ALTER TABLE directive ADD COLUMN next_due_date DATE;
ALTER TABLE directive ADD COLUMN undated_open_parts INT DEFAULT 0 NOT NULL;
ALTER TABLE directive ADD COLUMN late_done_parts INT DEFAULT 0 NOT NULL;

UPDATE directive SET
    lead_parts = (SELECT COUNT(*) FROM directive_unit u WHERE u.directive_id = directive.id AND u.role = 'LEAD'),
    next_due_date = (SELECT MIN(u.due_date) FROM directive_unit u
                     WHERE u.directive_id = directive.id AND u.role = 'LEAD' AND u.completed_at IS NULL),
    undated_open_parts = (SELECT COUNT(*) FROM directive_unit u
                          WHERE u.directive_id = directive.id AND u.role = 'LEAD' AND u.completed_at IS NULL AND u.due_date IS NULL),
    late_done_parts = (SELECT COUNT(*) FROM directive_unit u
                       WHERE u.directive_id = directive.id AND u.role = 'LEAD' AND u.completed_at IS NOT NULL
                         AND u.due_date IS NOT NULL AND u.completed_on > u.due_date);

-- the directives of a status: a range of next_due_date
CREATE INDEX directive_next_due ON directive (next_due_date);
-- the parts of the overview's timeline: late ones, and those due over the next weeks
CREATE INDEX directive_unit_due ON directive_unit (due_date);
