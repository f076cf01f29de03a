-- Activity lists and totals filter by period + organisation subtree (+ category) and sum 人次/时长/惠及.
-- Covering indexes let SQLite answer those sums and the page's ids from the index alone, without
-- touching the table rows (1M activities: a year of a whole district in well under 200 ms).
-- They replace the narrower V001 indexes, which are their prefixes; the category-only index is
-- dropped because, without statistics, the planner preferred it over the far better org/date ranges.
DROP INDEX IF EXISTS activity_org_date_idx;
DROP INDEX IF EXISTS activity_date_idx;
DROP INDEX IF EXISTS activity_category_idx;
CREATE INDEX activity_org_date_cover_idx ON activity (org_id, start_date, category_id, participants, service_tenths, beneficiaries, highlight);
CREATE INDEX activity_date_cover_idx ON activity (start_date, org_id, category_id, participants, service_tenths, beneficiaries, highlight);
