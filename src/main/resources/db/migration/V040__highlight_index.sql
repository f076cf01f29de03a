-- Plan and summary (issue 7): the summary names a period's highlighted activities (特色活动); about one
-- activity in twenty is highlighted, so a small partial index finds them by organisation and date
-- without reading the other rows. Queries must say "highlight = 1" literally for SQLite to use it.
CREATE INDEX activity_highlight_idx ON activity (org_id, start_date) WHERE highlight = 1;
