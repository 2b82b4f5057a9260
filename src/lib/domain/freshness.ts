import { parisToday } from './french/dates';

/**
 * Whether a listing's « vérifiée le … » date is recent enough (DOMAIN.md, « Fraîcheur »): confirmed within
 * the freshness period (12 months by default, CARTO_FRESHNESS_MONTHS), older (« à vérifier »), or never confirmed.
 */
export type Freshness = 'verified' | 'stale' | 'never';

export const FRESHNESS_MONTHS = 12;

/**
 * The oldest verification day still « vérifiée » `months` after it, as an ISO day. Counted from today in
 * Paris (00:24 in Paris on the 4th is the 4th), so the public page, the partner's space, the reminders and
 * the dashboard draw the line on the same day; a 31st with no match ends the shorter month.
 */
export function freshnessLimitDay(now: Date, months = FRESHNESS_MONTHS): string {
	const [y, m, d] = parisToday(now).split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(y, m - 1 - months, 1));
	const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d, lastOfMonth));
	return target.toISOString().slice(0, 10);
}

/** `lastVerifiedAt` is a calendar date (YYYY-MM-DD); `now` decides what « 12 months ago » is. */
export function freshness(lastVerifiedAt: string | null, now: Date, months = FRESHNESS_MONTHS): Freshness {
	if (!lastVerifiedAt || !/^\d{4}-\d{2}-\d{2}/.test(lastVerifiedAt)) return 'never';
	return lastVerifiedAt.slice(0, 10) >= freshnessLimitDay(now, months) ? 'verified' : 'stale';
}
