import { z } from 'zod';
import { entityFiltersSchema } from '$lib/domain/filters';
import type { Db } from '../db';
import { csvFile } from '../export/csv';
import type { FileBody } from '../export/file-body';
import { markdownToPlainText } from '../markdown';
import { exportEntityRows, exportRelationRows, territoryOutlines, type ExportEntityRow } from '../repos/export.repo';
import { publicEntity } from './entity.service';
import { parseParams } from './params';
import { NotFoundError } from './errors';

/*
 * Public exports of the filtered directory. Every format starts from publicEntity (the same public shape as
 * the API), so a person's private email and phone never leave the database unless they agreed.
 */

export const geoJsonParamsSchema = entityFiltersSchema.extend({
	territories: z
		.enum(['departement', 'epci'], { error: 'territories : departement ou epci' })
		.optional()
		.meta({ description: 'Ajouter les contours des départements ou des EPCI (propriété kind = territory).' })
});

const pagePath = (slug: string) => `/acteurs/${slug}`;

function publicRow(row: ExportEntityRow) {
	return {
		...publicEntity(row.entity, row.entity.venueId && row.venueSlug ? { id: row.entity.venueId, slug: row.venueSlug, name: row.venueName ?? '' } : null),
		communeName: row.communeName,
		departementCode: row.departementCode,
		departementName: row.departementName,
		url: pagePath(row.entity.slug)
	};
}

const CSV_HEADER = [
	'id',
	'slug',
	'kind',
	'category',
	'name',
	'summary',
	'website',
	'siret',
	'sectors',
	'stages',
	'offers',
	'commune_code',
	'commune_name',
	'departement',
	'lon',
	'lat',
	'coord_precision',
	'founded_year',
	'email',
	'phone',
	'url',
	// Read back by the importer under these names (see HEADER_ALIASES); the venue and the image are there to be read, not imported.
	'debut',
	'fin',
	'lien_inscription',
	'lieu',
	'horaires_osm',
	'acces_transports',
	'accessibilite',
	'equipements',
	'image',
	'image_alt'
];

export function exportCsv(db: Db, params: URLSearchParams): FileBody {
	const filters = parseParams(entityFiltersSchema, params);
	const rows = exportEntityRows(db, filters)
		.map(publicRow)
		.map((e) => [
			e.id,
			e.slug,
			e.kind,
			e.category,
			e.name,
			e.summary,
			e.website,
			e.siret,
			e.sectors.map((s) => s.code).join('|'),
			e.stages.map((s) => s.code).join('|'),
			e.offers.map((s) => s.code).join('|'),
			e.communeCode,
			e.communeName,
			e.departementName,
			e.lon,
			e.lat,
			e.coordPrecision,
			e.foundedYear,
			e.email,
			e.phone,
			e.url,
			e.startsAt,
			e.endsAt,
			e.registrationUrl,
			e.venue?.slug ?? null,
			e.openingHours,
			e.accessTransport,
			e.accessibility,
			e.equipment,
			e.image?.url ?? null,
			e.image?.alt ?? null
		]);
	return csvFile(CSV_HEADER, rows, 'connecteur-carto-acteurs.csv');
}

function geoProperties(e: ReturnType<typeof publicRow>) {
	return {
		kind: e.kind,
		id: e.id,
		slug: e.slug,
		category: e.category,
		categoryLabel: e.categoryLabel,
		name: e.name,
		summary: e.summary,
		website: e.website,
		siret: e.siret,
		sectors: e.sectors.map((s) => s.code),
		stages: e.stages.map((s) => s.code),
		offers: e.offers.map((s) => s.code),
		communeCode: e.communeCode,
		communeName: e.communeName,
		departementName: e.departementName,
		coordPrecision: e.coordPrecision,
		foundedYear: e.foundedYear,
		startsAt: e.startsAt,
		endsAt: e.endsAt,
		registrationUrl: e.registrationUrl,
		venueSlug: e.venue?.slug ?? null,
		openingHours: e.openingHours,
		accessTransport: e.accessTransport,
		accessibility: e.accessibility,
		equipment: e.equipment,
		imageUrl: e.image?.url ?? null,
		imageAlt: e.image?.alt ?? null,
		email: e.email,
		phone: e.phone,
		url: e.url
	};
}

export function exportGeoJsonData(db: Db, params: URLSearchParams) {
	const { territories, ...filters } = parseParams(geoJsonParamsSchema, params);
	const actors = exportEntityRows(db, filters)
		.map(publicRow)
		.filter((e) => e.lon != null && e.lat != null)
		.map((e) => ({
			type: 'Feature' as const,
			id: e.slug,
			geometry: { type: 'Point' as const, coordinates: [e.lon as number, e.lat as number] },
			properties: geoProperties(e) as Record<string, unknown>
		}));
	const outlines = territories
		? territoryOutlines(db, territories).map((t) => ({
				type: 'Feature' as const,
				id: t.code,
				geometry: t.geometry as GeoJSON.Geometry,
				properties: { kind: 'territory', territoryKind: t.kind, code: t.code, name: t.name, population: t.population } as Record<string, unknown>
			}))
		: [];
	return { type: 'FeatureCollection' as const, features: [...outlines, ...actors] };
}

export function exportGeoJson(db: Db, params: URLSearchParams): FileBody {
	return { body: JSON.stringify(exportGeoJsonData(db, params)), contentType: 'application/geo+json', filename: 'connecteur-carto-acteurs.geojson' };
}

export function exportJsonData(db: Db, params: URLSearchParams, now = new Date()) {
	const filters = parseParams(entityFiltersSchema, params);
	const entities = exportEntityRows(db, filters).map(publicRow);
	const relations = exportRelationRows(
		db,
		entities.map((e) => e.id)
	);
	return { format: 'connecteur-carto' as const, version: 1 as const, exportedAt: now.toISOString(), filters, entities, relations };
}

export function exportJson(db: Db, params: URLSearchParams): FileBody {
	return { body: JSON.stringify(exportJsonData(db, params), null, 1), contentType: 'application/json', filename: 'connecteur-carto-acteurs.json' };
}

// ---- iCalendar (RFC 5545) ----

const EVENT_TZ = 'Europe/Paris';

/** Offset of Europe/Paris from UTC at a given instant, in milliseconds. */
function tzOffset(ms: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: EVENT_TZ,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(ms));
	const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000;
}

/** Event times are stored as local (Paris) wall-clock times unless they carry an offset. */
export function eventInstant(value: string): Date | null {
	if (/(Z|[+-]\d\d:?\d\d)$/i.test(value)) {
		const d = new Date(value);
		return Number.isNaN(d.getTime()) ? null : d;
	}
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
	if (!m) return null;
	const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	let utc = wall - tzOffset(wall);
	utc = wall - tzOffset(utc);
	return new Date(utc);
}

const icsDate = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

export function icsText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch, 'utf8');
		if (octets + size > 75) {
			out.push(current);
			current = ' ';
			octets = 1;
		}
		current += ch;
		octets += size;
	}
	out.push(current);
	return out.join('\r\n');
}

const CALENDAR_HEAD = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Connecteur Carto//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];

/** One event's VEVENT lines (none without a usable start). */
function veventLines(e: ExportEntityRow['entity'], communeName: string | null, origin: string, now: Date): string[] {
	const start = e.startsAt ? eventInstant(e.startsAt) : null;
	if (!start) return [];
	const end = e.endsAt ? eventInstant(e.endsAt) : null;
	const description = [e.summary, markdownToPlainText(e.description)].filter(Boolean).join('\n\n');
	const location = [e.address, communeName].filter(Boolean).join(', ');
	return [
		'BEGIN:VEVENT',
		`UID:${e.slug}@connecteur-carto`,
		`DTSTAMP:${icsDate(now)}`,
		`DTSTART:${icsDate(start)}`,
		...(end && end > start ? [`DTEND:${icsDate(end)}`] : []),
		`SUMMARY:${icsText(e.name)}`,
		...(description ? [`DESCRIPTION:${icsText(description)}`] : []),
		...(location ? [`LOCATION:${icsText(location)}`] : []),
		...(e.lat != null && e.lon != null ? [`GEO:${e.lat};${e.lon}`] : []),
		`URL:${origin}${pagePath(e.slug)}`,
		'END:VEVENT'
	];
}

const calendarBody = (lines: string[]) => [...lines, 'END:VCALENDAR'].map(foldLine).join('\r\n') + '\r\n';

export function agendaIcs(db: Db, params: URLSearchParams, origin = '', now = new Date()): FileBody {
	const filters = parseParams(entityFiltersSchema, params);
	const events = exportEntityRows(db, { ...filters, kind: ['event'] }).filter((r) => r.entity.startsAt);
	const lines = [...CALENDAR_HEAD, 'X-WR-CALNAME:Connecteur Carto'];
	for (const { entity, communeName } of events) lines.push(...veventLines(entity, communeName, origin, now));
	return { body: calendarBody(lines), contentType: 'text/calendar; charset=utf-8', filename: 'connecteur-carto-agenda.ics' };
}

/** « Ajouter à mon agenda »: one published event as a calendar of its own. */
export function eventIcs(db: Db, slug: string, origin = '', now = new Date()): FileBody {
	const row = exportEntityRows(db, { ...parseParams(entityFiltersSchema, new URLSearchParams()), kind: ['event'] }, slug)[0];
	const lines = row ? veventLines(row.entity, row.communeName, origin, now) : [];
	if (lines.length === 0) throw new NotFoundError(`Aucun événement daté à l’adresse « ${slug} ».`);
	return { body: calendarBody([...CALENDAR_HEAD, ...lines]), contentType: 'text/calendar; charset=utf-8', filename: `${slug}.ics` };
}
