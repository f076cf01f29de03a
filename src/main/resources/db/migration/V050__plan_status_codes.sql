-- Plan item status is stored as a code (not_started, in_progress, done, cancelled) instead of its Chinese
-- label; the label lives once, in org.taizhang.common.PlanStatus. SQLite cannot change a CHECK constraint in
-- place, so the table is rebuilt: the old one is renamed (its self-reference follows the rename), the new one
-- is filled from it with the labels converted, and the old one dropped. Nothing else references plan_item.
ALTER TABLE plan_item RENAME TO plan_item_v001;

CREATE TABLE plan_item (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id            INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  parent_id          INTEGER REFERENCES plan_item (id) ON DELETE CASCADE,
  sort_order         INTEGER NOT NULL DEFAULT 0,
  lead               TEXT,
  body               TEXT,
  owner_org_id       INTEGER REFERENCES org (id) ON DELETE SET NULL,
  due_date           TEXT,
  status             TEXT    NOT NULL DEFAULT 'not_started'
                             CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  target_metric      TEXT,
  target_category_id INTEGER REFERENCES activity_category (id),
  target_value       INTEGER,
  carried_over       BOOLEAN NOT NULL DEFAULT 0
);

INSERT INTO plan_item (id, plan_id, parent_id, sort_order, lead, body, owner_org_id, due_date, status, target_metric,
                       target_category_id, target_value, carried_over)
SELECT id, plan_id, parent_id, sort_order, lead, body, owner_org_id, due_date,
       CASE status WHEN '进行中' THEN 'in_progress' WHEN '已完成' THEN 'done' WHEN '已取消' THEN 'cancelled'
                   ELSE 'not_started' END,
       target_metric, target_category_id, target_value, carried_over
FROM plan_item_v001;

-- keep AUTOINCREMENT's promise: ids of deleted items are never handed out again
DELETE FROM sqlite_sequence WHERE name = 'plan_item';
UPDATE sqlite_sequence SET name = 'plan_item' WHERE name = 'plan_item_v001';

DROP TABLE plan_item_v001;

CREATE INDEX plan_item_plan_idx ON plan_item (plan_id, parent_id, sort_order);

-- the change log keeps whole rows as JSON; an undo must put back a code, not a label
UPDATE change_log
SET old_value = CASE WHEN json_valid(old_value) AND json_type(old_value, '$.status') = 'text'
                     THEN json_set(old_value, '$.status', CASE json_extract(old_value, '$.status')
                         WHEN '进行中' THEN 'in_progress' WHEN '已完成' THEN 'done' WHEN '已取消' THEN 'cancelled'
                         WHEN '未开始' THEN 'not_started' ELSE json_extract(old_value, '$.status') END)
                     ELSE old_value END,
    new_value = CASE WHEN json_valid(new_value) AND json_type(new_value, '$.status') = 'text'
                     THEN json_set(new_value, '$.status', CASE json_extract(new_value, '$.status')
                         WHEN '进行中' THEN 'in_progress' WHEN '已完成' THEN 'done' WHEN '已取消' THEN 'cancelled'
                         WHEN '未开始' THEN 'not_started' ELSE json_extract(new_value, '$.status') END)
                     ELSE new_value END
WHERE table_name = 'plan_item';
