import type { ConfirmationState, RelationType } from '$lib/domain/vocabulary';
import type { PlannedEntity } from './demo-ecosystem';
import type { Rng } from './random';
import { sourceFor } from './texts';

/** The demo's « now »: a fixed year, so the same seed gives the same dates whatever the clock says. */
export const LAST_YEAR = 2026;

export interface PlannedRelation {
	type: RelationType;
	source: PlannedEntity;
	target: PlannedEntity;
	startDate: string | null;
	endDate: string | null;
	description: string;
	citation: string;
	confirmation: ConfirmationState;
}

/** Collects planned relations, refusing duplicates (a symmetric type counts once per pair). */
export class RelationBook {
	readonly items: PlannedRelation[] = [];
	private readonly keys = new Set<string>();

	constructor(private readonly rng: Rng) {}

	get size(): number {
		return this.items.length;
	}

	has(type: RelationType, source: PlannedEntity, target: PlannedEntity): boolean {
		return this.keys.has(keyOf(type, source, target));
	}

	add(
		type: RelationType,
		source: PlannedEntity,
		target: PlannedEntity,
		options: { start?: string | null; end?: string | null; description?: string; confirmed?: number } = {}
	): boolean {
		if (source.ref === target.ref) return false;
		const key = keyOf(type, source, target);
		if (this.keys.has(key)) return false;
		this.keys.add(key);
		const start = options.start ?? null;
		const year = start ? Number(start.slice(0, 4)) : this.rng.int(2019, LAST_YEAR);
		this.items.push({
			type,
			source,
			target,
			startDate: start,
			endDate: options.end ?? null,
			description: options.description ?? '',
			citation: sourceFor(this.rng, Math.min(year, LAST_YEAR), target, LAST_YEAR),
			confirmation: this.rng.chance(options.confirmed ?? 0.3) ? 'confirmed' : 'declared'
		});
		return true;
	}
}

function keyOf(type: RelationType, source: PlannedEntity, target: PlannedEntity): string {
	const symmetric = type === 'partner_of' && source.ref > target.ref;
	return symmetric ? `${type}:${target.ref}:${source.ref}` : `${type}:${source.ref}:${target.ref}`;
}
