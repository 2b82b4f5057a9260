/**
 * English sentences about an actor: a lead for a listing without summary (« Startup founded in 2016 in Riom »,
 * « Entrepreneur in Aurillac ») and a pathway's span (« 7 steps, from 2023 to 2026, 1 of them undated. »).
 */
import { vocabularyIn } from '$lib/domain/vocabulary';
import { spanDates } from './dates';

export interface LeadFacts {
	kind: string;
	category: string;
	foundedYear?: number | null;
	communeName?: string | null;
}

export function actorLead(a: LeadFacts): string {
	const parts = [vocabularyIn('en').category(a.category)];
	if (a.foundedYear && a.kind !== 'person' && a.kind !== 'event') parts.push(`founded in ${a.foundedYear}`);
	if (a.communeName) parts.push(`in ${a.communeName}`);
	return parts.join(' ');
}

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en-GB');
/** « 1 step », « 3 steps », « 1,234 steps ». */
export const countOf = (n: number, singular: string, many = `${singular}s`): string => `${number.format(n)} ${plural.select(n) === 'one' ? singular : many}`;

/** A pathway's span, read before its steps: « 7 steps, from 2023 to 2026, 1 of them undated. ». */
export function pathwaySummary(steps: { start: string | null; end: string | null; dateKnown: boolean }[]): string {
	const n = steps.length;
	const undated = steps.filter((s) => !s.dateKnown).length;
	const years = steps.flatMap((s) => [s.start, s.end]).flatMap((d) => (d ? [Number(d.slice(0, 4))] : []));
	let text = countOf(n, 'step');
	if (years.length) text += `, ${spanDates(String(Math.min(...years)), String(Math.max(...years)))}`;
	if (undated) text += undated === n ? (n === 1 ? ', date unknown' : ', none of them dated') : `, ${number.format(undated)} of them undated`;
	return `${text}.`;
}
