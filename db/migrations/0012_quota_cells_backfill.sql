-- The cells of 0008 made again, by a faster statement that makes the same cells: each of its parts walks
-- the held conferences and looks up their releasing departments and attendance through the indexes
-- (conference_departments' key, attendance_quota_idx), where 0008's joined every conference to all the
-- parts gathered first (an automatic index over 280,000 rows at a decade's scale): 0.45 s instead of
-- 0.75 s for a decade. A bulk import into an empty database fills the cells with the latest migration's
-- statement (db/quota-cells.ts); test/unit/quota-cells.test.ts checks that it makes what 0008's makes.
DELETE FROM quota_cells;
--> statement-breakpoint
INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
SELECT substr(s.date, 1, 4), s.department_id, s.kind,
  CASE s.kind WHEN 2 THEN 0 ELSE (CAST(substr(s.date, 6, 2) AS INTEGER) + 2) / 3 END, s.date, s.conference_id, count(*)
FROM (
  SELECT c.id AS conference_id, c.date AS date, c.host_department_id AS department_id, 0 AS kind
  FROM conferences c WHERE c.status = 'held' AND c.host_department_id <> ''
  UNION ALL
  SELECT c.id, c.date, cd.department_id, 0
  FROM conferences c JOIN conference_departments cd ON cd.conference_id = c.id
  WHERE c.status = 'held'
  UNION ALL
  SELECT c.id, c.date, coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 1
  FROM conferences c JOIN attendance a
    ON a.conference_id = c.id AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy')
  WHERE c.status = 'held' AND c.organizer = 'city'
  UNION ALL
  SELECT c.id, c.date, coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 2
  FROM conferences c JOIN attendance a ON a.conference_id = c.id AND a.status = 'attended' AND a.role = 'head'
  WHERE c.status = 'held' AND c.organizer = 'city'
) s
WHERE s.department_id IS NOT NULL AND (s.kind = 0 OR s.department_id <> '')
GROUP BY s.conference_id, s.department_id, s.kind
UNION ALL
SELECT substr(c.date, 1, 4), '', 3, 0, c.date, c.id, 1 FROM conferences c
WHERE c.status = 'held' AND (c.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR c.id GLOB '*[^ -~]*');
