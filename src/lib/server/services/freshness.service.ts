import { freshness, type Freshness } from '$lib/domain/freshness';
import { freshnessSettings } from '../config';

/** A listing's freshness under the configured period (CARTO_FRESHNESS_MONTHS), for its page and the partner's space. */
export function listingFreshness(lastVerifiedAt: string | null, now = new Date()): { freshness: Freshness; months: number } {
	const { months } = freshnessSettings();
	return { freshness: freshness(lastVerifiedAt, now, months), months };
}
