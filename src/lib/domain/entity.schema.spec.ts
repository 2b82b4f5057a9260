import { describe, expect, it } from 'vitest';
import { entityInputSchema, formatIssues } from './entity.schema';

const base = { slug: 'x', name: 'X', summary: '', description: '' };
const event = { ...base, kind: 'event', category: 'meetup' };
const place = { ...base, kind: 'third_place', category: 'coworking' };
const org = { ...base, kind: 'organisation', category: 'incubator' };
const person = { ...base, kind: 'person', category: 'mentor' };
const problems = (input: object) => {
	const r = entityInputSchema.safeParse(input);
	return r.success ? [] : formatIssues(r.error);
};

describe('entityInputSchema: the fields of issue 14', () => {
	it('takes an event with its registration link, venue and Paris date-times', () => {
		const r = entityInputSchema.parse({
			...event,
			registrationUrl: 'https://billetterie.example.org/x',
			venueId: 12,
			startsAt: '2027-03-18T18:30',
			endsAt: '2027-03-18T21:00'
		});
		expect(r).toMatchObject({ registrationUrl: 'https://billetterie.example.org/x', venueId: 12, startsAt: '2027-03-18T18:30' });
	});
	it('refuses a registration link that is not http(s), and a venue id that is not an id', () => {
		expect(problems({ ...event, registrationUrl: 'javascript:alert(1)' })).toEqual(["registrationUrl\u00a0: lien d'inscription invalide (http ou https)"]);
		expect(problems({ ...event, venueId: -3 })).toEqual(['venueId\u00a0: lieu invalide']);
	});
	it('keeps event fields to events, hours and access to third-places, stages and offers to structures', () => {
		expect(problems({ ...org, startsAt: '2027-03-18T18:30', registrationUrl: 'https://a.fr', venueId: 3 })).toEqual([
			'registrationUrl\u00a0: réservé aux événements',
			'venueId\u00a0: réservé aux événements',
			'startsAt\u00a0: réservé aux événements'
		]);
		expect(problems({ ...event, openingHours: 'Mo 09:00-12:00', equipment: 'imprimante 3D' })).toEqual([
			'openingHours\u00a0: réservé aux tiers-lieux',
			'equipment\u00a0: réservé aux tiers-lieux'
		]);
		expect(problems({ ...person, stages: ['creation'], offers: ['mentoring'] })).toEqual([
			'stages\u00a0: réservé aux structures, tiers-lieux et événements',
			'offers\u00a0: réservé aux organisations et aux tiers-lieux'
		]);
		expect(problems({ ...org, stages: ['creation'], offers: ['mentoring'] })).toEqual([]);
		// An event says which stages of project it suits (issue 19), it offers nothing.
		expect(problems({ ...event, stages: ['creation'], offers: ['mentoring'] })).toEqual(['offers\u00a0: réservé aux organisations et aux tiers-lieux']);
		expect(problems({ ...org, recurrence: 'FREQ=WEEKLY', price: '5 €', free: false, attendance: 'online' })).toEqual([
			'recurrence\u00a0: réservé aux événements',
			'price\u00a0: réservé aux événements',
			'free\u00a0: réservé aux événements',
			'attendance\u00a0: réservé aux événements'
		]);
		// Empty values are no claim: an importer's blank column never refuses a row.
		expect(problems({ ...person, stages: [], openingHours: '', registrationUrl: null })).toEqual([]);
	});
	it('reads a recurring event: the rule in capitals without « RRULE: », exception days sorted once, a rule needs a start', () => {
		const apero = { ...event, startsAt: '2027-01-07T18:30' };
		const r = entityInputSchema.parse({
			...apero,
			recurrence: 'RRULE:freq=monthly;byday=1th',
			recurrenceExceptions: ['2027-04-01', '2027-02-04', '2027-04-01']
		});
		expect(r).toMatchObject({ recurrence: 'FREQ=MONTHLY;BYDAY=1TH', recurrenceExceptions: ['2027-02-04', '2027-04-01'] });
		expect(problems({ ...apero, recurrence: 'tous les jeudis' })).toEqual([
			'recurrence\u00a0: règle de répétition illisible (exemple\u00a0: FREQ=MONTHLY;BYDAY=1TH)'
		]);
		expect(problems({ ...apero, recurrenceExceptions: ['04/02/2027'] })).toEqual([
			'recurrenceExceptions.0\u00a0: une date d’exception AAAA-MM-JJ est attendue'
		]);
		expect(problems({ ...event, startsAt: null, recurrence: 'FREQ=WEEKLY' })).toEqual(['recurrence\u00a0: une répétition demande une date de début']);
		expect(problems({ ...event, attendance: 'ailleurs' })).toEqual(['attendance\u00a0: sur place, en ligne ou les deux']);
	});
	it('reads opening hours with the OSM parser and says what is wrong in French', () => {
		expect(problems({ ...place, openingHours: 'Mo-Fr 09:00-18:00; PH off', accessTransport: '  Tram A, arrêt Jaude  ' })).toEqual([]);
		expect(entityInputSchema.parse({ ...place, accessTransport: '  Tram A  ' }).accessTransport).toBe('Tram A');
		const [problem] = problems({ ...place, openingHours: 'du lundi au vendredi' });
		expect(problem).toMatch(/^openingHours\u00a0: horaires d'ouverture illisibles\u00a0: /);
	});
	it('bounds the access texts', () => {
		expect(problems({ ...place, accessibility: 'x'.repeat(1001) })).toEqual(['accessibility\u00a0: 1000 caractères au maximum']);
	});
});
