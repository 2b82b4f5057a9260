import type { PlannedEntity } from './demo-ecosystem';
import { pickNear, type Located } from './geography';
import type { Rng } from './random';

/** Planned entities grouped by category, with distance-weighted picking and usage counts. */
export class Pools {
	private readonly byCategory = new Map<string, PlannedEntity[]>();
	private readonly unions = new Map<string, PlannedEntity[]>();
	private readonly usage = new Map<number, number>();

	constructor(
		readonly all: PlannedEntity[],
		private readonly rng: Rng
	) {
		for (const e of all) {
			const list = this.byCategory.get(e.category) ?? [];
			list.push(e);
			this.byCategory.set(e.category, list);
		}
	}

	of(...categories: string[]): PlannedEntity[] {
		const key = categories.join('|');
		let list = this.unions.get(key);
		if (!list) {
			list = categories.flatMap((c) => this.byCategory.get(c) ?? []);
			this.unions.set(key, list);
		}
		return list;
	}

	used(e: PlannedEntity): number {
		return this.usage.get(e.ref) ?? 0;
	}

	use(e: PlannedEntity): PlannedEntity {
		this.usage.set(e.ref, this.used(e) + 1);
		return e;
	}

	/**
	 * A candidate near `from` (half weight at `scaleKm`); `spreadUse` lowers the weight of those
	 * already picked, so that work is shared instead of one person founding ten startups.
	 */
	near(
		from: Located,
		categories: string[],
		options: { scaleKm?: number; spreadUse?: number; exclude?: (e: PlannedEntity) => boolean; weight?: (e: PlannedEntity) => number } = {}
	): PlannedEntity | undefined {
		const { spreadUse = 0, weight } = options;
		const pick = pickNear(this.rng, from, this.of(...categories), {
			scaleKm: options.scaleKm,
			exclude: options.exclude,
			weight: (e) => (weight ? weight(e) : 1) / (1 + spreadUse * this.used(e))
		});
		return pick;
	}

	random(...categories: string[]): PlannedEntity | undefined {
		const list = this.of(...categories);
		return list.length ? this.rng.pick(list) : undefined;
	}
}
