-- The graph revision: every write that can change the network graph (its nodes, their labels and places,
-- its relations) bumps meta.graph_revision, so every process holding an in-memory graph (the server's
-- adjacency index and metrics cache) sees it is stale with one tiny read. Triggers cannot live in the
-- Drizzle schema, hence this custom migration. Entity updates that do not touch the graph (descriptions,
-- contact details, search terms) leave the revision alone so editing a text does not recompute metrics.
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('graph_revision', 0);
--> statement-breakpoint
CREATE TRIGGER `graph_revision_entities_ai` AFTER INSERT ON `entities` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_entities_au` AFTER UPDATE OF slug, kind, category, name, commune_code, lon, lat, status, deleted_at ON `entities` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_entities_ad` AFTER DELETE ON `entities` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_relations_ai` AFTER INSERT ON `relations` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_relations_au` AFTER UPDATE ON `relations` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_relations_ad` AFTER DELETE ON `relations` BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
