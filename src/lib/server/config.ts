import { z } from 'zod';
import { FRESHNESS_MONTHS } from '$lib/domain/freshness';

/** Which part of France this instance maps. Another region runs the same software with other codes. */
export interface TerritoryScope {
	departements: string[];
	regionCode: string;
}

export const DEFAULT_DEPARTEMENTS = ['03', '15', '43', '63'] as const;
export const DEFAULT_REGION_CODE = '84';

const departementCode = z.string().regex(/^(\d{2}|2[AB]|97\d)$/, {
	error: (issue) => `code de département invalide : « ${String(issue.input)} » (attendu : 2 chiffres, 2A, 2B ou 97x)`
});

const scopeSchema = z.object({
	departements: z
		.array(departementCode)
		.min(1, { error: 'au moins un département est attendu' })
		.refine((codes) => new Set(codes).size === codes.length, { error: 'un département est répété' }),
	regionCode: z.string().regex(/^\d{2}$/, {
		error: (issue) => `code de région invalide : « ${String(issue.input)} » (attendu : 2 chiffres)`
	})
});

/**
 * Reads CARTO_DEPARTEMENTS (comma-separated INSEE codes, default 03,15,43,63) and CARTO_REGION (default 84).
 * Throws a French error naming the variable when the value is malformed.
 */
export function territoryScope(env: Record<string, string | undefined> = process.env): TerritoryScope {
	const rawDepartements = env.CARTO_DEPARTEMENTS?.trim();
	const rawRegion = env.CARTO_REGION?.trim();
	const candidate = {
		departements: rawDepartements ? rawDepartements.split(',').map((c) => c.trim().toUpperCase()) : [...DEFAULT_DEPARTEMENTS],
		regionCode: rawRegion || DEFAULT_REGION_CODE
	};
	const parsed = scopeSchema.safeParse(candidate);
	if (!parsed.success) {
		const details = parsed.error.issues.map((i) => i.message).join(' ; ');
		throw new Error(
			`Configuration du territoire invalide (CARTO_DEPARTEMENTS="${env.CARTO_DEPARTEMENTS ?? ''}", CARTO_REGION="${env.CARTO_REGION ?? ''}") : ${details}`
		);
	}
	return parsed.data;
}

export const BASEMAPS = ['none', 'ign', 'osm'] as const;
export type Basemap = (typeof BASEMAPS)[number];

/** Hosts each basemap loads from; the CSP allows them only when that basemap is chosen. */
export const BASEMAP_HOSTS: Record<Basemap, string[]> = {
	none: [],
	ign: ['https://data.geopf.fr'],
	osm: ['https://tile.openstreetmap.org']
};

/**
 * CARTO_BASEMAP: `none` (default: no external request, a style drawn from our own territories),
 * `ign` (IGN Géoplateforme « Plan IGN » vector style) or `osm` (OpenStreetMap raster tiles).
 */
export function basemapSetting(env: Record<string, string | undefined> = process.env): Basemap {
	const raw = env.CARTO_BASEMAP?.trim().toLowerCase() || 'none';
	if (!(BASEMAPS as readonly string[]).includes(raw)) {
		throw new Error(`Configuration invalide : CARTO_BASEMAP="${env.CARTO_BASEMAP}" (attendu : none, ign ou osm).`);
	}
	return raw as Basemap;
}

const frameOrigin = z.string().regex(/^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, { message: 'origine invalide' });

/**
 * CARTO_EMBED_ANCESTORS: the partner origins allowed to frame /embed/… (space- or comma-separated, e.g.
 * `https://partenaire.fr https://*.exemple.org`). Empty by default: only the site itself may frame them.
 */
export function embedAncestors(env: Record<string, string | undefined> = process.env): string[] {
	const list = (env.CARTO_EMBED_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean);
	for (const origin of list) {
		if (!frameOrigin.safeParse(origin).success) {
			throw new Error(
				`Configuration invalide : CARTO_EMBED_ANCESTORS contient « ${origin} » (attendu : des origines comme https://partenaire.fr ou https://*.exemple.org).`
			);
		}
	}
	return [...new Set(list.map((o) => o.toLowerCase()))];
}

export const DEFAULT_GEOCODER_URL = 'https://api-adresse.data.gouv.fr';
export const DEFAULT_GEOCODER_TIMEOUT_MS = 4000;

export interface GeocoderSettings {
	enabled: boolean;
	/** Without trailing slash; empty when disabled. */
	baseUrl: string;
	timeoutMs: number;
}

/**
 * CARTO_GEOCODER_URL: base URL of the Base Adresse Nationale API (default https://api-adresse.data.gouv.fr;
 * `off` or `none` disables geocoding). CARTO_GEOCODER_TIMEOUT_MS: per-request timeout (default 4000, 100–60000).
 */
export function geocoderSettings(env: Record<string, string | undefined> = process.env): GeocoderSettings {
	const rawTimeout = env.CARTO_GEOCODER_TIMEOUT_MS?.trim();
	let timeoutMs = DEFAULT_GEOCODER_TIMEOUT_MS;
	if (rawTimeout) {
		const value = /^\d+$/.test(rawTimeout) ? Number(rawTimeout) : NaN;
		if (!Number.isInteger(value) || value < 100 || value > 60_000) {
			throw new Error(
				`Configuration invalide : CARTO_GEOCODER_TIMEOUT_MS="${env.CARTO_GEOCODER_TIMEOUT_MS}" (attendu : un nombre entier de millisecondes entre 100 et 60000).`
			);
		}
		timeoutMs = value;
	}

	const rawUrl = env.CARTO_GEOCODER_URL?.trim() || DEFAULT_GEOCODER_URL;
	if (['off', 'none'].includes(rawUrl.toLowerCase())) return { enabled: false, baseUrl: '', timeoutMs };
	let url: URL | undefined;
	try {
		url = new URL(rawUrl);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
		throw new Error(
			`Configuration invalide : CARTO_GEOCODER_URL="${env.CARTO_GEOCODER_URL}" (attendu : une URL http(s) comme ${DEFAULT_GEOCODER_URL}, ou off pour désactiver le géocodage).`
		);
	}
	return { enabled: true, baseUrl: rawUrl.replace(/\/+$/, ''), timeoutMs };
}

export const DEFAULT_REMINDER_DAYS = 30;

export interface FreshnessSettings {
	/** A listing not verified for this many months is « à vérifier » (CARTO_FRESHNESS_MONTHS, 1–120). */
	months: number;
	/** A stale listing's managers are reminded again after this many days (CARTO_REMINDER_DAYS, 1–365). */
	reminderDays: number;
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, unit: string): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new Error(`Configuration invalide : ${name}="${env[name]}" (attendu : un nombre entier de ${unit} entre ${min} et ${max}).`);
	}
	return value;
}

/** CARTO_FRESHNESS_MONTHS (default 12) and CARTO_REMINDER_DAYS (default 30). */
export function freshnessSettings(env: Record<string, string | undefined> = process.env): FreshnessSettings {
	return {
		months: wholeNumber(env, 'CARTO_FRESHNESS_MONTHS', FRESHNESS_MONTHS, 1, 120, 'mois'),
		reminderDays: wholeNumber(env, 'CARTO_REMINDER_DAYS', DEFAULT_REMINDER_DAYS, 1, 365, 'jours')
	};
}

/** CARTO_JOBS=off: the server starts no scheduler (a system cron runs `npm run jobs -- --run …` instead). */
export function jobsEnabled(env: Record<string, string | undefined> = process.env): boolean {
	const raw = env.CARTO_JOBS?.trim().toLowerCase() || 'on';
	if (['on', 'true', '1'].includes(raw)) return true;
	if (['off', 'false', '0', 'none'].includes(raw)) return false;
	throw new Error(`Configuration invalide : CARTO_JOBS="${env.CARTO_JOBS}" (attendu : on ou off).`);
}
