-- Entities and relations written before the history existed get one baseline revision each: the state
-- they are in, dated by their last update, by « système ». So every row has a snapshot to diff and roll
-- back to, and a stale save can always show what changed. Rows that already have a revision are skipped.
-- The JSON has the shape of $lib/history/snapshot.ts (entitySnapshot / relationSnapshot): same keys,
-- arrays as arrays, booleans as true/false (tests/integration/history.spec.ts checks it against the code).
INSERT INTO `revisions` (`subject_kind`, `subject_id`, `version`, `operation`, `snapshot`, `author_user_id`, `author_label`, `reason`, `created_at`)
SELECT 'entity', e.`id`, e.`version`, 'import',
	json_object(
		'id', e.`id`, 'name', e.`name`, 'slug', e.`slug`, 'kind', e.`kind`, 'category', e.`category`, 'status', e.`status`,
		'summary', e.`summary`, 'description', e.`description`, 'website', e.`website`,
		'sectors', json(e.`sectors`), 'stages', json(e.`stages`), 'offers', json(e.`offers`),
		'address', e.`address`, 'communeCode', e.`commune_code`, 'lon', e.`lon`, 'lat', e.`lat`, 'coordPrecision', e.`coord_precision`,
		'foundedYear', e.`founded_year`, 'startsAt', e.`starts_at`, 'endsAt', e.`ends_at`, 'email', e.`email`, 'phone', e.`phone`,
		'contactPublic', json(CASE WHEN e.`contact_public` THEN 'true' ELSE 'false' END), 'lastVerifiedAt', e.`last_verified_at`,
		'isDemo', json(CASE WHEN e.`is_demo` THEN 'true' ELSE 'false' END), 'version', e.`version`, 'deletedAt', e.`deleted_at`
	),
	NULL, 'système', 'État enregistré à l''ouverture de l''historique', e.`updated_at`
FROM `entities` e
WHERE NOT EXISTS (SELECT 1 FROM `revisions` r WHERE r.`subject_kind` = 'entity' AND r.`subject_id` = e.`id`)
ORDER BY e.`id`;
--> statement-breakpoint
INSERT INTO `revisions` (`subject_kind`, `subject_id`, `version`, `operation`, `snapshot`, `author_user_id`, `author_label`, `reason`, `created_at`)
SELECT 'relation', x.`id`, x.`version`, 'import',
	json_object(
		'id', x.`id`, 'type', x.`type`, 'sourceId', x.`source_id`, 'targetId', x.`target_id`, 'startDate', x.`start_date`,
		'endDate', x.`end_date`, 'description', x.`description`, 'source', x.`source`, 'confirmation', x.`confirmation`,
		'isDemo', json(CASE WHEN x.`is_demo` THEN 'true' ELSE 'false' END), 'version', x.`version`, 'deletedAt', x.`deleted_at`
	),
	NULL, 'système', 'État enregistré à l''ouverture de l''historique', x.`updated_at`
FROM `relations` x
WHERE NOT EXISTS (SELECT 1 FROM `revisions` r WHERE r.`subject_kind` = 'relation' AND r.`subject_id` = x.`id`)
ORDER BY x.`id`;
