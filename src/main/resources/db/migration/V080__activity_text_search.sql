-- Text search over activities (issue 14): an FTS5 index of name, place and description with the trigram
-- tokenizer, so a Chinese substring is found without reading every activity. The index stores no copy of
-- the text (content='') and is kept in step with the table by the triggers below. Every value is indexed
-- with a trailing U+001F (a character no search word contains): then a two-character word is always
-- followed by some character and is found through the trigrams that start with it (activity_fts_row).
-- detail=none keeps the index small; the query splits longer words into their trigrams and rechecks
-- the candidate rows with LIKE, so results are exactly those of a full scan.
CREATE VIRTUAL TABLE activity_fts USING fts5(name, place, description, content='', contentless_delete=1,
  tokenize='trigram', detail=none);
CREATE VIRTUAL TABLE activity_fts_row USING fts5vocab(activity_fts, row);
INSERT INTO activity_fts (rowid, name, place, description)
  SELECT id, name || char(31), place || char(31), description || char(31) FROM activity;

-- trigger bodies hold ";", so statements in the rest of this file end with $$
DELIMITER $$
CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN
  INSERT INTO activity_fts (rowid, name, place, description)
    VALUES (new.id, new.name || char(31), new.place || char(31), new.description || char(31));
END$$
CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN
  DELETE FROM activity_fts WHERE rowid = old.id;
END$$
CREATE TRIGGER activity_fts_update AFTER UPDATE OF id, name, place, description ON activity BEGIN
  DELETE FROM activity_fts WHERE rowid = old.id;
  INSERT INTO activity_fts (rowid, name, place, description)
    VALUES (new.id, new.name || char(31), new.place || char(31), new.description || char(31));
END$$
