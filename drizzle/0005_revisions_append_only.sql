-- Revisions are append-only at the database level too: whatever code (or hand-typed SQL) tries to UPDATE or
-- DELETE a revision is refused, so the history cannot be rewritten by a bug. Triggers cannot live in the
-- Drizzle schema, hence this custom migration.
--
-- The one way through, for the GDPR erasure (and wiping a demo database): set meta.revisions_unlocked to 1,
-- change the revisions, set it back to 0, all inside ONE transaction. Other connections never see the flag
-- at 1 (they read the last committed state and writers are serialised), and a rollback restores 0. Use
-- withRevisionsUnlocked() in src/lib/server/repos/revision.repo.ts, never the flag by hand. A missing row
-- counts as locked, so deleting it cannot open the gate.
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('revisions_unlocked', 0);
--> statement-breakpoint
CREATE TRIGGER `revisions_append_only_update` BEFORE UPDATE ON `revisions`
WHEN coalesce((SELECT `value` FROM `meta` WHERE `key` = 'revisions_unlocked'), 0) <> 1 BEGIN
	SELECT RAISE(ABORT, 'revisions are append-only: use withRevisionsUnlocked() (drizzle/0005_revisions_append_only.sql)');
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_append_only_delete` BEFORE DELETE ON `revisions`
WHEN coalesce((SELECT `value` FROM `meta` WHERE `key` = 'revisions_unlocked'), 0) <> 1 BEGIN
	SELECT RAISE(ABORT, 'revisions are append-only: use withRevisionsUnlocked() (drizzle/0005_revisions_append_only.sql)');
END;
