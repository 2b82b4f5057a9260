/**
 * What one poll of a partner's calendar changes in the app's events, by UID. Events are never deleted: one gone
 * from the feed, or published as cancelled, is listed in `cancelled` for the app to archive it.
 */
import { createHash } from 'node:crypto';
import type { FeedEvent } from './ics-events';

export interface StoredFeedEvent {
	uid: string;
	/** eventFingerprint() of the version last written. */
	fingerprint: string;
	cancelled: boolean;
}

export interface FeedDiff {
	/** In the feed, live, never stored. */
	created: FeedEvent[];
	/** Stored, and changed in the feed (a cancelled event published again is here too). */
	updated: FeedEvent[];
	/** UIDs stored live that are gone from the feed or now published as cancelled. */
	cancelled: string[];
	/** UIDs with nothing to write. */
	unchanged: string[];
}

export interface DiffOptions {
	/**
	 * Whether a stored event missing from the feed is cancelled (default true). Pass `readCalendar(…).complete`:
	 * after an unreadable or truncated file, missing says nothing about the partner's calendar.
	 */
	cancelMissing?: boolean;
}

/**
 * A stable hash of what the app shows of an event. SEQUENCE and DTSTAMP are left out: they change with no visible
 * change (Outlook bumps SEQUENCE on every save). Exceptions and overrides are sorted so their order in the file
 * does not count as a change.
 */
export function eventFingerprint(e: FeedEvent): string {
	const overrides = [...e.overrides]
		.sort((a, b) => (a.recurrenceId < b.recurrenceId ? -1 : a.recurrenceId > b.recurrenceId ? 1 : 0))
		.map((o) => [o.recurrenceId, o.startsAt, o.endsAt, o.cancelled, o.title]);
	const canonical = [
		'feed-event/1',
		e.uid,
		e.title,
		e.description,
		e.startsAt,
		e.endsAt,
		e.allDay,
		e.rrule,
		[...e.exdates].sort(),
		e.location,
		e.url,
		e.cancelled,
		overrides
	];
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * A cancelled event never stored is not created (nothing to show, nothing to archive); a stored event already
 * cancelled and still absent is in no list (nothing to do).
 */
export function diffFeed(stored: StoredFeedEvent[], incoming: FeedEvent[], options: DiffOptions = {}): FeedDiff {
	const cancelMissing = options.cancelMissing ?? true;
	const diff: FeedDiff = { created: [], updated: [], cancelled: [], unchanged: [] };
	const known = new Map(stored.map((s) => [s.uid, s]));
	const seen = new Set<string>();
	for (const event of incoming) {
		if (seen.has(event.uid)) continue;
		seen.add(event.uid);
		const before = known.get(event.uid);
		if (!before) {
			if (!event.cancelled) diff.created.push(event);
		} else if (event.cancelled) {
			(before.cancelled ? diff.unchanged : diff.cancelled).push(event.uid);
		} else if (before.cancelled || before.fingerprint !== eventFingerprint(event)) {
			// A cancelled event back in the feed is live again even when its fields are those stored.
			diff.updated.push(event);
		} else {
			diff.unchanged.push(event.uid);
		}
	}
	if (cancelMissing) for (const s of stored) if (!seen.has(s.uid) && !s.cancelled) diff.cancelled.push(s.uid);
	return diff;
}
