-- What the quota engine counts, kept by triggers (配额统计): one row per held conference in each cell of
-- a year's compliance report, so that a year reads its cells in order instead of looking up every
-- conference's departments and attendance (services/compliance.ts, db/queries/compliance.ts).
--   kind 0: the department hosts the held conference or releases at it (conference_departments);
--   kind 1: someone of the department attended the held city conference as head, spokesperson or deputy;
--   kind 2: the department's head attended it (quarter 0: the head quota is yearly);
--   kind 3 (department ''): a held conference whose id is not printable ASCII or whose date is not
--     YYYY-MM-DD, for which SQLite would not order or place it as the engine does: its year is then
--     gathered conference by conference instead.
-- An attended row counts for its own department, else its person's (common/domain/quota.ts); `n` is
-- the number of rows behind a cell. Derived data, like the full-text indexes: no foreign keys, not
-- exported; every write to the four tables keeps it in step, so it needs no code on the write paths.
-- A REPLACE conflict resolution would delete rows without firing these triggers: none is used on these tables.
CREATE TABLE `quota_cells` (
	`year` text NOT NULL,
	`department_id` text NOT NULL,
	`kind` integer NOT NULL,
	`quarter` integer NOT NULL,
	`date` text NOT NULL,
	`conference_id` text NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quota_cells_key` ON `quota_cells` (`year`, `department_id`, `kind`, `quarter`, `date`, `conference_id`);
--> statement-breakpoint
CREATE INDEX `quota_cells_conference_idx` ON `quota_cells` (`conference_id`);
--> statement-breakpoint
CREATE TRIGGER `quota_cells_conference_insert` AFTER INSERT ON `conferences` WHEN NEW.status = 'held' BEGIN
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(NEW.date, 1, 4), s.department_id, s.kind,
    CASE s.kind WHEN 2 THEN 0 ELSE (CAST(substr(NEW.date, 6, 2) AS INTEGER) + 2) / 3 END, NEW.date, NEW.id, count(*)
  FROM (
    SELECT NEW.host_department_id AS department_id, 0 AS kind WHERE NEW.host_department_id <> ''
    UNION ALL
    SELECT cd.department_id, 0 FROM conference_departments cd WHERE cd.conference_id = NEW.id
    UNION ALL
    SELECT coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 1
    FROM attendance a
    WHERE NEW.organizer = 'city' AND a.conference_id = NEW.id AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy')
    UNION ALL
    SELECT coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 2
    FROM attendance a
    WHERE NEW.organizer = 'city' AND a.conference_id = NEW.id AND a.status = 'attended' AND a.role = 'head'
  ) s
  WHERE s.department_id IS NOT NULL AND (s.kind = 0 OR s.department_id <> '')
  GROUP BY s.department_id, s.kind
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = excluded.n;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(NEW.date, 1, 4), '', 3, 0, NEW.date, NEW.id, 1
  WHERE NEW.status = 'held' AND (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR NEW.id GLOB '*[^ -~]*')
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_conference_update` AFTER UPDATE OF id, date, status, organizer, host_department_id ON `conferences`
WHEN OLD.id IS NOT NEW.id OR OLD.date IS NOT NEW.date OR OLD.status IS NOT NEW.status
  OR OLD.organizer IS NOT NEW.organizer OR OLD.host_department_id IS NOT NEW.host_department_id BEGIN
  DELETE FROM quota_cells WHERE conference_id = OLD.id;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(NEW.date, 1, 4), s.department_id, s.kind,
    CASE s.kind WHEN 2 THEN 0 ELSE (CAST(substr(NEW.date, 6, 2) AS INTEGER) + 2) / 3 END, NEW.date, NEW.id, count(*)
  FROM (
    SELECT NEW.host_department_id AS department_id, 0 AS kind WHERE NEW.host_department_id <> ''
    UNION ALL
    SELECT cd.department_id, 0 FROM conference_departments cd WHERE cd.conference_id = NEW.id
    UNION ALL
    SELECT coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 1
    FROM attendance a
    WHERE NEW.organizer = 'city' AND a.conference_id = NEW.id AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy')
    UNION ALL
    SELECT coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 2
    FROM attendance a
    WHERE NEW.organizer = 'city' AND a.conference_id = NEW.id AND a.status = 'attended' AND a.role = 'head'
  ) s
  WHERE NEW.status = 'held' AND s.department_id IS NOT NULL AND (s.kind = 0 OR s.department_id <> '')
  GROUP BY s.department_id, s.kind
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = excluded.n;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(NEW.date, 1, 4), '', 3, 0, NEW.date, NEW.id, 1
  WHERE NEW.status = 'held' AND (NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR NEW.id GLOB '*[^ -~]*')
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_conference_delete` AFTER DELETE ON `conferences` BEGIN
  DELETE FROM quota_cells WHERE conference_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_releasing_insert` AFTER INSERT ON `conference_departments` BEGIN
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), NEW.department_id, 0, (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3, c.date, c.id, 1
  FROM conferences c WHERE c.id = NEW.conference_id AND c.status = 'held'
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_releasing_delete` AFTER DELETE ON `conference_departments` BEGIN
  UPDATE quota_cells SET n = n - 1
  WHERE conference_id = OLD.conference_id AND kind = 0 AND department_id = OLD.department_id;
  DELETE FROM quota_cells WHERE conference_id = OLD.conference_id AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_releasing_update` AFTER UPDATE OF conference_id, department_id ON `conference_departments`
WHEN OLD.conference_id IS NOT NEW.conference_id OR OLD.department_id IS NOT NEW.department_id BEGIN
  UPDATE quota_cells SET n = n - 1
  WHERE conference_id = OLD.conference_id AND kind = 0 AND department_id = OLD.department_id;
  DELETE FROM quota_cells WHERE conference_id = OLD.conference_id AND n <= 0;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), NEW.department_id, 0, (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3, c.date, c.id, 1
  FROM conferences c WHERE c.id = NEW.conference_id AND c.status = 'held'
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_attendance_insert` AFTER INSERT ON `attendance`
WHEN NEW.status = 'attended' AND NEW.role IN ('head', 'spokesperson', 'deputy') BEGIN
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)),
    1, (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3, c.date, c.id, 1
  FROM conferences c
  WHERE c.id = NEW.conference_id AND c.status = 'held' AND c.organizer = 'city'
    AND coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)) <> ''
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)),
    2, 0, c.date, c.id, 1
  FROM conferences c
  WHERE NEW.role = 'head' AND c.id = NEW.conference_id AND c.status = 'held' AND c.organizer = 'city'
    AND coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)) <> ''
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_attendance_delete` AFTER DELETE ON `attendance`
WHEN OLD.status = 'attended' AND OLD.role IN ('head', 'spokesperson', 'deputy') BEGIN
  UPDATE quota_cells SET n = n - 1
  WHERE conference_id = OLD.conference_id AND (kind = 1 OR kind = 2 AND OLD.role = 'head')
    AND department_id = coalesce(OLD.department_id, (SELECT p.department_id FROM people p WHERE p.id = OLD.person_id));
  DELETE FROM quota_cells WHERE conference_id = OLD.conference_id AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_attendance_update` AFTER UPDATE OF conference_id, person_id, role, department_id, status ON `attendance`
WHEN OLD.conference_id IS NOT NEW.conference_id OR OLD.person_id IS NOT NEW.person_id OR OLD.role IS NOT NEW.role
  OR OLD.department_id IS NOT NEW.department_id OR OLD.status IS NOT NEW.status BEGIN
  UPDATE quota_cells SET n = n - 1
  WHERE OLD.status = 'attended' AND OLD.role IN ('head', 'spokesperson', 'deputy')
    AND conference_id = OLD.conference_id AND (kind = 1 OR kind = 2 AND OLD.role = 'head')
    AND department_id = coalesce(OLD.department_id, (SELECT p.department_id FROM people p WHERE p.id = OLD.person_id));
  DELETE FROM quota_cells WHERE conference_id = OLD.conference_id AND n <= 0;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)),
    1, (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3, c.date, c.id, 1
  FROM conferences c
  WHERE NEW.status = 'attended' AND NEW.role IN ('head', 'spokesperson', 'deputy')
    AND c.id = NEW.conference_id AND c.status = 'held' AND c.organizer = 'city'
    AND coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)) <> ''
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)),
    2, 0, c.date, c.id, 1
  FROM conferences c
  WHERE NEW.status = 'attended' AND NEW.role = 'head'
    AND c.id = NEW.conference_id AND c.status = 'held' AND c.organizer = 'city'
    AND coalesce(NEW.department_id, (SELECT p.department_id FROM people p WHERE p.id = NEW.person_id)) <> ''
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_person_insert` AFTER INSERT ON `people` BEGIN
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), NEW.department_id, k.kind,
    CASE k.kind WHEN 2 THEN 0 ELSE (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3 END, c.date, c.id, count(*)
  FROM attendance a JOIN conferences c ON c.id = a.conference_id, (SELECT 1 AS kind UNION ALL SELECT 2) k
  WHERE a.person_id = NEW.id AND a.department_id IS NULL AND a.status = 'attended'
    AND (k.kind = 1 AND a.role IN ('head', 'spokesperson', 'deputy') OR k.kind = 2 AND a.role = 'head')
    AND c.status = 'held' AND c.organizer = 'city' AND NEW.department_id <> ''
  GROUP BY c.id, k.kind
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_person_update` AFTER UPDATE OF id, department_id ON `people`
WHEN OLD.id IS NOT NEW.id OR OLD.department_id IS NOT NEW.department_id BEGIN
  UPDATE quota_cells SET n = n - (
    SELECT count(*) FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended'
      AND a.conference_id = quota_cells.conference_id
      AND (quota_cells.kind = 1 AND a.role IN ('head', 'spokesperson', 'deputy') OR quota_cells.kind = 2 AND a.role = 'head'))
  WHERE department_id = OLD.department_id AND kind IN (1, 2) AND conference_id IN (
    SELECT a.conference_id FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy'));
  DELETE FROM quota_cells WHERE n <= 0 AND conference_id IN (
    SELECT a.conference_id FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy'));
  INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
  SELECT substr(c.date, 1, 4), NEW.department_id, k.kind,
    CASE k.kind WHEN 2 THEN 0 ELSE (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3 END, c.date, c.id, count(*)
  FROM attendance a JOIN conferences c ON c.id = a.conference_id, (SELECT 1 AS kind UNION ALL SELECT 2) k
  WHERE a.person_id = NEW.id AND a.department_id IS NULL AND a.status = 'attended'
    AND (k.kind = 1 AND a.role IN ('head', 'spokesperson', 'deputy') OR k.kind = 2 AND a.role = 'head')
    AND c.status = 'held' AND c.organizer = 'city' AND NEW.department_id <> ''
  GROUP BY c.id, k.kind
  ON CONFLICT (year, department_id, kind, quarter, date, conference_id) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `quota_cells_person_delete` AFTER DELETE ON `people` BEGIN
  UPDATE quota_cells SET n = n - (
    SELECT count(*) FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended'
      AND a.conference_id = quota_cells.conference_id
      AND (quota_cells.kind = 1 AND a.role IN ('head', 'spokesperson', 'deputy') OR quota_cells.kind = 2 AND a.role = 'head'))
  WHERE department_id = OLD.department_id AND kind IN (1, 2) AND conference_id IN (
    SELECT a.conference_id FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy'));
  DELETE FROM quota_cells WHERE n <= 0 AND conference_id IN (
    SELECT a.conference_id FROM attendance a
    WHERE a.person_id = OLD.id AND a.department_id IS NULL AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy'));
END;
--> statement-breakpoint
INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n)
SELECT substr(c.date, 1, 4), s.department_id, s.kind,
  CASE s.kind WHEN 2 THEN 0 ELSE (CAST(substr(c.date, 6, 2) AS INTEGER) + 2) / 3 END, c.date, c.id, count(*)
FROM conferences c JOIN (
  SELECT c.id AS conference_id, c.host_department_id AS department_id, 0 AS kind FROM conferences c WHERE c.host_department_id <> ''
  UNION ALL
  SELECT cd.conference_id, cd.department_id, 0 FROM conference_departments cd
  UNION ALL
  SELECT a.conference_id, coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 1
  FROM attendance a WHERE a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy')
  UNION ALL
  SELECT a.conference_id, coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id)), 2
  FROM attendance a WHERE a.status = 'attended' AND a.role = 'head'
) s ON s.conference_id = c.id
WHERE c.status = 'held' AND (s.kind = 0 OR c.organizer = 'city' AND s.department_id <> '') AND s.department_id IS NOT NULL
GROUP BY c.id, s.department_id, s.kind
UNION ALL
SELECT substr(c.date, 1, 4), '', 3, 0, c.date, c.id, 1 FROM conferences c
WHERE c.status = 'held' AND (c.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR c.id GLOB '*[^ -~]*');
