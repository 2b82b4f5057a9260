/**
 * Time spans of relations and actors, for Gephi's timeline (GEXF spells). Relation dates are partial
 * (« 2019 », « 2019-03 », « 2019-03-14 »): a start means its first day, an end its last day, so a
 * relation dated « 2019 » to « 2020-06 » spans 2019-01-01 to 2020-06-30. Open ends stay open.
 */

export interface Spell {
	/** ISO dates (yyyy-mm-dd); null: open on that side. */
	start: string | null;
	end: string | null;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(value: string | null | undefined): { y: number; m?: number; d?: number } | null {
	const match = value ? PARTIAL.exec(value.trim()) : null;
	if (!match) return null;
	const y = Number(match[1]);
	const m = match[2] === undefined ? undefined : Number(match[2]);
	const d = match[3] === undefined ? undefined : Number(match[3]);
	if (m !== undefined && (m < 1 || m > 12)) return null;
	if (d !== undefined && (d < 1 || d > daysIn(y, m as number))) return null;
	return { y, m, d };
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first day a partial date covers (null when it is not a date). */
export function firstDay(value: string | null | undefined): string | null {
	const p = parts(value);
	return p ? `${p.y}-${pad(p.m ?? 1)}-${pad(p.d ?? 1)}` : null;
}

/** The last day a partial date covers (null when it is not a date). */
export function lastDay(value: string | null | undefined): string | null {
	const p = parts(value);
	if (!p) return null;
	const m = p.m ?? 12;
	return `${p.y}-${pad(m)}-${pad(p.d ?? daysIn(p.y, m))}`;
}

/** A relation's span, or null when it has no usable date (it then holds at all times). */
export function relationSpell(startDate: string | null | undefined, endDate: string | null | undefined): Spell | null {
	const start = firstDay(startDate);
	let end = lastDay(endDate);
	if (start === null && end === null) return null;
	// An end before the start is a typing slip: keep the start, leave the end open rather than write an empty span.
	if (start !== null && end !== null && end < start) end = null;
	return { start, end };
}

/**
 * An actor's spans: when at least one of its relations holds (the union of their spans, overlapping
 * or touching ones merged), as the year slider of /reseau shows it. Null when one of its relations is
 * undated or when it has none: the actor is then there at all times.
 */
export function unionSpells(spells: (Spell | null)[]): Spell[] | null {
	if (spells.length === 0 || spells.some((s) => s === null)) return null;
	const sorted = (spells as Spell[]).map((s) => ({ ...s })).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
	const out: Spell[] = [];
	for (const s of sorted) {
		const last = out[out.length - 1];
		if (last && (last.end === null || s.start === null || dayAfter(last.end) >= s.start)) {
			if (last.end !== null && (s.end === null || s.end > last.end)) last.end = s.end;
		} else out.push(s);
	}
	return out;
}

function dayAfter(iso: string): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}
