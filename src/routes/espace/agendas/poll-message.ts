import type { PollOutcome } from '$lib/server/services/event-feeds.service';
import { m } from '$lib/paraglide/messages';

/** What « Relever maintenant » says, on the list and on a feed's page. */
export function pollMessage(o: PollOutcome): { ok: boolean; text: string } {
	if (o.status === 'error') return { ok: false, text: m.feeds_poll_failed({ error: o.error ?? '' }) };
	if (o.status === 'not_modified') return { ok: true, text: m.feeds_polled_not_modified() };
	const { created, updated, cancelled, unchanged } = o.counts;
	return { ok: true, text: m.feeds_polled({ created, updated, cancelled, unchanged }) };
}
