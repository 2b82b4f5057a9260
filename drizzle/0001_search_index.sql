-- Full-text index over entities (FTS5 cannot be described in the Drizzle schema, hence this custom migration).
-- External-content table: the text lives in `entities`; triggers keep the index in sync on every write.
-- unicode61 + remove_diacritics 2: « clermont » finds « Clermont-Ferrand », « ecole » finds « École ».
CREATE VIRTUAL TABLE `entities_fts` USING fts5(
	name, summary, description_text, search_terms,
	content='entities', content_rowid='id',
	tokenize="unicode61 remove_diacritics 2",
	prefix='2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ai` AFTER INSERT ON `entities` BEGIN
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms)
	VALUES (new.id, new.name, new.summary, new.description_text, new.search_terms);
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ad` AFTER DELETE ON `entities` BEGIN
	INSERT INTO entities_fts(entities_fts, rowid, name, summary, description_text, search_terms)
	VALUES ('delete', old.id, old.name, old.summary, old.description_text, old.search_terms);
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_au` AFTER UPDATE OF name, summary, description_text, search_terms ON `entities` BEGIN
	INSERT INTO entities_fts(entities_fts, rowid, name, summary, description_text, search_terms)
	VALUES ('delete', old.id, old.name, old.summary, old.description_text, old.search_terms);
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms)
	VALUES (new.id, new.name, new.summary, new.description_text, new.search_terms);
END;
