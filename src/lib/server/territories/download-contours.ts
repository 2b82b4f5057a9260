import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Downloads official commune contours from the API Découpage administratif (geo.api.gouv.fr, Etalab;
 * contours from IGN ADMIN EXPRESS, Licence Ouverte), one request per département:
 *
 *   GET {base}/departements/{code}/communes?format=geojson&geometry=contour&fields=code,nom
 *   -> FeatureCollection, one Feature per commune, properties { code, nom }, WGS84 Polygon/MultiPolygon
 *
 * The API serves no département contours, so the importer rebuilds them by dissolving the communes.
 * Files are written as communes-{code}.geojson, which `importContours` reads directly.
 */

export const DEFAULT_GEO_API_URL = 'https://geo.api.gouv.fr';

export function geoApiBaseUrl(env: Record<string, string | undefined> = process.env): string {
	return (env.CARTO_GEO_API_URL?.trim() || DEFAULT_GEO_API_URL).replace(/\/+$/, '');
}

export function communesContourUrl(baseUrl: string, departement: string): string {
	return `${baseUrl}/departements/${encodeURIComponent(departement)}/communes?format=geojson&geometry=contour&fields=code,nom`;
}

export interface DownloadContoursOptions {
	departements: string[];
	outDir: string;
	baseUrl?: string;
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
}

export interface DownloadedFile {
	departement: string;
	path: string;
	features: number;
	url: string;
}

export async function downloadContours(options: DownloadContoursOptions): Promise<DownloadedFile[]> {
	const baseUrl = (options.baseUrl ?? geoApiBaseUrl()).replace(/\/+$/, '');
	const fetchImpl = options.fetchImpl ?? fetch;
	const outDir = resolve(options.outDir);
	mkdirSync(outDir, { recursive: true });
	const written: DownloadedFile[] = [];
	for (const departement of options.departements) {
		const url = communesContourUrl(baseUrl, departement);
		let response: Response;
		try {
			response = await fetchImpl(url, {
				headers: { accept: 'application/geo+json, application/json' },
				signal: AbortSignal.timeout(options.timeoutMs ?? 60_000)
			});
		} catch (cause) {
			throw new Error(
				`Impossible de joindre l'API Découpage administratif (${baseUrl}) pour le département ${departement} : ` +
					`vérifiez la connexion réseau ou CARTO_GEO_API_URL (${describe(cause)}).`,
				{ cause }
			);
		}
		if (!response.ok) {
			throw new Error(`L'API Découpage administratif a répondu ${response.status} ${response.statusText} pour le département ${departement} (${url}).`);
		}
		let body: unknown;
		try {
			body = await response.json();
		} catch (cause) {
			throw new Error(`Réponse illisible de l'API pour le département ${departement} : ce n'est pas du JSON.`, { cause });
		}
		const collection = body as { type?: unknown; features?: unknown };
		if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
			throw new Error(`Réponse inattendue de l'API pour le département ${departement} : FeatureCollection GeoJSON attendue.`);
		}
		const path = join(outDir, `communes-${departement}.geojson`);
		writeFileSync(path, JSON.stringify(body));
		written.push({ departement, path, features: collection.features.length, url });
	}
	return written;
}

function describe(error: unknown): string {
	if (error instanceof Error) {
		const cause = (error as { cause?: unknown }).cause;
		return cause instanceof Error ? `${error.message} : ${cause.message}` : error.message;
	}
	return String(error);
}
