-- Taizhang schema, version 1. The migrations in this folder are the only source of the schema:
-- the build runs them into a scratch SQLite file and generates the jOOQ classes from it, and the
-- app runs the ones a database has not seen yet, in order, stamping PRAGMA user_version.
-- Conventions: dates are ISO text 'YYYY-MM-DD' in columns named *_on / *_date (mapped to
-- java.time.LocalDate); timestamps are UTC text (CURRENT_TIMESTAMP) in *_at; 服务时长 is kept in tenths of an hour
-- so sums are exact.

CREATE TABLE org_type (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  name               TEXT    NOT NULL UNIQUE,
  default_term_years INTEGER NOT NULL DEFAULT 5 CHECK (default_term_years BETWEEN 1 AND 10),
  sort_order         INTEGER NOT NULL DEFAULT 0
);
INSERT INTO org_type (id, name, default_term_years, sort_order) VALUES
  (1, '群团工作部', 5, 1), (2, '工会', 5, 2), (3, '团委', 3, 3), (4, '团工委', 3, 4), (5, '团支部', 2, 5),
  (6, '妇联', 5, 6), (7, '妇委会', 3, 7), (8, '青联', 5, 8), (9, '义工联', 5, 9), (10, '工联会', 5, 10),
  (11, '其他', 5, 99);

CREATE TABLE org (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id        INTEGER REFERENCES org (id) ON DELETE RESTRICT,
  name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  type_id          INTEGER NOT NULL REFERENCES org_type (id),
  founded_on       TEXT,
  term_years       INTEGER CHECK (term_years BETWEEN 1 AND 10),
  last_election_on TEXT,
  contact_person   TEXT,
  contact_phone    TEXT,
  note             TEXT,
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX org_parent_idx ON org (parent_id);
CREATE INDEX org_name_idx ON org (name);

CREATE TABLE person (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  id_number        TEXT    UNIQUE,
  gender           TEXT    CHECK (gender IN ('男', '女')),
  birth_date       TEXT,
  phone            TEXT,
  political_status TEXT,
  note             TEXT,
  created_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX person_name_idx ON person (name);
CREATE INDEX person_birth_idx ON person (birth_date);

CREATE TABLE membership (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  org_id    INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  role      TEXT    NOT NULL DEFAULT '会员',
  joined_on TEXT,
  left_on   TEXT,
  note      TEXT
);
CREATE INDEX membership_org_idx ON membership (org_id, person_id);
CREATE INDEX membership_person_idx ON membership (person_id);
-- current members only: member counts and member lists read just this index
CREATE INDEX membership_current_idx ON membership (org_id, person_id) WHERE left_on IS NULL;

CREATE TABLE activity_category (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT    NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  active     BOOLEAN NOT NULL DEFAULT 1
);
INSERT INTO activity_category (id, name, sort_order) VALUES
  (1, '学习教育', 1), (2, '志愿服务', 2), (3, '文体活动', 3), (4, '慰问帮扶', 4), (5, '权益维护', 5),
  (6, '联谊交友', 6), (7, '培训', 7), (8, '会议', 8), (9, '竞赛', 9), (10, '其他', 99);

CREATE TABLE activity (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  start_date     TEXT    NOT NULL,
  end_date       TEXT,
  name           TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  org_id         INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  category_id    INTEGER NOT NULL REFERENCES activity_category (id),
  participants   INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
  service_tenths INTEGER NOT NULL DEFAULT 0 CHECK (service_tenths >= 0),
  beneficiaries  INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0),
  place          TEXT,
  description    TEXT,
  highlight      BOOLEAN NOT NULL DEFAULT 0,
  planned        BOOLEAN NOT NULL DEFAULT 0,
  created_at     TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX activity_org_date_idx ON activity (org_id, start_date);
CREATE INDEX activity_date_idx ON activity (start_date);
CREATE INDEX activity_category_idx ON activity (category_id);

CREATE TABLE activity_coorg (
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  org_id      INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  PRIMARY KEY (activity_id, org_id)
);
CREATE INDEX activity_coorg_org_idx ON activity_coorg (org_id);

CREATE TABLE honor (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  honor_date TEXT    NOT NULL,
  title      TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  level      TEXT    NOT NULL CHECK (level IN ('国家级', '省级', '市级', '区/县级', '街道/乡镇级', '单位内部')),
  kind       TEXT    NOT NULL CHECK (kind IN ('集体', '个人')),
  org_id     INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  person_id  INTEGER REFERENCES person (id) ON DELETE RESTRICT,
  issuer     TEXT,
  note       TEXT,
  created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (kind = '集体' OR person_id IS NOT NULL)
);
CREATE INDEX honor_org_date_idx ON honor (org_id, honor_date);
CREATE INDEX honor_date_idx ON honor (honor_date);
CREATE INDEX honor_person_idx ON honor (person_id);

-- files (photos, PDFs, sign-in sheets, certificates) live inside the database so that one file,
-- or one backup, carries everything
CREATE TABLE attachment (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_kind TEXT    NOT NULL CHECK (owner_kind IN ('activity', 'honor', 'org', 'person', 'plan', 'summary')),
  owner_id   INTEGER NOT NULL,
  file_name  TEXT    NOT NULL,
  mime_type  TEXT,
  size_bytes INTEGER NOT NULL,
  sha256     TEXT    NOT NULL,
  content    BLOB    NOT NULL,
  added_at   TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX attachment_owner_idx ON attachment (owner_kind, owner_id);

CREATE TABLE plan (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id         INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  title          TEXT    NOT NULL,
  period_from    TEXT    NOT NULL,
  period_to      TEXT    NOT NULL,
  period_label   TEXT,
  copied_from_id INTEGER REFERENCES plan (id) ON DELETE SET NULL,
  created_at     TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CHECK (period_from <= period_to)
);
CREATE INDEX plan_org_idx ON plan (org_id, period_from);

CREATE TABLE plan_item (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id            INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  parent_id          INTEGER REFERENCES plan_item (id) ON DELETE CASCADE,
  sort_order         INTEGER NOT NULL DEFAULT 0,
  lead               TEXT,
  body               TEXT,
  owner_org_id       INTEGER REFERENCES org (id) ON DELETE SET NULL,
  due_date           TEXT,
  status             TEXT    NOT NULL DEFAULT '未开始' CHECK (status IN ('未开始', '进行中', '已完成', '已取消')),
  target_metric      TEXT,
  target_category_id INTEGER REFERENCES activity_category (id),
  target_value       INTEGER,
  carried_over       BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX plan_item_plan_idx ON plan_item (plan_id, parent_id, sort_order);

CREATE TABLE summary (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id      INTEGER NOT NULL REFERENCES org (id) ON DELETE RESTRICT,
  period_from TEXT    NOT NULL,
  period_to   TEXT    NOT NULL,
  template    TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  content     TEXT    NOT NULL,
  created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX summary_org_idx ON summary (org_id, period_from);

-- append-only change log: who (OS user), when, which record, old -> new (JSON)
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  os_user    TEXT,
  table_name TEXT    NOT NULL,
  record_id  INTEGER NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_value  TEXT,
  new_value  TEXT
);
CREATE INDEX change_log_record_idx ON change_log (table_name, record_id);

CREATE TABLE app_setting (
  key   TEXT PRIMARY KEY,
  value TEXT
);
