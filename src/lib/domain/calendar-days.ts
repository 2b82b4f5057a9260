/** Days as ISO text (« 2027-03-18 »), counted in the calendar, not in hours: a change of clocks moves nothing. */
const asDate = (day: string) => new Date(`${day}T12:00:00Z`);
const asDay = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
	const d = asDate(day);
	d.setUTCDate(d.getUTCDate() + n);
	return asDay(d);
}

/** The Monday of the day's week (French weeks start on Monday). */
export function mondayOf(day: string): string {
	const weekday = asDate(day).getUTCDay();
	return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}
