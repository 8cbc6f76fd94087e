-- reminder_log_by_scope repeated the unique key reminder_log_once (scope, step, occurrence, due_key), whose first
-- column is the scope: every look-up by scope (all of them are "scope = ?") uses that key's index. One index on
-- the table's widest column fewer for every reminder step sent or skipped (issue 18, seventh slice).
DROP INDEX IF EXISTS reminder_log_by_scope;
