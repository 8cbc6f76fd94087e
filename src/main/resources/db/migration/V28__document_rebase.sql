-- Demo set-up: how many days the document's dates were shifted on its first import (its issue date moved to
-- that day), so that a re-import of the same document is shifted alike. NULL: taken as written.
ALTER TABLE document ADD COLUMN rebase_days INT;
