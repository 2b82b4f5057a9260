import type { Rng } from './random';

/** A day, kept as a month index so that adding months stays simple. */
export interface Day {
	/** year * 12 + (month - 1) */
	month: number;
	day: number;
}

/** 0: '2019', 1: '2019-03', 2: '2019-03-14' */
export type Precision = 0 | 1 | 2;

export interface DatedStep {
	at: Day;
	precision: Precision;
	text: string;
}

export const dayOf = (year: number, month = 1, day = 1): Day => ({ month: year * 12 + month - 1, day });
export const yearOf = (d: Day) => Math.floor(d.month / 12);
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDay(d: Day, precision: Precision): string {
	const y = yearOf(d);
	const m = (d.month % 12) + 1;
	if (precision === 0) return String(y);
	if (precision === 1) return `${y}-${pad(m)}`;
	return `${y}-${pad(m)}-${pad(d.day)}`;
}

export function compareDays(a: Day, b: Day): number {
	return a.month - b.month || a.day - b.day;
}

export function randomDayInYear(rng: Rng, year: number): Day {
	return { month: year * 12 + rng.int(0, 11), day: rng.int(1, 28) };
}

/** `from` plus a number of months drawn in [minMonths, maxMonths], never earlier than `from`. */
export function later(rng: Rng, from: Day, minMonths: number, maxMonths: number): Day {
	const months = rng.int(minMonths, maxMonths);
	const day = months === 0 ? rng.int(from.day, 28) : rng.int(1, 28);
	return { month: from.month + months, day: Math.max(day, months === 0 ? from.day : 1) };
}

export function randomPrecision(rng: Rng): Precision {
	const r = rng.next();
	return r < 0.4 ? 0 : r < 0.8 ? 1 : 2;
}

/**
 * Dates one project's steps so that their texts sort in the same order as the days themselves:
 * partial dates compare as strings ('2019' < '2019-03' < '2019-03-14'), so a step in the same
 * year (or month) as the previous one must be at least as precise as it.
 */
export class StepDater {
	private previous: DatedStep | undefined;

	constructor(private readonly rng: Rng) {}

	next(at: Day, precision: Precision = randomPrecision(this.rng)): DatedStep {
		const prev = this.previous;
		let p = precision;
		if (prev && compareDays(at, prev.at) < 0) at = prev.at;
		if (prev && p < prev.precision && formatDay(at, p) === formatDay(prev.at, p)) p = prev.precision;
		const step = { at, precision: p, text: formatDay(at, p) };
		this.previous = step;
		return step;
	}

	get last(): DatedStep | undefined {
		return this.previous;
	}
}
