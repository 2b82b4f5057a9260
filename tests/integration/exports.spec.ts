import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { entities, relations } from '../../src/lib/server/db/schema';
import { createEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { getEntityWithRelations } from '../../src/lib/server/services/entity.service';
import { agendaIcs, exportCsv, exportGeoJson, exportJson, exportJsonData } from '../../src/lib/server/services/export.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import type { Db } from '../../src/lib/server/db/index';

const SECRET_EMAIL = 'tres-prive@exemple.invalid';
const SECRET_PHONE = '06 99 99 99 99';
const FORMULA_NAME = '=HYPERLINK("http://exemple.invalid";"clic")';
const editor = { userId: null, label: 'Test exports' };

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let formulaSlug: string;
beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	loadTerritories(db);
	seedDemo(db);
	const person = db
		.select()
		.from(entities)
		.where(and(eq(entities.kind, 'person'), isNull(entities.deletedAt)))
		.limit(1)
		.get()!;
	updateEntity(
		db,
		person.id,
		{ email: SECRET_EMAIL, phone: SECRET_PHONE, contactPublic: false },
		{ actor: editor, reason: 'test', expectedVersion: person.version }
	);
	const org = db.select().from(entities).where(eq(entities.kind, 'organisation')).limit(1).get()!;
	updateEntity(db, org.id, { name: FORMULA_NAME }, { actor: editor, reason: 'test', expectedVersion: org.version });
	formulaSlug = org.slug;
});
afterAll(() => ctx.close());

const qs = (s: string) => new URLSearchParams(s);
const apiTotal = (s: string) => listEntitiesApi(db, qs(s)).total;

describe('CSV export', () => {
	it('opens in Excel: BOM, semicolons, CRLF, one row per filtered actor', () => {
		for (const filter of ['', 'kind=third_place', 'sector=health&territory=63']) {
			const { body, contentType } = exportCsv(db, qs(filter));
			expect(contentType).toBe('text/csv; charset=utf-8');
			expect(body.startsWith('\ufeff')).toBe(true);
			expect(body.includes('\r\n')).toBe(true);
			const rows: Record<string, string>[] = parseCsv(body, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' });
			expect(rows.length, filter).toBe(apiTotal(filter));
			expect(Object.keys(rows[0] ?? {})).toContain('commune_name');
		}
	});
	it('neutralises a cell that would run as a formula', () => {
		const rows: Record<string, string>[] = parseCsv(exportCsv(db, qs('kind=organisation')).body, { bom: true, delimiter: ';', columns: true });
		const row = rows.find((r) => r.slug === formulaSlug)!;
		expect(row.name).toBe(`'${FORMULA_NAME}`);
		expect(rows.every((r) => !/^[=+\-@]/.test(r.name ?? ''))).toBe(true);
	});
	it('answers a French 400 on a bad filter', () => {
		expect(() => exportCsv(db, qs('kind=martian'))).toThrow(ValidationError);
	});
});

describe('GeoJSON export', () => {
	it('places every actor as a Point in Auvergne, with its properties', () => {
		const fc = JSON.parse(exportGeoJson(db, qs('')).body);
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.length).toBeGreaterThan(400);
		expect(fc.features.length).toBeLessThanOrEqual(apiTotal(''));
		for (const f of fc.features) {
			expect(f.type).toBe('Feature');
			expect(f.geometry.type).toBe('Point');
			const [lon, lat] = f.geometry.coordinates;
			expect(lon).toBeGreaterThan(1.9);
			expect(lon).toBeLessThan(4.6);
			expect(lat).toBeGreaterThan(44.6);
			expect(lat).toBeLessThan(46.9);
			expect(typeof f.properties.name).toBe('string');
			expect(f.properties.url).toBe(`/acteurs/${f.properties.slug}`);
		}
	});
	it('adds the four départements as polygons on demand', () => {
		const fc = JSON.parse(exportGeoJson(db, qs('kind=third_place&territories=departement')).body);
		const outlines = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'territory');
		expect(outlines.map((f: { id: string }) => f.id)).toEqual(['03', '15', '43', '63']);
		for (const f of outlines) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
		const points = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind !== 'territory');
		expect(points.every((f: { properties: { kind: string } }) => f.properties.kind === 'third_place')).toBe(true);
		expect(() => exportGeoJson(db, qs('territories=pays'))).toThrow(ValidationError);
	});
});

describe('JSON export', () => {
	it('holds the filtered entities and the relations among them, with a versioned header', () => {
		for (const filter of ['', 'territory=63', 'kind=organisation&kind=third_place']) {
			const data = JSON.parse(exportJson(db, qs(filter)).body);
			expect(data.format).toBe('connecteur-carto');
			expect(data.version).toBe(1);
			expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
			expect(data.entities.length, filter).toBe(apiTotal(filter));
			const ids: number[] = data.entities.map((e: { id: number }) => e.id);
			const idSet = JSON.stringify(ids);
			const expected = db
				.select({ n: sql<number>`count(*)` })
				.from(relations)
				.where(
					and(
						isNull(relations.deletedAt),
						sql`${relations.sourceId} in (select value from json_each(${idSet}))`,
						sql`${relations.targetId} in (select value from json_each(${idSet}))`
					)
				)
				.get()!.n;
			expect(data.relations.length, filter).toBe(expected);
			for (const r of data.relations) expect(r).toHaveProperty('confirmation');
		}
	});
	it('carries exactly the public fields the API serves', () => {
		const data = exportJsonData(db, qs('territory=15'));
		expect(data.entities.length).toBeGreaterThan(0);
		for (const e of data.entities.slice(0, 40)) {
			const { relations: _relations, ...api } = getEntityWithRelations(db, e.slug);
			const { communeName: _c, departementCode: _d, departementName: _n, url: _u, ...exported } = JSON.parse(JSON.stringify(e));
			expect(exported).toEqual(JSON.parse(JSON.stringify(api)));
		}
	});
});

describe('iCalendar agenda', () => {
	const paris = (d: Date) =>
		new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Paris',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		})
			.format(d)
			.replace(' ', 'T');

	it('lists every demo event in Paris time (TZID Europe/Paris and its VTIMEZONE), escaped text and folded lines', () => {
		const { body, contentType } = agendaIcs(db, qs(''), 'https://carto.example');
		expect(contentType).toBe('text/calendar; charset=utf-8');
		const lines = body.split('\r\n');
		expect(lines.at(-1)).toBe('');
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(body.replace(/\r\n/g, '')).not.toMatch(/\n/);

		const events = db
			.select()
			.from(entities)
			.where(and(eq(entities.kind, 'event'), isNull(entities.deletedAt), eq(entities.status, 'published')))
			.all();
		expect(events.length).toBeGreaterThan(0);
		const vevents = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
		expect(vevents.length).toBe(events.length);
		const byUid = new Map(vevents.map((v) => [v.uid, v]));
		for (const e of events) {
			const v = byUid.get(`${e.slug}@connecteur-carto`)!;
			expect(v, e.slug).toBeDefined();
			expect(v.summary).toBe(e.name);
			// Paris wall time with the calendar's own VTIMEZONE (a repeat keeps its hour across a change of clocks).
			expect(v.startDate.zone.tzid).toBe('Europe/Paris');
			expect(paris(v.startDate.toJSDate())).toBe(e.startsAt!.slice(0, 19));
			expect(paris(v.endDate.toJSDate())).toBe(e.endsAt!.slice(0, 19));
			expect(v.location.length).toBeGreaterThan(0);
			expect(v.description.length).toBeGreaterThan(0);
			expect(v.component.getFirstPropertyValue('url')).toBe(`https://carto.example/acteurs/${e.slug}`);
		}
	});
	it('escapes backslashes, semicolons, commas and newlines', () => {
		const ev = db.select().from(entities).where(eq(entities.kind, 'event')).limit(1).get()!;
		const name = 'Atelier ; tiers-lieux, numérique \\ et « café »';
		updateEntity(db, ev.id, { name }, { actor: editor, reason: 'test', expectedVersion: ev.version });
		const body = agendaIcs(db, qs('')).body;
		expect(body).toContain('Atelier \\; tiers-lieux\\, numérique \\\\ et');
		const v = new ICAL.Component(ICAL.parse(body))
			.getAllSubcomponents('vevent')
			.map((c) => new ICAL.Event(c))
			.find((e) => e.uid === `${ev.slug}@connecteur-carto`)!;
		expect(v.summary).toBe(name);
	});
});

describe('privacy', () => {
	it('never exports a private email or phone', () => {
		for (const filter of ['', 'kind=person']) {
			for (const file of [exportCsv(db, qs(filter)), exportGeoJson(db, qs(filter)), exportJson(db, qs(filter)), agendaIcs(db, qs(filter))]) {
				expect(file.body).not.toContain(SECRET_EMAIL);
				expect(file.body).not.toContain(SECRET_PHONE);
			}
		}
		const persons = exportJsonData(db, qs('kind=person')).entities;
		expect(persons.length).toBeGreaterThan(0);
	});
});

describe('the practical fields of a listing (issue 14): registration link, venue, image, hours, access', () => {
	const KEY = '0123456789abcdef';
	let place: { id: number; slug: string; name: string };
	let event: { slug: string };
	let lostEvent: { slug: string };
	beforeAll(() => {
		const placeId = createEntity(db, {
			slug: 'atelier-pratique-test',
			kind: 'third_place',
			category: 'fablab',
			name: 'Atelier pratique (test)',
			communeCode: '63113',
			lon: 3.08,
			lat: 45.78,
			coordPrecision: 'manual',
			openingHours: 'Tu-Sa 10:00-19:00; PH off',
			accessTransport: 'Tram A, arrêt Jaude',
			accessibility: 'Plain-pied, boucle magnétique',
			equipment: 'Découpe laser\nImprimantes 3D',
			imageKey: KEY,
			imageAlt: 'La façade vitrée de l’atelier'
		});
		const draftId = createEntity(db, {
			slug: 'lieu-brouillon-test',
			kind: 'third_place',
			category: 'coworking',
			name: 'Lieu en brouillon',
			communeCode: '63113',
			status: 'draft'
		});
		createEntity(db, {
			slug: 'soiree-pratique-test',
			kind: 'event',
			category: 'meetup',
			name: 'Soirée pratique (test)',
			communeCode: '63113',
			lon: 3.08,
			lat: 45.78,
			coordPrecision: 'manual',
			startsAt: '2027-03-12T18:30',
			registrationUrl: 'https://billetterie.exemple.fr/soiree',
			venueId: placeId
		});
		createEntity(db, {
			slug: 'soiree-sans-lieu-public-test',
			kind: 'event',
			category: 'meetup',
			name: 'Soirée au lieu en brouillon (test)',
			communeCode: '63113',
			startsAt: '2027-03-13T18:30',
			venueId: draftId
		});
		place = { id: placeId, slug: 'atelier-pratique-test', name: 'Atelier pratique (test)' };
		event = { slug: 'soiree-pratique-test' };
		lostEvent = { slug: 'soiree-sans-lieu-public-test' };
	});

	it('the API gives them, the image as its sizes’ absolute paths with its alt text, the venue by id, slug and name', () => {
		const p = getEntityWithRelations(db, place.slug);
		expect(p).toMatchObject({
			openingHours: 'Tu-Sa 10:00-19:00; PH off',
			accessTransport: 'Tram A, arrêt Jaude',
			accessibility: 'Plain-pied, boucle magnétique',
			equipment: 'Découpe laser\nImprimantes 3D',
			registrationUrl: null,
			venue: null
		});
		expect(p.image).toEqual({
			alt: 'La façade vitrée de l’atelier',
			url: `/images/${KEY}/480`,
			sizes: [160, 480, 960].map((width) => ({ width, url: `/images/${KEY}/${width}` }))
		});
		const e = getEntityWithRelations(db, event.slug);
		expect(e).toMatchObject({ registrationUrl: 'https://billetterie.exemple.fr/soiree', venue: place, image: null, openingHours: null });
		// A venue that is not published is not named (nor its id given).
		expect(getEntityWithRelations(db, lostEvent.slug).venue).toBeNull();
	});

	it('the JSON export carries them as the API does', () => {
		const all = exportJsonData(db, qs('kind=event&kind=third_place')).entities;
		for (const slug of [place.slug, event.slug, lostEvent.slug]) {
			const exported = all.find((e) => e.slug === slug)!;
			const { relations: _r, ...api } = getEntityWithRelations(db, slug);
			expect(exported).toMatchObject(JSON.parse(JSON.stringify(api)));
		}
	});

	it('the CSV has them under French headers, the venue by its slug and the image by its path', () => {
		const rows: Record<string, string>[] = parseCsv(exportCsv(db, qs('kind=event&kind=third_place')).body, { bom: true, delimiter: ';', columns: true });
		expect(rows.find((r) => r.slug === place.slug)).toMatchObject({
			horaires_osm: 'Tu-Sa 10:00-19:00; PH off',
			acces_transports: 'Tram A, arrêt Jaude',
			accessibilite: 'Plain-pied, boucle magnétique',
			equipements: 'Découpe laser\nImprimantes 3D',
			image: `/images/${KEY}/480`,
			image_alt: 'La façade vitrée de l’atelier',
			lieu: '',
			lien_inscription: ''
		});
		expect(rows.find((r) => r.slug === event.slug)).toMatchObject({
			lien_inscription: 'https://billetterie.exemple.fr/soiree',
			lieu: place.slug,
			debut: '2027-03-12T18:30',
			image: ''
		});
		expect(rows.find((r) => r.slug === lostEvent.slug)?.lieu).toBe('');
	});

	it('the GeoJSON has them among each point’s properties', () => {
		const fc = JSON.parse(exportGeoJson(db, qs('kind=event&kind=third_place')).body);
		const props = (slug: string) => fc.features.find((f: { id: string }) => f.id === slug).properties;
		expect(props(place.slug)).toMatchObject({
			openingHours: 'Tu-Sa 10:00-19:00; PH off',
			equipment: 'Découpe laser\nImprimantes 3D',
			imageUrl: `/images/${KEY}/480`,
			imageAlt: 'La façade vitrée de l’atelier',
			venueSlug: null
		});
		expect(props(event.slug)).toMatchObject({ registrationUrl: 'https://billetterie.exemple.fr/soiree', venueSlug: place.slug, startsAt: '2027-03-12T18:30' });
	});
});
