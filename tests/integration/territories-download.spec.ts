import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communesContourUrl, downloadContours } from '$lib/server/territories/download-contours';
import { importContours } from '$lib/server/territories/import-contours';
import { tempDb } from './territories-helpers';

/** Serves the fixture the way geo.api.gouv.fr does: GET /departements/{code}/communes?format=geojson&geometry=contour */
const fixture = JSON.parse(readFileSync('tests/fixtures/contours/communes-fixture.geojson', 'utf8')) as {
	features: { properties: { code?: string } }[];
};
const requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
	server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		requests.push(`${url.pathname}${url.search}`);
		const match = /^\/(ok|broken)\/departements\/(\w+)\/communes$/.exec(url.pathname);
		if (!match || url.searchParams.get('format') !== 'geojson' || url.searchParams.get('geometry') !== 'contour') {
			res.writeHead(404).end();
			return;
		}
		if (match[1] === 'broken') {
			res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"boom"}');
			return;
		}
		const dep = match[2]!;
		const features = fixture.features.filter((f) => f.properties.code?.startsWith(dep));
		res.writeHead(200, { 'content-type': 'application/geo+json' }).end(JSON.stringify({ type: 'FeatureCollection', features }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

describe('downloadContours', () => {
	it('documents the geo.api.gouv.fr URL it calls', () => {
		expect(communesContourUrl('https://geo.api.gouv.fr', '03')).toBe(
			'https://geo.api.gouv.fr/departements/03/communes?format=geojson&geometry=contour&fields=code,nom'
		);
	});

	it('writes one file per département that the importer reads', async () => {
		const { db, dir, dispose } = tempDb();
		try {
			const files = await downloadContours({ departements: ['03', '15'], outDir: join(dir, 'contours'), baseUrl: `${baseUrl}/ok/` });
			expect(files.map((f) => f.departement)).toEqual(['03', '15']);
			expect(files[0]!.features).toBe(6);
			for (const f of files) expect(existsSync(f.path)).toBe(true);
			expect(requests).toContain('/ok/departements/03/communes?format=geojson&geometry=contour&fields=code,nom');
			const report = importContours(db, [join(dir, 'contours')]);
			expect(report.matched.communes).toBe(4);
			expect(report.unmatched.map((u) => u.code)).toEqual(['03999']);
		} finally {
			dispose();
		}
	});

	it('explains in French when the API answers 500', async () => {
		const { dir, dispose } = tempDb();
		try {
			await expect(downloadContours({ departements: ['63'], outDir: join(dir, 'contours'), baseUrl: `${baseUrl}/broken` })).rejects.toThrow(
				/L'API Découpage administratif a répondu 500 .* département 63/
			);
		} finally {
			dispose();
		}
	});

	it('explains in French when the network fails', async () => {
		const { dir, dispose } = tempDb();
		try {
			// A port that was just freed: the connection is refused at once.
			const probe = createServer();
			await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
			const closedPort = (probe.address() as AddressInfo).port;
			await new Promise((resolve) => probe.close(resolve));
			await expect(downloadContours({ departements: ['63'], outDir: join(dir, 'contours'), baseUrl: `http://127.0.0.1:${closedPort}` })).rejects.toThrow(
				/Impossible de joindre l'API Découpage administratif .*connexion réseau/
			);
		} finally {
			dispose();
		}
	});
});
