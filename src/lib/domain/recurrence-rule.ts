/**
 * An event's recurrence rule (RFC 5545 RRULE, « FREQ=MONTHLY;BYDAY=1TH ») as the pages speak of it. The expansion
 * into dates is the server's, through ical.js ($lib/server/agenda/occurrences.ts); this module only reads and
 * writes the few shapes a partner picks in the form and the phrasing modules put into words, so it stays small
 * enough for the browser.
 */

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface RuleParts {
	freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
	interval: number;
	/** « 1TH » → { nth: 1, day: 4 }; « TH » → { nth: 0, day: 4 }; « -1FR » → { nth: -1, day: 5 }. Day 0 is Sunday. */
	byDay: { nth: number; day: number }[];
	byMonthDay: number[];
	count: number | null;
	/** The last day it may happen (AAAA-MM-JJ), from UNTIL. */
	until: string | null;
	/** Parts the phrasing does not say (BYMONTH, BYSETPOS…): the words then stay general. */
	other: string[];
}

const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

/** The rule's parts, or null when it is not a rule this app accepts (no frequency, or more often than daily). */
export function ruleParts(rule: string): RuleParts | null {
	const fields = new Map<string, string>();
	for (const piece of rule.replace(/^RRULE:/i, '').split(';')) {
		const [k, v] = piece.split('=');
		if (k && v) fields.set(k.trim().toUpperCase(), v.trim().toUpperCase());
	}
	const freq = fields.get('FREQ') as RuleParts['freq'] | undefined;
	if (!freq || !(FREQS as readonly string[]).includes(freq)) return null;
	const interval = Number(fields.get('INTERVAL') ?? '1');
	const byDay: RuleParts['byDay'] = [];
	for (const d of (fields.get('BYDAY') ?? '').split(',').filter(Boolean)) {
		const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(d);
		if (!m) return null;
		byDay.push({ nth: m[1] ? Number(m[1]) : 0, day: WEEKDAY_CODES.indexOf(m[2] as WeekdayCode) });
	}
	const byMonthDay = (fields.get('BYMONTHDAY') ?? '').split(',').filter(Boolean).map(Number);
	const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : null;
	const untilRaw = fields.get('UNTIL');
	const untilMatch = untilRaw ? /^(\d{4})(\d{2})(\d{2})/.exec(untilRaw) : null;
	if (!Number.isInteger(interval) || interval < 1 || byMonthDay.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) return null;
	if (count !== null && (!Number.isInteger(count) || count < 1)) return null;
	if (untilRaw && !untilMatch) return null;
	const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);
	return {
		freq,
		interval,
		byDay,
		byMonthDay,
		count,
		until: untilMatch ? `${untilMatch[1]}-${untilMatch[2]}-${untilMatch[3]}` : null,
		other: [...fields.keys()].filter((k) => !known.has(k))
	};
}

/** What a partner picks in the form; the rule is then written from the event's first date. */
export const REPEAT_PATTERNS = ['weekly', 'biweekly', 'monthly_nth', 'monthly_last', 'monthly_day', 'yearly'] as const;
export type RepeatPattern = (typeof REPEAT_PATTERNS)[number];

/** The day of the week (0 Sunday) and the date's rank among them in its month (1 to 5) of a day AAAA-MM-JJ. */
export function weekdayOf(day: string): { day: number; nth: number; last: boolean } {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { day: date.getUTCDay(), nth: Math.ceil(d / 7), last: d + 7 > daysInMonth };
}

/**
 * The rule of a pattern for an event starting on `startDay`, ending on `untilDay` if given. UNTIL is written in
 * the same floating (Paris wall) time as the start, as RFC 5545 asks of a local DTSTART.
 */
export function ruleForPattern(pattern: RepeatPattern, startDay: string, untilDay?: string | null): string {
	const w = weekdayOf(startDay);
	const code = WEEKDAY_CODES[w.day];
	const base = {
		weekly: `FREQ=WEEKLY;BYDAY=${code}`,
		biweekly: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${code}`,
		monthly_nth: `FREQ=MONTHLY;BYDAY=${w.nth === 5 ? -1 : w.nth}${code}`,
		monthly_last: `FREQ=MONTHLY;BYDAY=-1${code}`,
		monthly_day: `FREQ=MONTHLY;BYMONTHDAY=${Number(startDay.slice(8, 10))}`,
		yearly: 'FREQ=YEARLY'
	}[pattern];
	return untilDay ? `${base};UNTIL=${untilDay.replaceAll('-', '')}T235959` : base;
}

/** The pattern a stored rule was written from (the form shows it picked), or null for any other rule. */
export function patternOfRule(rule: string | null | undefined, startDay: string): RepeatPattern | null {
	if (!rule) return null;
	const bare = (r: string) => r.replace(/;UNTIL=[^;]*/i, '').toUpperCase();
	return REPEAT_PATTERNS.find((p) => bare(ruleForPattern(p, startDay)) === bare(rule)) ?? null;
}
