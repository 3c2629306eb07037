-- Search for one or two characters (too short for a trigram): a second full-text index per table
-- over the same columns, each character its own token (`po_chars`, registered on every connection
-- by db/open.ts, puts a space between characters), queried as a phrase: 营商 → "营 商".
-- Contentless: the spaced text is not stored, only the index.
CREATE VIRTUAL TABLE `documents_chars` USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `documents_chars_insert` AFTER INSERT ON `documents` BEGIN
  INSERT INTO documents_chars(rowid, title, body) VALUES (new.rowid, po_chars(new.title), po_chars(new.body));
END;
--> statement-breakpoint
CREATE TRIGGER `documents_chars_delete` AFTER DELETE ON `documents` BEGIN
  DELETE FROM documents_chars WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_chars_update` AFTER UPDATE OF title, body ON `documents` BEGIN
  DELETE FROM documents_chars WHERE rowid = old.rowid;
  INSERT INTO documents_chars(rowid, title, body) VALUES (new.rowid, po_chars(new.title), po_chars(new.body));
END;
--> statement-breakpoint
INSERT INTO documents_chars(rowid, title, body) SELECT rowid, po_chars(title), po_chars(body) FROM documents;
--> statement-breakpoint
CREATE VIRTUAL TABLE `answers_chars` USING fts5(question, answer, topic, tags, content='', contentless_delete=1, tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `answers_chars_insert` AFTER INSERT ON `answers` BEGIN
  INSERT INTO answers_chars(rowid, question, answer, topic, tags) VALUES (new.rowid, po_chars(new.question), po_chars(new.answer), po_chars(new.topic), po_chars(new.tags));
END;
--> statement-breakpoint
CREATE TRIGGER `answers_chars_delete` AFTER DELETE ON `answers` BEGIN
  DELETE FROM answers_chars WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_chars_update` AFTER UPDATE OF question, answer, topic, tags ON `answers` BEGIN
  DELETE FROM answers_chars WHERE rowid = old.rowid;
  INSERT INTO answers_chars(rowid, question, answer, topic, tags) VALUES (new.rowid, po_chars(new.question), po_chars(new.answer), po_chars(new.topic), po_chars(new.tags));
END;
--> statement-breakpoint
INSERT INTO answers_chars(rowid, question, answer, topic, tags) SELECT rowid, po_chars(question), po_chars(answer), po_chars(topic), po_chars(tags) FROM answers;
