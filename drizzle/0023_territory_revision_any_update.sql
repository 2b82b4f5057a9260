-- territory_revision (0017) moved only when a commune changed its code or its EPCI, département or region. The
-- importer now keeps its index of the communes (names, postal codes, centres, outlines) per territory_revision
-- (issue 18: rebuilt for every file, 50–130 ms of the server's thread at 10,000 actors), so every change of a
-- territory row moves it: the outlines' loaders update geometry and centres. They are the only writers of this
-- table, so the extra update per row costs nothing at run time.
DROP TRIGGER IF EXISTS `territory_revision_au`;
--> statement-breakpoint
CREATE TRIGGER `territory_revision_au` AFTER UPDATE ON `territories` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'territory_revision';
END;
