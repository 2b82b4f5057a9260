/**
 * A fake Base Adresse Nationale (api-adresse.data.gouv.fr) for tests: a real node:http server on
 * 127.0.0.1 (random port) answering `GET /search/?q=…&limit=…[&citycode=…][&postcode=…]` in the
 * documented format (GeoJSON FeatureCollection, features with geometry.coordinates [lon, lat] and
 * properties { label, score, type, citycode, postcode, city, … }).
 *
 *   const ban = await startFakeBan();
 *   process.env.CARTO_GEOCODER_URL = ban.url;   // or banGeocoder({ baseUrl: ban.url, timeoutMs: 1000 })
 *   …
 *   ban.requests;          // every URL asked, in order
 *   ban.setMode('slow');   // 'normal' | 'slow' (waits slowMs, default 5000, before answering)
 *                          // | 'error500' (HTTP 500) | 'garbage' (200 with a non-JSON body)
 *   await ban.close();     // afterwards connections are refused (useful to test "service injoignable")
 *
 * Known addresses (FAKE_BAN_ADDRESSES; matching ignores case, accents and extra spaces, and accepts any
 * query that starts with the address, e.g. "12 rue de la republique aurillac"):
 *   '12 Rue de la République' → housenumber, Aurillac 15014, score 0.92, [2.4440, 44.9264]
 *   'Rue des Carmes'          → street, Aurillac 15014, score 0.81
 *   'Saint-Flour'             → municipality, 15187, score 0.95
 *   'Lieu-dit les Brumes'     → locality, Murat 15138, score 0.31 (below the default minScore 0.5)
 *   '1 Place de Jaude'        → housenumber, Clermont-Ferrand 63113, score 0.95
 * Anything else → empty FeatureCollection. q shorter than 3 characters → HTTP 400 like the real API.
 * `citycode` / `postcode` filter the table; `limit` caps the number of features.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBanMode = 'normal' | 'slow' | 'error500' | 'garbage';

export interface FakeBanAddress {
	address: string;
	type: 'housenumber' | 'street' | 'locality' | 'municipality';
	score: number;
	lon: number;
	lat: number;
	label: string;
	citycode: string;
	postcode: string;
	city: string;
	context: string;
}

export interface FakeBanOptions {
	mode?: FakeBanMode;
	/** Delay of the 'slow' mode in ms (default 5000). */
	slowMs?: number;
	/** Extra known addresses, searched before the built-in ones. */
	addresses?: FakeBanAddress[];
}

export interface FakeBan {
	/** Base URL, e.g. http://127.0.0.1:41234 (give it as CARTO_GEOCODER_URL / baseUrl). */
	url: string;
	/** Every request received, in order. */
	requests: URL[];
	close(): Promise<void>;
	setMode(mode: FakeBanMode): void;
}

const CANTAL = '15, Cantal, Auvergne-Rhône-Alpes';

export const FAKE_BAN_ADDRESSES: readonly FakeBanAddress[] = [
	{
		address: '12 Rue de la République',
		type: 'housenumber',
		score: 0.92,
		lon: 2.444,
		lat: 44.9264,
		label: '12 Rue de la République 15000 Aurillac',
		citycode: '15014',
		postcode: '15000',
		city: 'Aurillac',
		context: CANTAL
	},
	{
		address: 'Rue des Carmes',
		type: 'street',
		score: 0.81,
		lon: 2.4421,
		lat: 44.9281,
		label: 'Rue des Carmes 15000 Aurillac',
		citycode: '15014',
		postcode: '15000',
		city: 'Aurillac',
		context: CANTAL
	},
	{
		address: 'Saint-Flour',
		type: 'municipality',
		score: 0.95,
		lon: 3.093,
		lat: 45.034,
		label: 'Saint-Flour',
		citycode: '15187',
		postcode: '15100',
		city: 'Saint-Flour',
		context: CANTAL
	},
	{
		address: 'Lieu-dit les Brumes',
		type: 'locality',
		score: 0.31,
		lon: 2.8696,
		lat: 45.1106,
		label: 'Les Brumes 15300 Murat',
		citycode: '15138',
		postcode: '15300',
		city: 'Murat',
		context: CANTAL
	},
	{
		address: '1 Place de Jaude',
		type: 'housenumber',
		score: 0.95,
		lon: 3.0826,
		lat: 45.7772,
		label: '1 Place de Jaude 63000 Clermont-Ferrand',
		citycode: '63113',
		postcode: '63000',
		city: 'Clermont-Ferrand',
		context: '63, Puy-de-Dôme, Auvergne-Rhône-Alpes'
	}
];

function normalize(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function feature(entry: FakeBanAddress) {
	const parts = entry.label.split(' ');
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [entry.lon, entry.lat] },
		properties: {
			label: entry.label,
			score: entry.score,
			id: `${entry.citycode}_fake_${normalize(entry.address).replace(/ /g, '_')}`,
			name: entry.type === 'municipality' ? entry.city : parts.slice(0, -2).join(' '),
			postcode: entry.postcode,
			citycode: entry.citycode,
			x: 0,
			y: 0,
			city: entry.city,
			context: entry.context,
			type: entry.type,
			importance: 0.6
		}
	};
}

export async function startFakeBan(options: FakeBanOptions = {}): Promise<FakeBan> {
	let mode: FakeBanMode = options.mode ?? 'normal';
	const slowMs = options.slowMs ?? 5000;
	const table = [...(options.addresses ?? []), ...FAKE_BAN_ADDRESSES];
	const requests: URL[] = [];
	const timers = new Set<NodeJS.Timeout>();

	function json(res: ServerResponse, status: number, body: unknown) {
		if (res.destroyed) return;
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(body));
	}

	function answer(url: URL, res: ServerResponse) {
		if (mode === 'error500') {
			json(res, 500, { code: 500, message: 'Internal Server Error' });
			return;
		}
		if (mode === 'garbage') {
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			res.end('<html><body>502 Bad Gateway</body></html>');
			return;
		}
		if (url.pathname !== '/search/' && url.pathname !== '/search') {
			json(res, 404, { code: 404, message: 'Not found' });
			return;
		}
		const q = (url.searchParams.get('q') ?? '').trim();
		if (q.length < 3 || q.length > 200) {
			json(res, 400, { code: 400, message: 'q must contain between 3 and 200 chars and start with a number or a letter' });
			return;
		}
		const citycode = url.searchParams.get('citycode');
		const postcode = url.searchParams.get('postcode');
		const limit = Math.max(1, Math.min(Number(url.searchParams.get('limit') ?? '5') || 5, 20));
		const nq = normalize(q);
		const matches = table
			.filter((e) => {
				const na = normalize(e.address);
				return nq === na || nq.startsWith(`${na} `);
			})
			.filter((e) => !citycode || e.citycode === citycode)
			.filter((e) => !postcode || e.postcode === postcode)
			.sort((a, b) => b.score - a.score)
			.slice(0, limit);
		const body: Record<string, unknown> = {
			type: 'FeatureCollection',
			version: 'draft',
			features: matches.map(feature),
			attribution: 'BAN',
			licence: 'ETALAB-2.0',
			query: q,
			limit
		};
		if (citycode) body.filters = { citycode };
		else if (postcode) body.filters = { postcode };
		json(res, 200, body);
	}

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push(url);
		if (mode === 'slow') {
			const timer = setTimeout(() => {
				timers.delete(timer);
				answer(url, res);
			}, slowMs);
			timers.add(timer);
			res.on('close', () => {
				clearTimeout(timer);
				timers.delete(timer);
			});
			return;
		}
		answer(url, res);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;

	let closed: Promise<void> | undefined;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setMode(next: FakeBanMode) {
			mode = next;
		},
		close() {
			closed ??= new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		}
	};
}
