-- The finder's and the map's caches are rebuilt when meta.graph_revision moves (drizzle/0003). Partners now
-- edit the stages and offers they serve, their sectors and their pin's precision (issue 14): those columns
-- decide who the finder lists and how the map draws a point, so changing them bumps the revision too.
DROP TRIGGER IF EXISTS `graph_revision_entities_au`;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_entities_au` AFTER UPDATE OF slug, kind, category, name, commune_code, lon, lat, coord_precision, sectors, stages, offers, status, deleted_at ON `entities` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
