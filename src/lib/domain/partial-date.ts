/** Partial dates ('2019', '2019-03', '2019-03-14') as relations carry them. */
export const PARTIAL_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
	return PARTIAL_DATE_RE.test(value);
}

/** Sort key: a partial date sorts at the start of its period ('2019' before '2019-03'). */
export function partialDateKey(value: string | null | undefined): string {
	return value ?? '';
}

const MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

/** '2019' -> '2019', '2019-03' -> 'mars 2019', '2019-03-14' -> '14 mars 2019'. */
export function formatPartialDate(value: string | null | undefined): string {
	if (!value) return '';
	const [y, m, d] = value.split('-');
	if (!m) return y ?? value;
	const month = MONTHS[Number(m) - 1] ?? m;
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
	if (start && end) return `de ${formatPartialDate(start)} à ${formatPartialDate(end)}`;
	if (start) return `depuis ${formatPartialDate(start)}`;
	if (end) return `jusqu'à ${formatPartialDate(end)}`;
	return 'date inconnue';
}
