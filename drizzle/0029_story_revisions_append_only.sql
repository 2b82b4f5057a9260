-- A récit's history is append-only like the listings' (0005): only withRevisionsUnlocked() (a reset of the
-- demo, an erasure) may rewrite or remove it.
CREATE TRIGGER `story_revisions_append_only_update` BEFORE UPDATE ON `story_revisions`
WHEN coalesce((SELECT `value` FROM `meta` WHERE `key` = 'revisions_unlocked'), 0) <> 1 BEGIN
	SELECT RAISE(ABORT, 'story_revisions are append-only: use withRevisionsUnlocked() (drizzle/0029_story_revisions_append_only.sql)');
END;
--> statement-breakpoint
CREATE TRIGGER `story_revisions_append_only_delete` BEFORE DELETE ON `story_revisions`
WHEN coalesce((SELECT `value` FROM `meta` WHERE `key` = 'revisions_unlocked'), 0) <> 1 BEGIN
	SELECT RAISE(ABORT, 'story_revisions are append-only: use withRevisionsUnlocked() (drizzle/0029_story_revisions_append_only.sql)');
END;
