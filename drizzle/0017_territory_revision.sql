-- The directory's totals are cached per data revision (issue 18). graph_revision (0003, 0012) moves on every
-- change of an actor's visibility, kind, category, sectors, stages, offers and commune, and search_revision
-- (0013) on every change of the full-text index: together they cover every entity filter but `territory`,
-- which reads the territories table (a commune moving to another EPCI). territory_revision covers that; the
-- table is written by the territory loaders only, so the extra update per row costs nothing at run time.
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('territory_revision', 0);
--> statement-breakpoint
CREATE TRIGGER `territory_revision_ai` AFTER INSERT ON `territories` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'territory_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `territory_revision_au` AFTER UPDATE OF code, region_code, departement_code, epci_code ON `territories` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'territory_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `territory_revision_ad` AFTER DELETE ON `territories` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'territory_revision';
END;
