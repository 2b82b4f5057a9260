-- Issue 20: an actor's press coverage (its confirmed mentions) is part of what the graph and the filters show
-- (node size « couverture presse », the « angles morts » filter), so a change to it bumps meta.graph_revision
-- like a change to the actor itself (0003). Proposed and rejected mentions are not public: they bump nothing.
CREATE TRIGGER `graph_revision_mentions_ai` AFTER INSERT ON `article_mentions` WHEN NEW.status = 'confirmed' BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_mentions_au` AFTER UPDATE OF status, entity_id ON `article_mentions`
WHEN (OLD.status = 'confirmed' OR NEW.status = 'confirmed') AND (OLD.status <> NEW.status OR OLD.entity_id <> NEW.entity_id) BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
--> statement-breakpoint
CREATE TRIGGER `graph_revision_mentions_ad` AFTER DELETE ON `article_mentions` WHEN OLD.status = 'confirmed' BEGIN
	UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'graph_revision';
END;
