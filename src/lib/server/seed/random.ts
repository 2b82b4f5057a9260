/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same demo ecosystem,
 * so screenshots, tests and benchmark notes stay comparable from one run to the next.
 */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick() sur une liste vide');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Index drawn with probability proportional to its weight (weights >= 0, not all zero). */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		if (!(total > 0)) return Math.floor(this.next() * weights.length);
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i] as number;
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
		return items[this.weightedIndex(weights)] as T;
	}

	/** k distinct items (fewer if the list is shorter), in random order. */
	sample<T>(items: readonly T[], k: number): T[] {
		const copy = [...items];
		const n = Math.min(k, copy.length);
		for (let i = 0; i < n; i++) {
			const j = i + Math.floor(this.next() * (copy.length - i));
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy.slice(0, n);
	}

	/** A small count around `mean` (geometric-ish), useful for "1 to a few" relations. */
	count(mean: number, max: number): number {
		let n = 0;
		while (n < max && this.next() < mean / (mean + 1)) n++;
		return n;
	}
}

/** Cumulative weights, for picking many times from the same large list in O(log n). */
export class WeightedTable<T> {
	private readonly cumulative: number[] = [];
	private readonly total: number;

	constructor(
		readonly items: readonly T[],
		weight: (item: T) => number
	) {
		let sum = 0;
		for (const item of items) {
			sum += Math.max(0, weight(item));
			this.cumulative.push(sum);
		}
		this.total = sum;
	}

	get size(): number {
		return this.items.length;
	}

	draw(rng: Rng): T {
		if (this.items.length === 0) throw new Error('tirage dans une liste vide');
		if (!(this.total > 0)) return rng.pick(this.items);
		const r = rng.next() * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((this.cumulative[mid] as number) > r) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo] as T;
	}
}
