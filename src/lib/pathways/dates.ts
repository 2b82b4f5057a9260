/** Partial dates ('2019', '2019-03', '2019-03-14') compared at the precision both share: never invented precision. */

/** <0, 0, >0 on the common prefix: '2019' and '2019-05' compare equal (we cannot tell which came first). */
export function comparePartial(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	const x = a.slice(0, n);
	const y = b.slice(0, n);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Months from a to b when both are known to the month, else null. */
export function monthsBetween(a: string | null, b: string | null): number | null {
	if (!a || !b || a.length < 7 || b.length < 7) return null;
	const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
	return months(b) - months(a);
}

export const yearOfPartial = (d: string | null): number | null => (d ? Number(d.slice(0, 4)) : null);

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
