-- 工作总结 themes (issue 12): the office's own headings for the 工作开展情况 part. Each activity
-- category is mapped to one theme (several categories may share one); a theme may also carry the
-- period's honours and/or the organisation work (换届, new organisations, members). The summary writes
-- one （一）… per theme that has something to report, in sort_order, with the theme's heading and
-- opening sentence. The clerk edits headings and the mapping in the 工作总结 tab or with
-- `summary theme`; a category without a mapping goes to the theme of the category 其他.
CREATE TABLE summary_theme (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  heading        TEXT    NOT NULL UNIQUE CHECK (length(trim(heading)) > 0),
  lead           TEXT,
  sort_order     INTEGER NOT NULL DEFAULT 0,
  with_honors    BOOLEAN NOT NULL DEFAULT 0,
  with_org_work  BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE summary_theme_category (
  category_id INTEGER PRIMARY KEY REFERENCES activity_category (id) ON DELETE CASCADE,
  theme_id    INTEGER NOT NULL REFERENCES summary_theme (id) ON DELETE CASCADE
);
CREATE INDEX summary_theme_category_theme_idx ON summary_theme_category (theme_id);

INSERT INTO summary_theme (id, heading, lead, sort_order, with_honors, with_org_work) VALUES
  (1, '坚持思想引领，引导群众听党话跟党走', '我们始终把思想政治引领摆在首位，引导广大群众听党话、感党恩、跟党走。', 1, 0, 0),
  (2, '深化志愿服务，用心用情服务群众', '我们始终把群众观念牢牢植根于心中，抓住群众最关心最直接最现实的利益问题，增强群团组织的影响力和感召力。', 2, 0, 0),
  (3, '依法维护权益，促进社会和谐稳定', '我们始终坚持维护群众合法权益，推动矛盾纠纷源头预防、就地化解。', 3, 0, 0),
  (4, '丰富文体生活，凝聚团结奋进力量', '我们始终坚持以群众喜闻乐见的形式丰富精神文化生活，增强群团组织的凝聚力。', 4, 0, 0),
  (5, '夯实组织基础，提升自身建设水平', '我们始终坚持抓基层、打基础，推动群团组织建设规范有序、充满活力。', 5, 0, 1),
  (6, '选树先进典型，激发争先创优活力', '我们始终注重发挥先进典型的示范引领作用，营造学先进、争先进的浓厚氛围。', 6, 1, 0),
  (7, '围绕中心大局，展现群团担当作为', '我们始终坚持在大局下思考、在大局下行动，团结动员广大群众建功立业。', 7, 0, 0);

-- the usual categories (V001 ids); categories added later by the clerk map to the theme of 其他
INSERT INTO summary_theme_category (category_id, theme_id)
SELECT id, CASE name
  WHEN '学习教育' THEN 1 WHEN '志愿服务' THEN 2 WHEN '慰问帮扶' THEN 2 WHEN '权益维护' THEN 3
  WHEN '文体活动' THEN 4 WHEN '联谊交友' THEN 4 WHEN '竞赛' THEN 4 WHEN '培训' THEN 5 WHEN '会议' THEN 5
  ELSE 7 END
FROM activity_category;
