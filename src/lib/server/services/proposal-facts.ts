import type { Nameable } from '$lib/domain/french';
import type { Db } from '../db';
import type { PendingChangeRow } from '../db/schema';
import { relationRow } from '../repos/entity-write.repo';
import type { ProposalFacts } from './proposal-words';

// Shared by « Mes propositions », the moderation queue and the review notices, so none of them imports another.

/** What a proposal is about, with names; `actor` resolves entity ids the caller already read. */
export function proposalFacts(db: Db, c: PendingChangeRow, actor: (id: number) => Nameable): ProposalFacts {
	const name = (id: number) => actor(id).name;
	const payload = c.payload;
	switch (c.kind) {
		case 'entity_update':
			return { kind: c.kind, entityName: name(c.entityId ?? 0), fields: Object.keys(payload) };
		case 'entity_create':
			return { kind: c.kind, name: String(payload.name ?? '') };
		case 'relation_create':
			return { kind: c.kind, relation: { source: actor(Number(payload.sourceId)), type: String(payload.type), target: actor(Number(payload.targetId)) } };
		case 'relation_update':
		case 'relation_delete':
		case 'relation_dispute': {
			const r = c.relationId ? relationRow(db, c.relationId) : undefined;
			const relation = r
				? { source: actor(r.sourceId), type: r.type, target: actor(r.targetId) }
				: { source: actor(c.entityId ?? 0), type: '', target: { name: '…' } };
			return { kind: c.kind, relation, fields: Object.keys(payload) };
		}
		case 'report':
		case 'entity_claim':
			return { kind: c.kind, entityName: name(c.entityId ?? 0) };
	}
}
