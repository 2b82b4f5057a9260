/**
 * Browser tests' way to change the running server's database through the real write path (validation,
 * revisions, triggers that bump graph_revision so the server's caches notice). Reads a JSON list of edits
 * on stdin, applies each on its own, prints one result per edit: refusals are answers, not crashes, so a
 * test can assert that validation turned a payload away. Test tooling only: DATABASE_URL must be set.
 */
import { readFileSync } from 'node:fs';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { entityRowBySlug, relationRow } from '../src/lib/server/repos/entity-write.repo';
import { updateEntity, updateRelation } from '../src/lib/server/services/entity-write.service';
import { ValidationError } from '../src/lib/server/services/errors';

type Edit = { entity: string; patch: Record<string, unknown> } | { relation: number; patch: Record<string, unknown> };
type Result = { ok: true; id: number; version: number } | { ok: false; issues: string[] };

if (!process.env.DATABASE_URL) {
	console.error('DATABASE_URL manquant : ce script ne sert qu’aux tests de navigateur.');
	process.exit(2);
}
const edits = JSON.parse(readFileSync(0, 'utf8')) as Edit[];
const db = openDb(databasePath());
const actor = { userId: null, label: 'tests de navigateur' };

function apply(edit: Edit): Result {
	try {
		if ('entity' in edit) {
			const row = entityRowBySlug(db, edit.entity);
			if (!row) return { ok: false, issues: [`fiche ${edit.entity} introuvable`] };
			const r = updateEntity(db, row.id, edit.patch, { actor, reason: 'test', expectedVersion: row.version });
			return { ok: true, id: r.id, version: r.version };
		}
		const row = relationRow(db, edit.relation);
		if (!row) return { ok: false, issues: [`relation ${edit.relation} introuvable`] };
		const r = updateRelation(db, row.id, edit.patch, { actor, reason: 'test', expectedVersion: row.version });
		return { ok: true, id: r.id, version: r.version };
	} catch (e) {
		if (e instanceof ValidationError) return { ok: false, issues: e.issues };
		throw e;
	}
}

try {
	console.log(JSON.stringify(edits.map(apply)));
} finally {
	db.$client.close();
}
