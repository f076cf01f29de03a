-- Statistics (issue 6): covering indexes so that the subtree × period aggregations read only the
-- index, never the table rows. The activity index starts like activity_org_date_idx (org_id,
-- start_date), so it serves the same look-ups, and carries every column the figures sum or group by.
CREATE INDEX activity_stats_idx ON activity (org_id, start_date, planned, category_id, participants, service_tenths, beneficiaries);
CREATE INDEX honor_stats_idx ON honor (org_id, honor_date, level, kind);
CREATE INDEX membership_stats_org_idx ON membership (org_id, person_id, joined_on, left_on);
CREATE INDEX membership_stats_person_idx ON membership (person_id, joined_on, left_on);
CREATE INDEX person_league_birth_idx ON person (political_status, birth_date);
