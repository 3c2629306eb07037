-- Full-text indexes for Chinese substring search (FTS5 trigram): documents by title and text, the
-- answer library by question, answer, topic and tags. External-content tables kept in step by triggers.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(title, body, content='documents', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `documents_fts_insert` AFTER INSERT ON `documents` BEGIN
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_delete` AFTER DELETE ON `documents` BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_update` AFTER UPDATE OF title, body ON `documents` BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
--> statement-breakpoint
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `answers_fts` USING fts5(question, answer, topic, tags, content='answers', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `answers_fts_insert` AFTER INSERT ON `answers` BEGIN
  INSERT INTO answers_fts(rowid, question, answer, topic, tags) VALUES (new.rowid, new.question, new.answer, new.topic, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `answers_fts_delete` AFTER DELETE ON `answers` BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, question, answer, topic, tags) VALUES ('delete', old.rowid, old.question, old.answer, old.topic, old.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `answers_fts_update` AFTER UPDATE OF question, answer, topic, tags ON `answers` BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, question, answer, topic, tags) VALUES ('delete', old.rowid, old.question, old.answer, old.topic, old.tags);
  INSERT INTO answers_fts(rowid, question, answer, topic, tags) VALUES (new.rowid, new.question, new.answer, new.topic, new.tags);
END;
--> statement-breakpoint
INSERT INTO answers_fts(answers_fts) VALUES ('rebuild');
