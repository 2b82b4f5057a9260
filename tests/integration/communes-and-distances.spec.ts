import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { resolveCommuneField } from '../../src/lib/server/services/commune-field.service';
import { resolveCommuneText } from '../../src/lib/server/services/map.service';
import { nearbyResponse, routeResponse, communesResponse } from '../../src/lib/domain/api/responses';
import { UNCERTAINTY_KM } from '../../src/lib/geo/distance-precision';
import { readRow } from '../../src/lib/import/row-entity';
import { placeLookup } from '../../src/lib/server/import/places';
import type { Db } from '../../src/lib/server/db/index';

/*
 * Postcodes and honest distances through the real API handlers (/api/v1/communes, /map/nearby,
 * /pathways/route) on a database built by the real migrations, with the embedded territories and the demo.
 * Since the embedded official outlines, every commune with a 2018 outline has its own point (Saint-Geneys-
 * près-Saint-Paulien, 43187, used to sit at Le Puy-en-Velay); Celles (15031, restored in 2024, no 2018
 * outline) still sits at the seat of its intercommunality (CC Hautes Terres, Massiac's point).
 */

type Handler = (event: unknown) => Promise<Response>;
let ctx: ReturnType<typeof freshDb>;
let db: Db;
const previousUrl = process.env.DATABASE_URL;

async function get(path: string, query: string): Promise<{ status: number; body: unknown }> {
	const file = `../../src/routes/api/v1${path}/+server.ts`;
	const { GET } = (await import(/* @vite-ignore */ file)) as { GET: Handler };
	const url = new URL(`/api/v1${path}?${query}`, 'http://localhost');
	const res = await GET({ url, request: new Request(url), params: {}, getClientAddress: () => '127.0.0.1' });
	return { status: res.status, body: await res.json() };
}

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	loadTerritories(db);
	seedDemo(db);
	vi.resetModules();
	process.env.DATABASE_URL = ctx.path;
});
afterAll(() => {
	process.env.DATABASE_URL = previousUrl;
	ctx.close();
});

describe('GET /api/v1/communes: names, postcodes and INSEE codes', () => {
	it('43200 lists Yssingeaux and the nine other communes of the postcode, then Saint-Julien-Chapteuil by its INSEE code', async () => {
		const { status, body } = await get('/communes', 'q=43200');
		expect(status).toBe(200);
		const { items } = communesResponse.parse(body);
		expect(items[0]).toMatchObject({ name: 'Yssingeaux', match: 'postal_code', matchLabel: 'code postal 43200' });
		expect(items.filter((i) => i.match === 'postal_code')).toHaveLength(10);
		expect(items.at(-1)).toMatchObject({ code: '43200', name: 'Saint-Julien-Chapteuil', match: 'insee_code', matchLabel: 'code INSEE 43200' });
	});

	it('43500 finds its ten communes, beyond the default limit of ten with the INSEE homonym', async () => {
		const { items } = communesResponse.parse((await get('/communes', 'q=43500&limit=3')).body);
		expect(items.map((i) => i.name)).toContain('Craponne-sur-Arzon');
		expect(items.filter((i) => i.match === 'postal_code')).toHaveLength(10);
	});

	it('names still match by name, without a label', async () => {
		const { items } = communesResponse.parse((await get('/communes', 'q=yssingeaux')).body);
		expect(items[0]).toMatchObject({ name: 'Yssingeaux', match: 'name', matchLabel: null, postalCodes: ['43200'] });
	});

	it('resolves typed texts as the forms without JavaScript do', () => {
		expect(resolveCommuneText(db, '43200')).toMatchObject({
			resolution: { status: 'several' },
			message: '11 communes répondent au code 43200\u00a0: choisissez la vôtre dans la liste.'
		});
		expect(resolveCommuneText(db, '63000').resolution).toMatchObject({ status: 'one', commune: { code: '63113', matchLabel: 'code postal 63000' } });
		expect(resolveCommuneText(db, 'Yssingeaux').resolution).toMatchObject({ status: 'one', commune: { code: '43268' } });
		expect(resolveCommuneText(db, 'Xyzzyville')).toMatchObject({ resolution: { status: 'none' } });
	});
});

describe('the filter form’s commune field (/acteurs, /carte, /reseau)', () => {
	const field = (qs: string) => resolveCommuneField(db, new URLSearchParams(qs), '/acteurs');

	it('turns a postcode of one commune or a name into the territory filter, and says how it matched', () => {
		const byPostcode = field('kind=organisation&lieu=63000');
		expect(byPostcode.params.get('territory')).toBe('63113');
		expect(byPostcode.params.has('lieu')).toBe(false);
		expect(byPostcode.field).toMatchObject({ commune: { name: 'Clermont-Ferrand' }, matchLabel: 'code postal 63000' });
		expect(field('lieu=Yssingeaux&territory=43').params.getAll('territory')).toEqual(['43268']);
	});

	it('offers the choice for a shared postcode, each link filtering on one commune and keeping how it was found', () => {
		const { params, field: f } = field('territory=43&lieu=43200');
		// Meanwhile the département chosen in the list still filters.
		expect(params.get('territory')).toBe('43');
		expect(f?.commune).toBeNull();
		expect(f?.choices).toHaveLength(11);
		const yssingeaux = f!.choices[0]!;
		expect(yssingeaux).toMatchObject({ name: 'Yssingeaux', matchLabel: 'code postal 43200' });
		const chosen = field(new URL(yssingeaux.href, 'http://x').search.slice(1));
		expect(chosen.params.get('territory')).toBe('43268');
		expect(chosen.field).toMatchObject({ commune: { name: 'Yssingeaux' }, matchLabel: 'code postal 43200' });
		expect(f!.choices.at(-1)).toMatchObject({ name: 'Saint-Julien-Chapteuil', matchLabel: 'code INSEE 43200' });
	});

	it('names the commune of a territory already in the URL, and says when nothing matches', () => {
		expect(field('territory=15014').field).toMatchObject({ commune: { name: 'Aurillac' }, matchLabel: null });
		expect(field('territory=63').field).toBeNull();
		const none = field('lieu=Xyzzyville');
		expect(none.params.has('territory')).toBe(false);
		expect(none.field?.message).toContain('«\u00a0Xyzzyville\u00a0»');
	});
});

describe('honest distances from a commune placed at its intercommunality’s seat', () => {
	it('GET /api/v1/map/nearby: no figure finer than the points, the note said once', async () => {
		const { status, body } = await get('/map/nearby', 'commune=15031&radiusKm=30');
		expect(status).toBe(200);
		const result = nearbyResponse.parse(body);
		expect(result.commune).toMatchObject({ accuracy: 'epci_seat', uncertaintyKm: UNCERTAINTY_KM.epci_seat });
		expect(result.commune.note).toContain("chef-lieu de l'intercommunalité");
		expect(result.items.length).toBeGreaterThan(2);
		for (const item of result.items) {
			expect(item.distance.approx).toBe(true);
			expect(item.distance.uncertaintyKm).toBeGreaterThanOrEqual(UNCERTAINTY_KM.epci_seat);
			// Never a tenth of a kilometre, never a figure under the seat's uncertainty.
			expect(item.distance.text).not.toMatch(/\d,\d/);
			if (item.distance.km !== null && item.distance.kind === 'approx') expect(item.distance.km).toBeGreaterThanOrEqual(20);
		}
	});

	it('Saint-Geneys-près-Saint-Paulien has its own point now (its outline): kilometre figures, no « même intercommunalité »', async () => {
		const result = nearbyResponse.parse((await get('/map/nearby', 'commune=43187&radiusKm=30')).body);
		expect(result.commune).toMatchObject({ accuracy: 'commune', uncertaintyKm: UNCERTAINTY_KM.commune });
		expect(result.commune.note).toBe('Distances mesurées depuis le centre de Saint-Geneys-près-Saint-Paulien, à 2\u00a0km près.');
		// It used to read « dans la même intercommunalité » for the Le Puy structures, 0.2 km from the seat.
		expect(result.items.some((i) => i.distance.kind === 'same_epci')).toBe(false);
		expect(result.items[0]!.distanceKm).toBeGreaterThan(5);
		expect(result.items[0]!.distance.text).toMatch(/^≈\u00a0\d+\u00a0km$/);
	});

	it('GET /api/v1/map/nearby from a commune with its own point keeps kilometre figures, with « ≈ »', async () => {
		const result = nearbyResponse.parse((await get('/map/nearby', 'commune=15014&radiusKm=30')).body);
		expect(result.commune.accuracy).toBe('commune');
		expect(result.commune.note).toBe("Distances mesurées depuis le centre d'Aurillac, à 2\u00a0km près.");
		const figures = result.items.filter((i) => i.distance.kind === 'approx');
		expect(figures.length).toBeGreaterThan(0);
		for (const i of figures) expect(i.distance.text).toMatch(/^≈\u00a0\d+\u00a0km$/);
	});

	it('GET /api/v1/pathways/route: the score counts what was measured and says so; options in score order', async () => {
		const { status, body } = await get('/pathways/route', 'stage=creation&commune=15031');
		expect(status).toBe(200);
		const route = routeResponse.parse(body);
		expect(route.origin).toMatchObject({ name: 'Celles', accuracy: 'epci_seat' });
		expect(route.origin.note).toContain("chef-lieu de l'intercommunalité");
		const options = route.steps.flatMap((s) => s.options);
		expect(options.length).toBeGreaterThan(0);
		for (const o of options) {
			const distance = o.parts.find((p) => p.key === 'distance')!;
			// A seat is not a measured point: never the full 30 points.
			expect(distance.points).toBeLessThan(distance.max);
			expect(distance.text).not.toMatch(/\d,\d\u00a0km/);
			expect(o.why).not.toMatch(/\d,\d\u00a0km/);
		}
		for (const step of route.steps) {
			const scores = step.options.map((o) => o.score);
			expect(scores).toEqual([...scores].sort((a, b) => b - a));
		}
		const fromOwnPoint = routeResponse.parse((await get('/pathways/route', 'stage=creation&commune=43187')).body);
		expect(fromOwnPoint.origin).toMatchObject({ name: 'Saint-Geneys-près-Saint-Paulien', accuracy: 'commune' });
		expect(fromOwnPoint.origin.note).not.toContain('chef-lieu');
	});
});

describe('imports: « far from its commune » measured honestly', () => {
	const mapping = { Nom: 'name', Type: 'category', Commune: 'communeCode', Longitude: 'lon', Latitude: 'lat' } as const;
	const far = (communeCode: string, lon: string, lat: string) =>
		readRow(2, { Nom: 'Essai', Type: 'coworking', Commune: communeCode, Longitude: lon, Latitude: lat }, mapping, placeLookup(db)).problems.filter(
			(p) => p.code === 'far_from_commune'
		);

	it('a commune placed at its intercommunality’s seat is not « far » from a true point 25 km away', () => {
		// Celles sits at Massiac (3.19735, 45.25146), its intercommunality's seat: 20 km north of it is not « far ».
		expect(far('15031', '3,19735', '45,4313')).toEqual([]);
		// 50 km east: far even for a seat, and said as such.
		const [problem] = far('15031', '3,832', '45,25146');
		expect(problem?.message).toBe("point à ≈\u00a050\u00a0km du chef-lieu de l'intercommunalité de Celles : à vérifier");
		// Saint-Geneys-près-Saint-Paulien has its own centre now: 25 km from it is far.
		expect(far('43187', '3,8206', '45,1311')).toEqual([]);
		expect(far('43187', '3,83', '45,40')[0]?.message).toMatch(/^point à ≈\u00a025\u00a0km du centre de Saint-Geneys-près-Saint-Paulien/);
	});

	it('a commune with its own centre keeps the 25 km threshold', () => {
		// Aurillac's point, and a point 30 km east of it.
		expect(far('15014', '2,4397', '44,9264')).toEqual([]);
		expect(far('15014', '2,82', '44,9264')[0]?.message).toBe("point à ≈\u00a030\u00a0km du centre d'Aurillac : à vérifier");
	});
});
