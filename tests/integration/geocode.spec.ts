import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { geocoderSettings } from '../../src/lib/server/config';
import { banGeocoder, disabledGeocoder, geocodeKey, geocodeMany, geocoderFromEnv, type GeocodeOutcome, type Geocoder } from '../../src/lib/server/geocode';
import { startFakeBan, type FakeBan } from '../fake-ban-server';

const AURILLAC = { address: '12 Rue de la République', citycode: '15014' };

function jsonFetch(body: unknown, status = 200): typeof fetch {
	return async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function featureCollection(properties: Record<string, unknown>, coordinates: unknown = [2.44, 44.92]) {
	return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates }, properties }] };
}

describe('banGeocoder against the fake BAN', () => {
	let ban: FakeBan;
	beforeAll(async () => {
		ban = await startFakeBan({ slowMs: 3000 });
	});
	afterAll(async () => {
		await ban.close();
	});
	beforeEach(() => {
		ban.setMode('normal');
		ban.requests.length = 0;
	});

	it('finds a house number, precision address, with the citycode recorded', async () => {
		const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
		expect(geocoder.enabled).toBe(true);
		const outcome = await geocoder.geocode(AURILLAC);
		expect(outcome).toEqual({
			status: 'found',
			hit: {
				lon: 2.444,
				lat: 44.9264,
				precision: 'address',
				banType: 'housenumber',
				score: 0.92,
				citycode: '15014',
				label: '12 Rue de la République 15000 Aurillac'
			}
		});
		expect(ban.requests).toHaveLength(1);
		const asked = ban.requests[0]!;
		expect(asked.pathname).toBe('/search/');
		expect(asked.searchParams.get('q')).toBe('12 Rue de la République');
		expect(asked.searchParams.get('limit')).toBe('1');
		expect(asked.searchParams.get('citycode')).toBe('15014');
		expect(asked.searchParams.has('postcode')).toBe(false);
	});

	it('sends the postcode only when no citycode is given; a street is precision address', async () => {
		const geocoder = banGeocoder({ baseUrl: `${ban.url}/`, timeoutMs: 2000 });
		const outcome = await geocoder.geocode({ address: '  Rue des   Carmes ', postcode: '15000', citycode: null });
		expect(outcome.status).toBe('found');
		if (outcome.status !== 'found') return;
		expect(outcome.hit.banType).toBe('street');
		expect(outcome.hit.precision).toBe('address');
		const asked = ban.requests[0]!;
		expect(asked.pathname).toBe('/search/');
		expect(asked.searchParams.get('q')).toBe('Rue des Carmes');
		expect(asked.searchParams.get('postcode')).toBe('15000');
		expect(asked.searchParams.has('citycode')).toBe(false);
	});

	it('a municipality is precision commune', async () => {
		const outcome = await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 }).geocode({ address: 'Saint-Flour' });
		expect(outcome).toMatchObject({ status: 'found', hit: { precision: 'commune', banType: 'municipality', citycode: '15187' } });
	});

	it('a low score is not_found (minScore 0.5 by default, configurable)', async () => {
		const q = { address: 'Lieu-dit les Brumes' };
		expect(await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 }).geocode(q)).toEqual({ status: 'not_found' });
		expect(await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000, minScore: 0.3 }).geocode(q)).toMatchObject({
			status: 'found',
			hit: { banType: 'locality', precision: 'address' }
		});
	});

	it('an unknown address, or an address in another commune than asked, is not_found', async () => {
		const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
		expect(await geocoder.geocode({ address: '99 Chemin de Nulle Part' })).toEqual({ status: 'not_found' });
		expect(await geocoder.geocode({ address: '1 Place de Jaude', citycode: '15014' })).toEqual({ status: 'not_found' });
	});

	it('an empty or too short address is not_found without any request', async () => {
		const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
		expect(await geocoder.geocode({ address: '' })).toEqual({ status: 'not_found' });
		expect(await geocoder.geocode({ address: '   ' })).toEqual({ status: 'not_found' });
		expect(await geocoder.geocode({ address: ', a' })).toEqual({ status: 'not_found' });
		expect(ban.requests).toHaveLength(0);
	});

	it('a slow server beyond timeoutMs fails with a French reason, in about timeoutMs', async () => {
		ban.setMode('slow');
		const started = Date.now();
		const outcome = await banGeocoder({ baseUrl: ban.url, timeoutMs: 300 }).geocode(AURILLAC);
		const elapsed = Date.now() - started;
		expect(outcome).toEqual({ status: 'failed', reason: 'délai dépassé (300 ms)' });
		expect(elapsed).toBeGreaterThanOrEqual(280);
		expect(elapsed).toBeLessThan(1500);
	});

	it('HTTP 500 fails', async () => {
		ban.setMode('error500');
		expect(await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 }).geocode(AURILLAC)).toEqual({
			status: 'failed',
			reason: 'réponse HTTP 500'
		});
	});

	it('a garbage body fails', async () => {
		ban.setMode('garbage');
		expect(await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 }).geocode(AURILLAC)).toEqual({
			status: 'failed',
			reason: 'réponse illisible (JSON invalide)'
		});
	});

	it('an external abort signal cancels the request', async () => {
		ban.setMode('slow');
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 100);
		const started = Date.now();
		const outcome = await banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 }).geocode(AURILLAC, controller.signal);
		expect(outcome).toEqual({ status: 'failed', reason: 'géocodage annulé' });
		expect(Date.now() - started).toBeLessThan(1000);
	});
});

describe('banGeocoder with unexpected answers (injected fetch)', () => {
	it('refuses a hit whose citycode differs from the one asked', async () => {
		const geocoder = banGeocoder({
			baseUrl: 'http://ban.invalid',
			timeoutMs: 1000,
			fetch: jsonFetch(featureCollection({ label: '1 Place de Jaude 63000 Clermont-Ferrand', score: 0.95, type: 'housenumber', citycode: '63113' }))
		});
		expect(await geocoder.geocode({ address: '1 Place de Jaude', citycode: '15014' })).toEqual({ status: 'not_found' });
		expect(await geocoder.geocode({ address: '1 Place de Jaude' })).toMatchObject({ status: 'found', hit: { citycode: '63113' } });
	});

	it('an unexpected shape fails instead of throwing', async () => {
		const shapes: unknown[] = [
			null,
			[],
			{ features: 'none' },
			featureCollection({ label: 'x', score: 0.9, type: 'poi', citycode: '15014' }),
			featureCollection({ label: 'x', score: '0.9', type: 'street', citycode: '15014' }),
			featureCollection({ label: 'x', score: 0.9, type: 'street', citycode: '15014' }, [2.44]),
			featureCollection({ label: 'x', score: 0.9, type: 'street', citycode: '15014' }, [444, 44.9])
		];
		for (const shape of shapes) {
			const outcome = await banGeocoder({ baseUrl: 'http://ban.invalid', timeoutMs: 1000, fetch: jsonFetch(shape) }).geocode(AURILLAC);
			expect(outcome).toEqual({ status: 'failed', reason: 'réponse inattendue du service' });
		}
	});

	it('a fetch that throws, or an HTTP 429, gives failed', async () => {
		const throwing: typeof fetch = () => {
			throw new TypeError('boom');
		};
		expect(await banGeocoder({ baseUrl: 'http://ban.invalid', timeoutMs: 1000, fetch: throwing }).geocode(AURILLAC)).toMatchObject({
			status: 'failed',
			reason: expect.stringMatching(/^service injoignable/)
		});
		expect(await jsonFetchStatus(429)).toEqual({ status: 'failed', reason: 'réponse HTTP 429 (trop de requêtes)' });
	});
});

async function jsonFetchStatus(status: number): Promise<GeocodeOutcome> {
	return banGeocoder({ baseUrl: 'http://ban.invalid', timeoutMs: 1000, fetch: jsonFetch({ code: status }, status) }).geocode(AURILLAC);
}

describe('a dead service', () => {
	let deadUrl: string;
	beforeAll(async () => {
		const ban = await startFakeBan();
		deadUrl = ban.url;
		await ban.close();
	});

	it('connection refused fails with « service injoignable »', async () => {
		const outcome = await banGeocoder({ baseUrl: deadUrl, timeoutMs: 2000 }).geocode(AURILLAC);
		expect(outcome.status).toBe('failed');
		if (outcome.status === 'failed') expect(outcome.reason).toMatch(/^service injoignable/);
	});

	it('the circuit breaker stops asking after a few failures', async () => {
		let calls = 0;
		const base = banGeocoder({ baseUrl: deadUrl, timeoutMs: 2000 });
		const counting: Geocoder = {
			enabled: true,
			geocode(q, signal) {
				calls++;
				return base.geocode(q, signal);
			}
		};
		const queries = Array.from({ length: 50 }, (_, i) => ({ address: `${i + 1} Rue de la République`, citycode: '15014' }));
		const started = Date.now();
		const outcomes = await geocodeMany(counting, queries);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(outcomes).toHaveLength(50);
		expect(outcomes.every((o) => o.status === 'failed')).toBe(true);
		expect(calls).toBeLessThanOrEqual(8);
		expect(outcomes.at(-1)).toEqual({ status: 'failed', reason: 'service de géocodage indisponible' });
	});

	it('a slow service trips the breaker too, cancelling the requests in flight', async () => {
		const ban = await startFakeBan({ mode: 'slow', slowMs: 10_000 });
		try {
			const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 400 });
			const queries = Array.from({ length: 40 }, (_, i) => ({ address: `${i + 1} Rue des Carmes` }));
			const started = Date.now();
			const outcomes = await geocodeMany(geocoder, queries, { concurrency: 2 });
			expect(Date.now() - started).toBeLessThan(2500);
			expect(ban.requests.length).toBeLessThanOrEqual(4);
			expect(outcomes.filter((o) => o.status === 'failed' && o.reason.startsWith('délai dépassé')).length).toBeLessThanOrEqual(3);
			expect(outcomes.at(-1)).toEqual({ status: 'failed', reason: 'service de géocodage indisponible' });
		} finally {
			await ban.close();
		}
	});
});

describe('geocodeMany', () => {
	let ban: FakeBan;
	beforeAll(async () => {
		ban = await startFakeBan();
	});
	afterAll(async () => {
		await ban.close();
	});

	it('keeps the order of the queries and asks identical queries once', async () => {
		const geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 });
		const queries = [
			AURILLAC,
			{ address: 'Saint-Flour' },
			{ address: '12 rue de la république ', citycode: '15014', postcode: '99999' },
			{ address: '' },
			{ address: '99 Chemin de Nulle Part' },
			{ address: 'Rue des Carmes', postcode: '15000' },
			{ address: 'saint-flour' }
		];
		const progress: Array<[number, number]> = [];
		const outcomes = await geocodeMany(geocoder, queries, { concurrency: 3, onProgress: (d, t) => progress.push([d, t]) });
		expect(outcomes.map((o) => (o.status === 'found' ? o.hit.banType : o.status))).toEqual([
			'housenumber',
			'municipality',
			'housenumber',
			'not_found',
			'not_found',
			'street',
			'municipality'
		]);
		// 12 rue…(×2), Saint-Flour (×2), Nulle Part, Carmes; the empty address is never asked.
		expect(ban.requests).toHaveLength(4);
		expect(progress.at(-1)).toEqual([7, 7]);
		expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
	});

	it('geocodeKey ignores case and spaces, and the postcode when a citycode is given', () => {
		expect(geocodeKey({ address: ' 12  Rue ', citycode: '15014', postcode: '15000' })).toBe(geocodeKey({ address: '12 rue', citycode: '15014' }));
		expect(geocodeKey({ address: '12 rue', postcode: '15000' })).not.toBe(geocodeKey({ address: '12 rue' }));
		expect(geocodeKey({ address: '12 rue', citycode: '15014' })).not.toBe(geocodeKey({ address: '12 rue', citycode: '15187' }));
	});

	it('the disabled geocoder answers failed without asking anything', async () => {
		expect(disabledGeocoder.enabled).toBe(false);
		expect(await disabledGeocoder.geocode(AURILLAC)).toEqual({ status: 'failed', reason: 'géocodage désactivé' });
		expect(await geocodeMany(disabledGeocoder, [AURILLAC, { address: 'Saint-Flour' }])).toEqual([
			{ status: 'failed', reason: 'géocodage désactivé' },
			{ status: 'failed', reason: 'géocodage désactivé' }
		]);
		expect(await geocodeMany(banGeocoder({ baseUrl: ban.url, timeoutMs: 1000 }), [])).toEqual([]);
	});

	it('geocoderFromEnv builds the configured geocoder', async () => {
		expect(geocoderFromEnv({ CARTO_GEOCODER_URL: 'off' })).toBe(disabledGeocoder);
		const geocoder = geocoderFromEnv({ CARTO_GEOCODER_URL: ban.url, CARTO_GEOCODER_TIMEOUT_MS: '2000' });
		expect(geocoder.enabled).toBe(true);
		expect(await geocoder.geocode(AURILLAC)).toMatchObject({ status: 'found', hit: { citycode: '15014' } });
	});
});

describe('geocoderSettings', () => {
	it('defaults to the public BAN with a 4 s timeout', () => {
		expect(geocoderSettings({})).toEqual({ enabled: true, baseUrl: 'https://api-adresse.data.gouv.fr', timeoutMs: 4000 });
	});

	it('reads a URL (trailing slash dropped) and a timeout', () => {
		expect(geocoderSettings({ CARTO_GEOCODER_URL: ' http://127.0.0.1:8080/ban/ ', CARTO_GEOCODER_TIMEOUT_MS: '1500' })).toEqual({
			enabled: true,
			baseUrl: 'http://127.0.0.1:8080/ban',
			timeoutMs: 1500
		});
	});

	it('off or none disables geocoding', () => {
		expect(geocoderSettings({ CARTO_GEOCODER_URL: 'off' }).enabled).toBe(false);
		expect(geocoderSettings({ CARTO_GEOCODER_URL: 'NONE' }).enabled).toBe(false);
	});

	it('refuses a bad URL with a French message naming the variable', () => {
		for (const bad of ['api-adresse.data.gouv.fr', 'ftp://example.org', 'https://example.org/?q=1']) {
			expect(() => geocoderSettings({ CARTO_GEOCODER_URL: bad })).toThrow(/Configuration invalide : CARTO_GEOCODER_URL=.*URL http\(s\)/);
		}
	});

	it('refuses a bad timeout with a French message naming the variable', () => {
		for (const bad of ['abc', '99', '60001', '1.5', '-5']) {
			expect(() => geocoderSettings({ CARTO_GEOCODER_TIMEOUT_MS: bad })).toThrow(/Configuration invalide : CARTO_GEOCODER_TIMEOUT_MS=.*entre 100 et 60000/);
		}
		expect(geocoderSettings({ CARTO_GEOCODER_TIMEOUT_MS: '100' }).timeoutMs).toBe(100);
		expect(geocoderSettings({ CARTO_GEOCODER_TIMEOUT_MS: '60000' }).timeoutMs).toBe(60000);
	});
});
