DROP INDEX `attendance_conference_idx`;
--> statement-breakpoint
-- One full-text index per searchable table instead of two (the trigram index of 0004 for three
-- characters or more, the character index of 0006 for one or two): every pair of neighbouring
-- characters is a token (`po_bigrams`, registered on every connection by db/open.ts: 营商环 →
-- `营_商 商_环 环_`), a search of two characters or more is the phrase of its pairs and one
-- character the prefix query `营_*` (db/queries/search.ts). As many tokens as the character index
-- held, so about its cost to fill, and one index to fill instead of two. Contentless: the pairs
-- are not stored, only the index. `tokenchars '_'` keeps a pair one token; `remove_diacritics 0`
-- folds case only, as the trigram index did.
DROP TRIGGER `documents_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `documents_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `documents_fts_update`;
--> statement-breakpoint
DROP TRIGGER `documents_chars_insert`;
--> statement-breakpoint
DROP TRIGGER `documents_chars_delete`;
--> statement-breakpoint
DROP TRIGGER `documents_chars_update`;
--> statement-breakpoint
DROP TABLE `documents_fts`;
--> statement-breakpoint
DROP TABLE `documents_chars`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `documents_search` USING fts5(title, body, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
--> statement-breakpoint
CREATE TRIGGER `documents_search_insert` AFTER INSERT ON `documents` BEGIN
  INSERT INTO documents_search(rowid, title, body) VALUES (new.rowid, po_bigrams(new.title), po_bigrams(new.body));
END;
--> statement-breakpoint
CREATE TRIGGER `documents_search_delete` AFTER DELETE ON `documents` BEGIN
  DELETE FROM documents_search WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_search_update` AFTER UPDATE OF title, body ON `documents` BEGIN
  DELETE FROM documents_search WHERE rowid = old.rowid;
  INSERT INTO documents_search(rowid, title, body) VALUES (new.rowid, po_bigrams(new.title), po_bigrams(new.body));
END;
--> statement-breakpoint
INSERT INTO documents_search(rowid, title, body) SELECT rowid, po_bigrams(title), po_bigrams(body) FROM documents;
--> statement-breakpoint
DROP TRIGGER `answers_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `answers_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `answers_fts_update`;
--> statement-breakpoint
DROP TRIGGER `answers_chars_insert`;
--> statement-breakpoint
DROP TRIGGER `answers_chars_delete`;
--> statement-breakpoint
DROP TRIGGER `answers_chars_update`;
--> statement-breakpoint
DROP TABLE `answers_fts`;
--> statement-breakpoint
DROP TABLE `answers_chars`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `answers_search` USING fts5(question, answer, topic, tags, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
--> statement-breakpoint
CREATE TRIGGER `answers_search_insert` AFTER INSERT ON `answers` BEGIN
  INSERT INTO answers_search(rowid, question, answer, topic, tags) VALUES (new.rowid, po_bigrams(new.question), po_bigrams(new.answer), po_bigrams(new.topic), po_bigrams(new.tags));
END;
--> statement-breakpoint
CREATE TRIGGER `answers_search_delete` AFTER DELETE ON `answers` BEGIN
  DELETE FROM answers_search WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_search_update` AFTER UPDATE OF question, answer, topic, tags ON `answers` BEGIN
  DELETE FROM answers_search WHERE rowid = old.rowid;
  INSERT INTO answers_search(rowid, question, answer, topic, tags) VALUES (new.rowid, po_bigrams(new.question), po_bigrams(new.answer), po_bigrams(new.topic), po_bigrams(new.tags));
END;
--> statement-breakpoint
INSERT INTO answers_search(rowid, question, answer, topic, tags) SELECT rowid, po_bigrams(question), po_bigrams(answer), po_bigrams(topic), po_bigrams(tags) FROM answers;
