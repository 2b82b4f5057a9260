-- Full-text index over entities (FTS5 cannot be described in the Drizzle schema, hence this custom migration).
-- It holds only what the public may find: published, not deleted entities. Triggers keep it in sync on every
-- write, so searches need no join to filter and FTS5 can rank with ORDER BY rank + LIMIT on its own.
-- unicode61 + remove_diacritics 2: « clermont » finds « Clermont-Ferrand », « ecole » finds « École ».
CREATE VIRTUAL TABLE `entities_fts` USING fts5(
	name, summary, description_text, search_terms,
	tokenize="unicode61 remove_diacritics 2",
	prefix='2 3 4'
);
--> statement-breakpoint
-- A hit in the name counts most, then place/category words, then the summary, then the description.
INSERT INTO entities_fts(entities_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0, 4.0)');
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ai` AFTER INSERT ON `entities`
WHEN new.deleted_at IS NULL AND new.status = 'published' BEGIN
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms)
	VALUES (new.id, new.name, new.summary, new.description_text, new.search_terms);
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ad` AFTER DELETE ON `entities` BEGIN
	DELETE FROM entities_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_au` AFTER UPDATE OF name, summary, description_text, search_terms, status, deleted_at ON `entities` BEGIN
	DELETE FROM entities_fts WHERE rowid = old.id;
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms)
	SELECT new.id, new.name, new.summary, new.description_text, new.search_terms
	WHERE new.deleted_at IS NULL AND new.status = 'published';
END;
