-- Data packages between levels (issue 15). Records keep their own tables; these two tables only say
-- which package a record came from and under which stable identity (uid) it travels.
--
-- record_identity: one row per record that has been sent or received. uid is a random identifier given
-- when the record is first exported (or taken from the package that brought it) and never changes, so
-- a renamed activity or organisation is still the same record upstream. sender_uid/package_id say which
-- office's package brought it (来源; null for the office's own records); package_hash is the record as
-- that package carried it and local_hash the record as stored right after the import, so a later
-- package can tell "the sender changed it" from "this office edited it since" (a conflict).
CREATE TABLE record_identity (
  kind         TEXT    NOT NULL CHECK (kind IN ('org', 'person', 'membership', 'activity', 'honor', 'plan')),
  local_id     INTEGER NOT NULL,
  uid          TEXT    NOT NULL,
  sender_uid   TEXT,
  package_id   TEXT,
  imported_at  TEXT,
  package_hash TEXT,
  local_hash   TEXT,
  PRIMARY KEY (kind, local_id),
  UNIQUE (kind, uid)
);
CREATE INDEX record_identity_sender_idx ON record_identity (sender_uid, kind);

-- package_log: every package this office has applied (the 上报情况 panel and `exchange status` read it).
CREATE TABLE package_log (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  package_id     TEXT    NOT NULL,
  sender_uid     TEXT    NOT NULL,
  sender_name    TEXT    NOT NULL,
  org_id         INTEGER REFERENCES org (id) ON DELETE SET NULL,
  period_from    TEXT    NOT NULL,
  period_to      TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  imported_at    TEXT    NOT NULL,
  file_name      TEXT,
  format_version INTEGER NOT NULL,
  totals         TEXT    NOT NULL,
  added          INTEGER NOT NULL DEFAULT 0,
  changed        INTEGER NOT NULL DEFAULT 0,
  removed        INTEGER NOT NULL DEFAULT 0,
  conflicts      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX package_log_sender_idx ON package_log (sender_uid, created_at);
CREATE INDEX package_log_org_idx ON package_log (org_id, period_from);
