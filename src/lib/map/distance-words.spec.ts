import { afterEach, describe, expect, it } from 'vitest';
import { resolutionMessage } from '$lib/geo/commune-match';
import { originNote, pointNote, showDistance, type DistanceEnd } from '$lib/geo/distance-precision';
import { baseLocale, getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { distanceText, originNoteText, pointNoteText } from './distance-words';

const readLocale = getLocale;
const inEnglish = () => overwriteGetLocale(() => 'en');
afterEach(() => overwriteGetLocale(readLocale));

const exact: DistanceEnd = { accuracy: 'exact', communeCode: '15014', epciCode: '241500230' };
const seat: DistanceEnd = { accuracy: 'epci_seat', communeCode: '15020', epciCode: '241500230' };
const centre: DistanceEnd = { accuracy: 'commune', communeCode: '15014', epciCode: '241500230' };
const distances = [
	showDistance(3.42, exact, { ...exact, communeCode: '15020' }),
	showDistance(27.6, exact, seat),
	showDistance(4, exact, seat),
	showDistance(1, centre, { ...centre }),
	showDistance(12, seat, { ...seat, communeCode: '15030' }),
	showDistance(31, centre, { accuracy: 'departement' })
];

describe('distance words', () => {
	it('say on a French page exactly what the API says', () => {
		expect(getLocale()).toBe(baseLocale);
		expect(new Set(distances.map((d) => d.kind)).size).toBe(5);
		for (const d of distances) {
			expect(distanceText(d)).toBe(d.text);
			expect(pointNoteText(d.note)).toBe(d.note);
		}
		const origin = { name: 'Aurillac', accuracy: 'epci_seat' as const, seatName: 'Aurillac' };
		expect(originNoteText({ ...origin, note: originNote(origin) })).toBe(originNote(origin));
	});

	it('are said again in English from the codes', () => {
		inEnglish();
		expect(distances.map(distanceText)).toEqual([
			'3.4\u00a0km',
			'≈ 30\u00a0km',
			'in the same intercommunality',
			'in the same municipality',
			'in the same intercommunality',
			'less than 80\u00a0km'
		]);
		expect(pointNoteText(pointNote('epci_seat'))).toBe('approximate position: seat of its intercommunality');
		const note = originNote({ name: 'Le Puy-en-Velay', accuracy: 'commune' });
		expect(originNoteText({ name: 'Le Puy-en-Velay', accuracy: 'commune', note })).toBe(
			'Distances measured from the centre of Le Puy-en-Velay, to within 2\u00a0km.'
		);
	});
});

describe('commune search answers (one rule for the map, the finder and the forms)', () => {
	it('in French, with French spacing', () => {
		expect(resolutionMessage('', { status: 'empty' })).toBe('Tapez le nom ou le code postal d’une commune.');
		expect(resolutionMessage('43200', { status: 'several', choices: [1, 2, 3] })).toBe(
			'3 communes répondent au code 43200\u00a0: choisissez la vôtre dans la liste.'
		);
		expect(resolutionMessage('Aurillac', { status: 'one', commune: 1 })).toBeNull();
	});

	it('in English under /en', () => {
		inEnglish();
		expect(resolutionMessage('43200', { status: 'several', choices: [1, 2, 3] })).toBe('3 municipalities have the code 43200: choose yours in the list.');
		expect(resolutionMessage('Aurilac', { status: 'none' })).toBe(
			'No municipality of the area covered is called “Aurilac”: check the spelling, or type its postcode.'
		);
	});
});
