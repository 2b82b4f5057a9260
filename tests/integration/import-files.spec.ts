import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { banGeocoder } from '../../src/lib/server/geocode/ban';
import { seedDemo } from '../../src/lib/server/seed/index';
import { exportCsv, exportGeoJson, exportJsonData } from '../../src/lib/server/services/export.service';
import { commitImport, previewImport, undoImport } from '../../src/lib/server/services/import.service';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { tiersLieuxSheet, type SheetCommune } from '../../scripts/lib/tiers-lieux-sheet';
import { startFakeBan } from '../fake-ban-server';

const editor: AccountUser = { id: 3, email: 'editeur@example.org', displayName: 'Éditeur', role: 'editor' };
const utf8 = (text: string) => new TextEncoder().encode(text);
const n = (db: Db, query: string) => db.get<{ n: number }>(sql.raw(query)).n;

describe('a spreadsheet of 1,000 rows with 200 bad ones, in strict mode', () => {
	const t = freshDb();
	afterAll(() => t.close());

	it('yields exactly those 200 errors, on their rows, and writes nothing', async () => {
		loadTerritories(t.db);
		const communes = t.db.all<SheetCommune>(
			sql`select code, name, centroid_lon as lon, centroid_lat as lat from territories where kind = 'commune' and centroid_lon is not null order by code`
		);
		const sheet = tiersLieuxSheet(communes, 1000, 5);
		expect(sheet.badRows).toHaveLength(200);
		const { plan, job } = await previewImport(t.db, editor, { name: 'reseau.csv', bytes: utf8(sheet.text) }, { strict: true });
		const errors = plan.problems.filter((p) => p.severity === 'error');
		expect(errors).toHaveLength(200);
		expect(errors.map((p) => p.row)).toEqual(sheet.badRows);
		expect(new Set(errors.map((p) => p.code))).toEqual(new Set(['unknown_commune', 'bad_coordinates', 'unknown_category', 'outside_scope', 'invalid']));
		for (const p of errors) expect(p.column).toBeTruthy();
		expect(plan.counts).toMatchObject({ rows: 1000, create: 800, error: 200 });

		await expect(commitImport(t.db, editor, job.id)).rejects.toThrow(/200 lignes en erreur/);
		expect(n(t.db, 'select count(*) as n from entities')).toBe(0);
		expect(n(t.db, 'select count(*) as n from revisions')).toBe(0);
		expect(n(t.db, "select count(*) as n from import_jobs where status = 'preview'")).toBe(1);
	});
});

/** A third-place and an event carrying every practical field (issue 14), the event at that third-place. */
function addPracticalListings(db: Db) {
	const placeId = createEntity(db, {
		slug: 'atelier-aller-retour',
		kind: 'third_place',
		category: 'fablab',
		name: 'Atelier aller-retour',
		communeCode: '63113',
		lon: 3.081,
		lat: 45.779,
		coordPrecision: 'manual',
		openingHours: 'Tu-Sa 10:00-19:00; PH off',
		accessTransport: 'Tram A, arrêt Jaude',
		accessibility: 'Plain-pied ; boucle magnétique',
		equipment: 'Découpe laser\nImprimantes 3D',
		imageKey: '0123456789abcdef',
		imageAlt: 'La façade de l’atelier'
	});
	createEntity(db, {
		slug: 'soiree-aller-retour',
		kind: 'event',
		category: 'meetup',
		name: 'Soirée aller-retour',
		communeCode: '63113',
		lon: 3.081,
		lat: 45.779,
		coordPrecision: 'manual',
		startsAt: '2027-03-12T18:30',
		endsAt: '2027-03-12T21:00',
		registrationUrl: 'https://billetterie.exemple.fr/soiree',
		venueId: placeId,
		// Issue 19: every second Friday, not in May; a price, not free, on site and online.
		recurrence: 'FREQ=MONTHLY;BYDAY=2FR',
		recurrenceExceptions: ['2027-05-14', '2027-04-09'],
		price: '5 € ; gratuit pour les adhérents',
		free: false,
		attendance: 'hybrid'
	});
}
const PRACTICAL_PLACE = {
	openingHours: 'Tu-Sa 10:00-19:00; PH off',
	accessTransport: 'Tram A, arrêt Jaude',
	accessibility: 'Plain-pied ; boucle magnétique',
	equipment: 'Découpe laser\nImprimantes 3D'
};
const PRACTICAL_EVENT = {
	registrationUrl: 'https://billetterie.exemple.fr/soiree',
	startsAt: '2027-03-12T18:30',
	endsAt: '2027-03-12T21:00',
	recurrence: 'FREQ=MONTHLY;BYDAY=2FR',
	recurrenceExceptions: ['2027-04-09', '2027-05-14'],
	price: '5 € ; gratuit pour les adhérents',
	free: false,
	attendance: 'hybrid'
};
const AGENDA_FIELDS = ['recurrence', 'recurrenceExceptions', 'price', 'free', 'attendance'];

describe('export → import round trip of the JSON format', () => {
	const a = freshDb();
	const b = freshDb();
	beforeAll(() => {
		loadTerritories(a.db);
		seedDemo(a.db, {});
		addPracticalListings(a.db);
		loadTerritories(b.db);
	});
	afterAll(() => {
		a.close();
		b.close();
	});

	/** Everything public about the data, with the database's own ids replaced by slugs. */
	function comparable(db: Db) {
		const data = exportJsonData(db, new URLSearchParams());
		const slugOf = new Map(data.entities.map((e) => [e.id, e.slug]));
		return {
			// The venue by slug (ids differ between databases); the image is never imported (see below).
			entities: data.entities
				.map(({ id: _id, updatedAt: _u, image: _i, venue, ...e }) => ({ ...e, venue: venue?.slug ?? null }))
				.sort((x, y) => x.slug.localeCompare(y.slug)),
			relations: data.relations
				.map(({ id: _id, sourceId, targetId, ...r }) => ({ ...r, source: slugOf.get(sourceId), target: slugOf.get(targetId) }))
				.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
		};
	}

	it('loses nothing: the second database exports exactly what the first one did', async () => {
		const file = utf8(JSON.stringify(exportJsonData(a.db, new URLSearchParams()), null, 1));
		const { plan, job } = await previewImport(b.db, editor, { name: 'export.json', bytes: file }, {});
		expect(plan.format).toBe('json');
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		await commitImport(b.db, editor, job.id);
		const before = comparable(a.db);
		expect(before.entities.length).toBeGreaterThan(400);
		expect(before.relations.length).toBeGreaterThan(400);
		expect(comparable(b.db)).toEqual(before);
		// The practical fields came across, the event at the third-place the import created.
		const [place, event] = ['atelier-aller-retour', 'soiree-aller-retour'].map((slug) => before.entities.find((e) => e.slug === slug)!);
		expect(place).toMatchObject(PRACTICAL_PLACE);
		expect(event).toMatchObject({ ...PRACTICAL_EVENT, venue: 'atelier-aller-retour' });
		const venueId = b.db.get<{ id: number }>(sql`select id from entities where slug = 'atelier-aller-retour'`).id;
		expect(b.db.get<{ venue_id: number }>(sql`select venue_id from entities where slug = 'soiree-aller-retour'`).venue_id).toBe(venueId);
		// The logo's files stay on the first server: the export gives its address, the import does not take it.
		expect(exportJsonData(a.db, new URLSearchParams('kind=third_place')).entities.find((e) => e.slug === 'atelier-aller-retour')!.image?.alt).toBe(
			'La façade de l’atelier'
		);
		expect(b.db.get<{ image_key: string | null }>(sql`select image_key from entities where slug = 'atelier-aller-retour'`).image_key).toBeNull();
	});

	it('finds the venue already stored by its slug, and says so when the file names a venue nobody has', async () => {
		const c = freshDb();
		try {
			loadTerritories(c.db);
			const data = exportJsonData(a.db, new URLSearchParams('kind=third_place&kind=event&q=aller-retour'));
			expect(data.entities.map((e) => e.slug).sort()).toEqual(['atelier-aller-retour', 'soiree-aller-retour']);
			// First the place alone, then the event alone: the event finds the stored place by the venue's slug.
			const only = (slug: string) => utf8(JSON.stringify({ ...data, entities: data.entities.filter((e) => e.slug === slug), relations: [] }));
			const first = await previewImport(c.db, editor, { name: 'lieu.json', bytes: only('atelier-aller-retour') }, {});
			await commitImport(c.db, editor, first.job.id);
			const second = await previewImport(c.db, editor, { name: 'soiree.json', bytes: only('soiree-aller-retour') }, {});
			expect(second.plan.problems).toEqual([]);
			await commitImport(c.db, editor, second.job.id);
			const placeId = c.db.get<{ id: number }>(sql`select id from entities where slug = 'atelier-aller-retour'`).id;
			expect(c.db.get<{ venue_id: number }>(sql`select venue_id from entities where slug = 'soiree-aller-retour'`).venue_id).toBe(placeId);

			const orphan = {
				...data,
				entities: data.entities
					.filter((e) => e.slug === 'soiree-aller-retour')
					.map((e) => ({ ...e, slug: 'soiree-orpheline', name: 'Soirée orpheline', venue: { id: 99999, slug: 'lieu-inconnu', name: 'Lieu inconnu' } })),
				relations: []
			};
			const third = await previewImport(c.db, editor, { name: 'orpheline.json', bytes: utf8(JSON.stringify(orphan)) }, {});
			expect(third.plan.problems).toEqual([
				expect.objectContaining({
					severity: 'warning',
					code: 'unknown_venue',
					message: expect.stringContaining("lieu « lieu-inconnu » absent du fichier et de l'annuaire")
				})
			]);
			expect(third.plan.counts).toMatchObject({ create: 1, error: 0 });
		} finally {
			c.close();
		}
	});

	it('adds nothing when the same file comes back: every entity and relation is skipped', async () => {
		const file = utf8(JSON.stringify(exportJsonData(a.db, new URLSearchParams())));
		const { plan } = await previewImport(a.db, editor, { name: 'export.json', bytes: file }, {});
		expect(plan.counts).toMatchObject({ create: 0, update: 0, error: 0, relationsCreate: 0 });
		expect(plan.counts.skip).toBe(plan.counts.rows);
	});
});

describe('the CSV (Excel) and GeoJSON (QGIS) exports come back in', () => {
	const a = freshDb();
	beforeAll(() => {
		loadTerritories(a.db);
		seedDemo(a.db, {});
	});
	afterAll(() => a.close());

	const params = new URLSearchParams('kind=third_place&kind=organisation');
	/** The fields both files carry, by slug. */
	const fields = (db: Db) =>
		new Map(
			exportJsonData(db, params).entities.map((e) => [
				e.slug,
				{
					name: e.name,
					category: e.category,
					communeCode: e.communeCode,
					lon: e.lon,
					lat: e.lat,
					coordPrecision: e.coordPrecision,
					website: e.website,
					sectors: e.sectors.map((s) => s.code),
					foundedYear: e.foundedYear
				}
			])
		);

	for (const [format, file] of [
		['CSV', () => exportCsv(a.db, params).body],
		['GeoJSON', () => exportGeoJson(a.db, params).body]
	] as const) {
		it(`${format}: into an empty database, every listing comes back with the same fields; into the same one, nothing changes`, async () => {
			const bytes = utf8(file());
			const b = freshDb();
			try {
				loadTerritories(b.db);
				const { plan, job } = await previewImport(b.db, editor, { name: `export.${format.toLowerCase()}`, bytes }, {});
				expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
				await commitImport(b.db, editor, job.id);
				const before = fields(a.db);
				expect(before.size).toBeGreaterThan(200);
				expect(fields(b.db)).toEqual(before);
			} finally {
				b.close();
			}
			const again = await previewImport(a.db, editor, { name: 'retour', bytes }, {});
			expect(again.plan.counts).toMatchObject({ create: 0, update: 0, error: 0 });
		});
	}
});

describe('the practical fields come back from the CSV and GeoJSON exports too', () => {
	const a = freshDb();
	beforeAll(() => {
		loadTerritories(a.db);
		addPracticalListings(a.db);
	});
	afterAll(() => a.close());

	const params = new URLSearchParams('kind=third_place&kind=event');
	// A table's date-times are read to the second (« 18:30 » comes back « 18:30:00 »): the same instant.
	const minute = (t: string | null) => t?.replace(/(T\d\d:\d\d):00$/, '$1') ?? null;
	const practical = (db: Db) =>
		exportJsonData(db, params).entities.map((e) => ({
			slug: e.slug,
			registrationUrl: e.registrationUrl,
			venue: e.venue?.slug ?? null,
			startsAt: minute(e.startsAt),
			endsAt: minute(e.endsAt),
			recurrence: e.recurrence,
			recurrenceExceptions: e.recurrenceExceptions,
			price: e.price,
			free: e.free,
			attendance: e.attendance,
			openingHours: e.openingHours,
			accessTransport: e.accessTransport,
			accessibility: e.accessibility,
			equipment: e.equipment
		}));

	for (const [format, file] of [
		['CSV', () => exportCsv(a.db, params).body],
		['GeoJSON', () => exportGeoJson(a.db, params).body]
	] as const) {
		it(`${format}: registration link, venue (by slug), repeat, skipped dates, price, free, on site or online, hours and access notes, into an empty database`, async () => {
			const b = freshDb();
			try {
				loadTerritories(b.db);
				const { plan, job } = await previewImport(b.db, editor, { name: `export.${format.toLowerCase()}`, bytes: utf8(file()) }, {});
				expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
				expect(
					Object.entries(plan.mapping).filter(
						([, f]) => f && ['registrationUrl', 'venue', 'openingHours', 'accessTransport', 'accessibility', 'equipment', ...AGENDA_FIELDS].includes(f)
					).length
				).toBe(11);
				await commitImport(b.db, editor, job.id);
				const before = practical(a.db);
				expect(before).toEqual([
					expect.objectContaining({ slug: 'atelier-aller-retour', ...PRACTICAL_PLACE }),
					expect.objectContaining({ slug: 'soiree-aller-retour', ...PRACTICAL_EVENT, venue: 'atelier-aller-retour' })
				]);
				expect(practical(b.db)).toEqual(before);
			} finally {
				b.close();
			}
		});
	}

	it('an agenda typed in a spreadsheet: French words read, odd cells are warnings, the rest of the row is imported', async () => {
		const b = freshDb();
		try {
			loadTerritories(b.db);
			const csv = [
				'nom;categorie;code_insee;debut;répétition;dates sautées;tarif;gratuit;participation',
				'Café des créateurs;meetup;63113;03/12/2026 18:30;"RRULE:FREQ=MONTHLY;BYDAY=1TH";07/01/2027 | 04/02/2027;;Oui;Sur place et en ligne',
				'Atelier statuts;training;63113;10/12/2026 09:00;tous les jeudis;pas une date;20 €;peut-être;En visio',
				'Tiers-lieu du marché;coworking;63113;;;;;oui;'
			].join('\n');
			const { plan } = await previewImport(b.db, editor, { name: 'agenda.csv', bytes: utf8(csv) }, {});
			expect(plan.counts).toMatchObject({ create: 3, error: 0 });
			expect(plan.problems.map((p) => `${p.row} ${p.severity} ${p.column} ${p.message}`)).toEqual([
				'3 warning répétition répétition illisible « tous les jeudis » (une règle RRULE, ex. FREQ=MONTHLY;BYDAY=1TH), ignorée',
				'3 warning dates sautées date sautée illisible « pas une date » (ex. 07/01/2027), ignorée',
				'3 warning gratuit gratuit : « oui » ou « non » attendu, pas « peut-être » ; ignoré',
				'4 warning gratuit « gratuit » ignoré : champ réservé aux événements'
			]);
			const agenda = (i: number) => {
				const d = plan.rows[i]!.data!;
				return { recurrence: d.recurrence, recurrenceExceptions: d.recurrenceExceptions, price: d.price, free: d.free, attendance: d.attendance };
			};
			expect(agenda(0)).toEqual({
				recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
				recurrenceExceptions: ['2027-01-07', '2027-02-04'],
				price: null,
				free: true,
				attendance: 'hybrid'
			});
			expect(agenda(1)).toEqual({ recurrence: null, recurrenceExceptions: [], price: '20 €', free: null, attendance: 'online' });
			expect(agenda(2)).toMatchObject({ free: null });
		} finally {
			b.close();
		}
	});

	it('a table’s odd practical cells are warnings, the rest of the row is imported', async () => {
		const b = freshDb();
		try {
			loadTerritories(b.db);
			const csv = [
				'nom;categorie;code_insee;horaires_osm;lien_inscription;lieu;equipements',
				'Tiers-lieu aux horaires libres;coworking;63113;du lundi au vendredi;;;Imprimante',
				'Atelier du soir;meetup;63113;;pas un lien;lieu-inconnu;Vidéoprojecteur'
			].join('\n');
			const { plan } = await previewImport(b.db, editor, { name: 'pratique.csv', bytes: utf8(csv) }, {});
			expect(plan.counts).toMatchObject({ create: 2, error: 0 });
			const messages = plan.problems.map((p) => `${p.row} ${p.severity} ${p.column} ${p.message}`);
			expect(messages).toEqual([
				expect.stringMatching(/^2 warning horaires_osm horaires d'ouverture illisibles\u00a0: .*« du lundi au vendredi » ignoré$/),
				"3 warning lien_inscription lien d'inscription invalide « pas un lien » (adresse http ou https attendue), ignoré",
				'3 warning equipements équipements ignorés : champ réservé aux tiers-lieux',
				"3 warning lieu lieu « lieu-inconnu » absent du fichier et de l'annuaire : événement importé sans son lieu"
			]);
			expect(
				plan.rows.map(
					(r) => r.data && { openingHours: r.data.openingHours, equipment: r.data.equipment, registrationUrl: r.data.registrationUrl, venueId: r.data.venueId }
				)
			).toEqual([
				{ openingHours: null, equipment: 'Imprimante', registrationUrl: null, venueId: null },
				{ openingHours: null, equipment: null, registrationUrl: null, venueId: null }
			]);
		} finally {
			b.close();
		}
	});
});

describe('GeoJSON points and the geocoder', () => {
	const t = freshDb();
	let ban: Awaited<ReturnType<typeof startFakeBan>>;
	beforeAll(async () => {
		insertSmallTerritories(t.db);
		ban = await startFakeBan();
	});
	afterAll(async () => {
		await ban.close();
		t.close();
	});

	it('reads points with their properties, and refuses other geometries with their line', async () => {
		const geojson = JSON.stringify(
			{
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [3.0863, 45.7797] },
						properties: { nom: 'Le Hangar', categorie: 'Fablab', commune: 'Clermont-Ferrand' }
					},
					{
						type: 'Feature',
						geometry: {
							type: 'Polygon',
							coordinates: [
								[
									[3, 45],
									[3.1, 45],
									[3.1, 45.1],
									[3, 45]
								]
							]
						},
						properties: { nom: 'Zone' }
					},
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [2.4397, 44.9264] },
						properties: { nom: 'La Grange', categorie: 'coworking', code_insee: '15014' }
					}
				]
			},
			null,
			2
		);
		const { plan } = await previewImport(t.db, editor, { name: 'lieux.geojson', bytes: utf8(geojson) }, {});
		expect(plan.format).toBe('geojson');
		const polygon = plan.problems.find((p) => p.code === 'file')!;
		expect(polygon.message).toMatch(/Point/);
		expect(geojson.split('\n')[polygon.row - 1]).toMatch(/\{/);
		expect(plan.rows.map((r) => [r.action, r.name])).toEqual([
			['create', 'Le Hangar'],
			['create', 'La Grange']
		]);
		expect(plan.rows[0]!.data).toMatchObject({ lon: 3.0863, lat: 45.7797, coordPrecision: 'manual', communeCode: '63113', category: 'fablab' });
	});

	it('geocodes addresses with the BAN, records precision and INSEE code, falls back to the commune centre, and the commit replays the answers offline', async () => {
		const csv = [
			'nom;catégorie;adresse;commune',
			'Jaude Lab;coworking;1 Place de Jaude;Clermont-Ferrand',
			'Rue inconnue;coworking;3 impasse des Songes;Aurillac',
			'Sans commune;coworking;12 Rue de la République;'
		].join('\n');
		const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
		const { plan, job } = await previewImport(t.db, editor, { name: 'adresses.csv', bytes: utf8(csv) }, {}, { geocoder });
		expect(plan.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
		expect(plan.rows[0]!.data).toMatchObject({ communeCode: '63113', coordPrecision: 'address' });
		expect(plan.rows[1]!.data).toMatchObject({ communeCode: '15014', coordPrecision: 'commune', lon: 2.4397, lat: 44.9264 });
		expect(plan.problems.find((p) => p.row === 3)).toMatchObject({ code: 'geocode_fallback', severity: 'warning' });
		// Found from the address alone: the BAN's INSEE code gives the commune.
		expect(plan.rows[2]!.data).toMatchObject({ communeCode: '15014', coordPrecision: 'address', lon: 2.444 });
		expect(plan.counts.geocoded).toBe(2);

		const asked = ban.requests.length;
		ban.setMode('error500');
		const { changes } = await commitImport(t.db, editor, job.id);
		expect(ban.requests.length).toBe(asked);
		const stored = t.db.all<{ coord_precision: string; commune_code: string }>(sql`select coord_precision, commune_code from entities order by id`);
		expect(stored.slice(-3)).toEqual([
			{ coord_precision: 'address', commune_code: '63113' },
			{ coord_precision: 'commune', commune_code: '15014' },
			{ coord_precision: 'address', commune_code: '15014' }
		]);
		expect(changes.createdEntityIds).toHaveLength(3);
		await undoImport(t.db, editor, job.id);
	});

	it('never fails when the geocoder does: rows go to their commune centre with the reason', async () => {
		ban.setMode('error500');
		const csv = 'nom;catégorie;adresse;commune\nAtelier;fablab;1 Place de Jaude;Clermont-Ferrand\n';
		const { plan } = await previewImport(
			t.db,
			editor,
			{ name: 'hors-ligne.csv', bytes: utf8(csv) },
			{},
			{ geocoder: banGeocoder({ baseUrl: ban.url, timeoutMs: 500 }) }
		);
		expect(plan.rows[0]).toMatchObject({ action: 'create' });
		expect(plan.rows[0]!.data).toMatchObject({ coordPrecision: 'commune', lon: 3.1147 });
		expect(plan.problems[0]!.message).toMatch(/géocodage impossible \(réponse HTTP 500\).*centre de Clermont-Ferrand/);
		ban.setMode('normal');
	});
});
