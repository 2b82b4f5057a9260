import { relationInputSchema } from '$lib/domain/entity.schema';
import { fieldLabel } from '$lib/history/diff';
import { error, warning, type ImportProblem } from '$lib/import/problems';
import type { Db } from '../db';
import { exportRelationRows } from '../repos/export.repo';
import type { RelationEnd, RelationPlan, RowPlan } from './plan-types';
export type { RelationEnd, RelationPlan } from './plan-types';
import type { JsonSource } from './read-file';

/**
 * Relations of the project's own export: their ends are the file's entity ids, matched to what the entity
 * rows became (created, updated, or the existing entity they duplicate). An identical relation already
 * stored is skipped, so importing the same file twice adds nothing.
 */
export function planRelations(db: Db, source: JsonSource, rows: RowPlan[]): RelationPlan[] {
	const planByFileId = new Map<number, RowPlan>();
	source.entities.forEach((e, i) => {
		const plan = rows[i];
		if (typeof e.value.id === 'number' && plan) planByFileId.set(e.value.id, plan);
	});
	const existingIds = rows.flatMap((r) => (r.existingId ? [r.existingId] : []));
	const stored = new Set(exportRelationRows(db, existingIds).map((r) => `${r.type}|${r.sourceId}|${r.targetId}|${r.startDate ?? ''}`));
	const planned = new Set<string>();

	return source.relations.map(({ row, value }): RelationPlan => {
		const problems: ImportProblem[] = [];
		const blocked = (): RelationPlan => ({ row, action: 'error', source: null, target: null, data: null, note: null, problems });
		const end = (key: 'sourceId' | 'targetId'): RelationEnd | 'missing' | 'unusable' => {
			const plan = planByFileId.get(Number(value[key]));
			if (!plan) return 'missing';
			if (plan.action === 'error' || !plan.slug) return 'unusable';
			return { slug: plan.slug, id: plan.action === 'create' ? null : plan.existingId };
		};
		const source = end('sourceId');
		const target = end('targetId');
		if (source === 'missing' || target === 'missing') {
			const which = source === 'missing' ? 'sourceId' : 'targetId';
			problems.push(error(row, which, 'unknown_relation_end', `relation vers l'acteur n° ${String(value[which])}, absent du fichier`));
			return blocked();
		}
		const parsed = relationInputSchema.safeParse({ ...value, sourceId: 1, targetId: 2 });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? '');
				problems.push(error(row, field || null, 'invalid', `${field ? fieldLabel(field).toLowerCase() + ' : ' : ''}${issue.message}`));
			}
			return blocked();
		}
		const { sourceId: _s, targetId: _t, ...data } = parsed.data;
		if (source === 'unusable' || target === 'unusable') {
			problems.push(warning(row, null, 'unknown_relation_end', 'relation ignorée : une de ses deux fiches est en erreur'));
			return { row, action: 'skip', source: null, target: null, data, note: 'fiche en erreur', problems };
		}
		if (source.slug === target.slug) {
			problems.push(error(row, 'targetId', 'invalid', 'une relation relie deux acteurs différents (les deux fiches sont le même acteur)'));
			return blocked();
		}
		const key = `${data.type}|${source.id ?? source.slug}|${target.id ?? target.slug}|${data.startDate ?? ''}`;
		if ((source.id && target.id && stored.has(`${data.type}|${source.id}|${target.id}|${data.startDate ?? ''}`)) || planned.has(key)) {
			return { row, action: 'skip', source, target, data, note: 'déjà présente', problems };
		}
		planned.add(key);
		return { row, action: 'create', source, target, data, note: null, problems };
	});
}
