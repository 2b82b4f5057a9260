CREATE TABLE `search_synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`terms` text NOT NULL,
	`related` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `entities` ADD `search_stems` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A search that forgives (plurals, typos, synonyms): the full-text index gains the rows' stems (computed in
-- TypeScript, written in entities.search_stems) and a vocabulary view for typo candidates. FTS5 tables cannot
-- be altered, so the index is rebuilt here from the entities; the stems of existing rows are filled in when the
-- server prepares its database (setup/prepare.ts), which then re-indexes them through the update trigger.
DROP TRIGGER IF EXISTS `entities_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entities_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `entities_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `entities_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `entities_fts` USING fts5(
	name, summary, description_text, search_terms, search_stems,
	tokenize="unicode61 remove_diacritics 2",
	prefix='2 3 4'
);
--> statement-breakpoint
-- Name first, then labels and places, the summary, the stems (a word's other forms), the description.
INSERT INTO entities_fts(entities_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0, 4.0, 2.0)');
--> statement-breakpoint
-- Every change of the index bumps meta.search_revision: the server's typo vocabulary knows it is stale.
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('search_revision', 0);
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ai` AFTER INSERT ON `entities`
WHEN new.deleted_at IS NULL AND new.status = 'published' BEGIN
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms, search_stems)
	VALUES (new.id, new.name, new.summary, new.description_text, new.search_terms, new.search_stems);
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'search_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_ad` AFTER DELETE ON `entities` BEGIN
	DELETE FROM entities_fts WHERE rowid = old.id;
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'search_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `entities_fts_au` AFTER UPDATE OF name, summary, description_text, search_terms, search_stems, status, deleted_at ON `entities` BEGIN
	DELETE FROM entities_fts WHERE rowid = old.id;
	INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms, search_stems)
	SELECT new.id, new.name, new.summary, new.description_text, new.search_terms, new.search_stems
	WHERE new.deleted_at IS NULL AND new.status = 'published';
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'search_revision';
END;
--> statement-breakpoint
INSERT INTO entities_fts(rowid, name, summary, description_text, search_terms, search_stems)
SELECT id, name, summary, description_text, search_terms, search_stems FROM entities
WHERE deleted_at IS NULL AND status = 'published';
--> statement-breakpoint
-- The index's words per column, with how many rows hold them: the typo step's candidates.
CREATE VIRTUAL TABLE `entities_fts_words` USING fts5vocab('entities_fts', 'col');
--> statement-breakpoint
-- The index version the stems were computed with: prepare.ts recomputes every row's derived search text when
-- the code's version is newer (a new stemmer rule, English labels added to search_terms).
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('search_text_version', 0);
--> statement-breakpoint
INSERT INTO `search_synonyms` (`terms`, `related`) VALUES
	('tiers-lieu, tiers lieu, tiers-lieux, third place, third-place', 0),
	('financeur, financement, investisseur, investissement, funder, funding, investor, investment', 0),
	('incubateur, incubation, incubator, business incubator', 0),
	('accélérateur, accélération, accelerator', 0),
	('business angels, business angel, BA', 0),
	('French Tech, frenchtech', 0),
	('fablab, fab lab, fabrication numérique', 0),
	('coworking, co-working, espace de travail partagé, bureau partagé', 0),
	('pépinière, pépinière d''entreprises, business nursery', 0),
	('startup, start-up, jeune pousse', 0),
	('amorçage, seed, pré-amorçage', 0),
	('accompagnement, mentorat, mentoring, coaching', 0),
	('aide, soutien, support', 0),
	('laboratoire, labo, lab', 0),
	('université, enseignement supérieur, university', 0),
	('élu, élue, élus, élues, elected official', 0),
	('impression 3D, imprimante 3D, 3D printing, 3D printer, fabrication additive', 0),
	('atelier partagé, makerspace, maker space, shared workshop', 0),
	('concours, pitch, competition, challenge', 0),
	('télémédecine, téléconsultation, e-santé, santé numérique, telehealth', 0),
	('panneaux solaires, toitures solaires, photovoltaïque, solar panels', 0),
	('tiers-lieu, coworking, fablab, atelier partagé, pépinière', 1),
	('aide, financement, accompagnement, subvention, prêt d''honneur', 1),
	('incubateur, accélérateur, pépinière', 1),
	('amorçage, création, émergence', 1);
