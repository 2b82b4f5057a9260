/**
 * Whether a listing's « vérifiée le … » date is recent enough (DOMAIN.md, « Fraîcheur »): confirmed within
 * the freshness period (12 months by default), older (« à vérifier »), or never confirmed.
 */
export type Freshness = 'verified' | 'stale' | 'never';

export const FRESHNESS_MONTHS = 12;

/** `lastVerifiedAt` is a calendar date (YYYY-MM-DD); `now` decides what « 12 months ago » is. */
export function freshness(lastVerifiedAt: string | null, now: Date, months = FRESHNESS_MONTHS): Freshness {
	if (!lastVerifiedAt) return 'never';
	const verified = new Date(`${lastVerifiedAt.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(verified.getTime())) return 'never';
	const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
	return verified >= limit ? 'verified' : 'stale';
}
