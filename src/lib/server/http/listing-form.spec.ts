import { describe, expect, it } from 'vitest';
import { inFieldOrder, readListingForm } from './listing-form';
import { PARTNER_FIELDS_BY_KIND } from '../services/contribution.service';
import { ValidationError } from '../services/errors';

const formOf = (pairs: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of pairs) f.append(k, v);
	return f;
};

describe('readListingForm', () => {
	const place = {
		id: 3,
		kind: 'third_place',
		name: 'Fablab',
		summary: 'Un lieu',
		description: 'Ligne 1\nLigne 2',
		stages: ['creation', 'emergence'],
		offers: [],
		sectors: [],
		openingHours: null
	};
	const editable = PARTNER_FIELDS_BY_KIND.third_place;

	it('reads a third-place: lists keep their stored order, textareas their LF, empty texts become null', () => {
		const read = readListingForm(
			formOf([
				['name', ' Fablab '],
				['summary', 'Un lieu'],
				['description', 'Ligne 1\r\nLigne 2'],
				['stages', ''],
				['stages', 'emergence'],
				['stages', 'creation'],
				['stages', 'development'],
				['offers', ''],
				['sectors', ''],
				['openingHours', ' Mo-Fr 09:00-18:00 '],
				['accessTransport', '  Bus 12  \r\n'],
				['equipment', ''],
				['website', ''],
				['foundedYear', '2016'],
				['contactPublic', '0']
			]),
			place,
			editable
		);
		expect(read.patch).toEqual({
			name: 'Fablab',
			summary: 'Un lieu',
			description: 'Ligne 1\nLigne 2',
			website: null,
			openingHours: 'Mo-Fr 09:00-18:00',
			stages: ['creation', 'emergence', 'development'],
			offers: [],
			sectors: [],
			accessTransport: 'Bus 12',
			equipment: null,
			foundedYear: 2016,
			contactPublic: false
		});
		expect(read).toMatchObject({ commune: null, pin: null, venue: 'keep' });
	});

	it('leaves out the fields the account may not edit, whatever the form sent', () => {
		const read = readListingForm(
			formOf([
				['status', 'archived'],
				['slug', 'autre'],
				['lastVerifiedAt', '2026-01-01'],
				['startsAt', '2027-01-01T10:00'],
				['summary', 'x']
			]),
			place,
			editable
		);
		expect(read.patch).toEqual({ summary: 'x' });
	});

	it('reads an event date typed in Paris time and keeps the stored seconds when untouched', () => {
		const event = { kind: 'event', startsAt: '2027-03-18T18:00:00', endsAt: '2027-03-18T21:30:00' };
		const read = readListingForm(
			formOf([
				['startsAt', '2027-03-18T18:30'],
				['endsAt', '2027-03-18T21:30']
			]),
			event,
			PARTNER_FIELDS_BY_KIND.event
		);
		expect(read.patch).toEqual({ startsAt: '2027-03-18T18:30:00', endsAt: '2027-03-18T21:30:00' });
		// An instant stored with its offset is shown (and compared) in Paris time: 17:30Z is 18:30 in Paris in March.
		const instant = { kind: 'event', startsAt: '2027-03-18T17:30:00Z' };
		expect(readListingForm(formOf([['startsAt', '2027-03-18T18:30']]), instant, PARTNER_FIELDS_BY_KIND.event).patch.startsAt).toBe('2027-03-18T17:30:00Z');
	});

	it('takes the pin only when it was dragged, and the commune as typed and chosen', () => {
		const moved = readListingForm(
			formOf([
				['pinMoved', '1'],
				['lon', '3.0861'],
				['lat', '45.7797'],
				['communeText', 'Clermont-Ferrand'],
				['communeCode', '63113']
			]),
			place,
			editable
		);
		expect(moved.pin).toEqual({ lon: 3.0861, lat: 45.7797 });
		expect(moved.commune).toEqual({ text: 'Clermont-Ferrand', code: '63113' });
		expect(
			readListingForm(
				formOf([
					['pinMoved', ''],
					['lon', '3'],
					['lat', '45']
				]),
				place,
				editable
			).pin
		).toBeNull();
	});

	it('says what is wrong with a number in French', () => {
		expect(() => readListingForm(formOf([['foundedYear', 'deux mille']]), place, editable)).toThrow(ValidationError);
		expect(() => readListingForm(formOf([['foundedYear', '2016.5']]), place, editable)).toThrow(/année entière/);
	});

	it('reads the venue: kept, cleared, or picked', () => {
		const ev = PARTNER_FIELDS_BY_KIND.event;
		expect(readListingForm(formOf([['venueIdQuery', '']]), {}, ev).venue).toBe('keep');
		expect(readListingForm(formOf([['venueIdQuery', 'fablab']]), {}, ev).venue).toBe('pick');
		expect(
			readListingForm(
				formOf([
					['venueId', '12'],
					['venueClear', '1']
				]),
				{},
				ev
			).venue
		).toBe('clear');
		expect(readListingForm(formOf([['venueId', '12']]), {}, editable).venue).toBe('keep');
	});

	it('orders a patch as the history shows fields, whatever order the form read them in', () => {
		expect(Object.keys(inFieldOrder({ website: null, summary: 'x', name: 'N', openingHours: null, lon: 1 }))).toEqual([
			'name',
			'summary',
			'website',
			'lon',
			'openingHours'
		]);
	});
});

describe('readListingForm: an event that comes back', () => {
	const event = { id: 9, kind: 'event', name: 'Apéro', startsAt: '2027-01-07T18:30:00', recurrence: null, recurrenceExceptions: [] as string[] };
	const editable = PARTNER_FIELDS_BY_KIND.event;
	const read = (pairs: [string, string][], shown: Record<string, unknown> = event) => readListingForm(formOf(pairs), shown, editable).patch;

	it('writes the rule from the first day, until a day, and reads the skipped days typed the French way', () => {
		expect(
			read([
				['repeat', 'monthly_nth'],
				['repeatUntil', '2027-06-30'],
				['recurrenceExceptions', '04/02/2027, 2027-04-01 ; 4/2/2027'],
				['attendance', 'hybrid'],
				['free', 'no'],
				['price', ' Prix libre ']
			])
		).toMatchObject({
			recurrence: 'FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270630T235959',
			recurrenceExceptions: ['2027-02-04', '2027-04-01'],
			attendance: 'hybrid',
			free: false,
			price: 'Prix libre'
		});
	});

	it('leaves an untouched rule as stored, keeps a rule the patterns cannot say, and « une seule fois » clears it', () => {
		const stored = { ...event, recurrence: 'FREQ=MONTHLY;BYDAY=1TH', recurrenceExceptions: ['2027-02-04'] };
		expect(
			read(
				[
					['repeat', 'monthly_nth'],
					['recurrenceExceptions', '04/02/2027']
				],
				stored
			)
		).toMatchObject({
			recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
			recurrenceExceptions: stored.recurrenceExceptions
		});
		const fed = { ...event, recurrence: 'FREQ=MONTHLY;BYDAY=1TH,3TH' };
		expect(read([['repeat', 'keep']], fed).recurrence).toBe('FREQ=MONTHLY;BYDAY=1TH,3TH');
		expect(read([['repeat', '']], stored).recurrence).toBeNull();
	});

	it('refuses a skipped day that is not a date and a repeat without a start, in French, naming them', () => {
		const problems = (pairs: [string, string][], shown: Record<string, unknown> = event) => {
			try {
				read(pairs, shown);
				return [];
			} catch (e) {
				return (e as ValidationError).issues;
			}
		};
		expect(
			problems([
				['repeat', 'weekly'],
				['recurrenceExceptions', 'le 7 janvier']
			])
		).toEqual([
			'Dates sautées\u00a0: «\u00a0le\u00a0» n’est pas une date (JJ/MM/AAAA)',
			'Dates sautées\u00a0: «\u00a07\u00a0» n’est pas une date (JJ/MM/AAAA)',
			'Dates sautées\u00a0: «\u00a0janvier\u00a0» n’est pas une date (JJ/MM/AAAA)'
		]);
		expect(problems([['repeat', 'weekly']], { ...event, startsAt: null })).toEqual(['une répétition demande une date de début']);
		expect(problems([['repeat', 'hourly']])).toEqual(['règle de répétition illisible (exemple\u00a0: FREQ=MONTHLY;BYDAY=1TH)']);
	});
});
