-- A sent notification keeps who it went to, its subject, its message id and when it was sent, not the request
-- (JSON) it was rendered from: nothing reads a sent row's payload again, and it was most of the table, the
-- directive's text in every reminder (issue 18: about 2 KB a directive at 100,000 directives).
-- Pending, failed (DEAD) and digest rows keep theirs: they are still to be sent, retried or compiled.
UPDATE notification SET payload = '' WHERE state = 'SENT';
