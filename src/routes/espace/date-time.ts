import { formatDay } from '$lib/domain/english';
import { wallClock } from '$lib/domain/french/dates';
import { formatDateTime } from '$lib/history/format';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * When a proposal was sent or reviewed, a comment written: « 1er décembre 2026 à 14 h 05 » on French pages,
 * « 1 December 2026 at 14:05 » under /en (Paris wall time in both, as the history pages read it).
 */
export function dateTime(iso: string): string {
	if (getLocale() !== 'en') return formatDateTime(iso);
	if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
	const w = wallClock(iso);
	const day = formatDay(w.date);
	return w.hour === null ? day : `${day} at ${String(w.hour).padStart(2, '0')}:${String(w.minute ?? 0).padStart(2, '0')}`;
}
