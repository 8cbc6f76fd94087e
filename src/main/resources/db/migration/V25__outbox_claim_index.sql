-- A dispatch run reads back the rows it has just leased by its token: without an index that is a scan of
-- the whole outbox for every batch of 50, which grows with every message ever sent.
CREATE INDEX notification_claimed_by ON notification (claimed_by);
