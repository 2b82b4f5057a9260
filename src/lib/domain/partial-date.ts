/** Partial dates ('2019', '2019-03', '2019-03-14') as relations carry them. */
import { relationDates } from './french/relations';

export const PARTIAL_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
	return PARTIAL_DATE_RE.test(value);
}

/** Sort key: a partial date sorts at the start of its period ('2019' before '2019-03'). */
export function partialDateKey(value: string | null | undefined): string {
	return value ?? '';
}

/** Dates in words live in the French-phrasing module; these names stay for the pages that import them. */
export { formatPartialDate } from './french/dates';

/**
 * A relation's dates in words, as a list shows them next to a name. Give the relation type: a founding
 * or an event is a moment (« en 2016 », « le 18 mars 2027 »), the others last (« depuis 2021 »).
 */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined, type = '', today?: string): string {
	return relationDates({ type, startDate: start ?? null, endDate: end ?? null }, today);
}
