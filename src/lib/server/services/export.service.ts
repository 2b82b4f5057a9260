import { z } from 'zod';
import { agendaQuerySchema } from '$lib/domain/agenda-query';
import { entityFiltersSchema } from '$lib/domain/filters';
import { wallClock } from '$lib/domain/french/dates';
import type { Db } from '../db';
import { exportArticles } from '../repos/article.repo';
import { csvFile } from '../export/csv';
import type { FileBody } from '../export/file-body';
import { markdownToPlainText } from '../markdown';
import { exportEntityRows, exportRelationRows, territoryOutlines, type ExportEntityRow } from '../repos/export.repo';
import { publicEntity } from './entity.service';
import { actorEventIds } from '../repos/agenda.repo';
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
	'repetition',
	'dates_sautees',
	'tarif',
	'gratuit',
	'participation',
	'lieu',
	'horaires_osm',
	'acces_transports',
	'accessibilite',
	'equipements',
	'image',
	'image_alt'
];

/** On site or online as people write it (and the importer reads it back). */
const ATTENDANCE_CELL = { on_site: 'sur place', online: 'en ligne', hybrid: 'hybride' } as const;

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
			e.recurrence,
			e.recurrenceExceptions.join('|') || null,
			e.price,
			e.free === null ? null : e.free ? 'oui' : 'non',
			e.attendance === null ? null : ATTENDANCE_CELL[e.attendance],
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
		recurrence: e.recurrence,
		recurrenceExceptions: e.recurrenceExceptions,
		price: e.price,
		free: e.free,
		attendance: e.attendance,
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
	// The press articles covering the exported actors (issue 20), each with those of its actors the export holds.
	const slugs = new Set(entities.map((e) => e.slug));
	const articles = exportArticles(db)
		.map((a) => ({ ...a, actors: a.actors.filter((s) => slugs.has(s)) }))
		.filter((a) => a.actors.length);
	return { format: 'connecteur-carto' as const, version: 1 as const, exportedAt: now.toISOString(), filters, entities, relations, articles };
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

/**
 * Europe/Paris as calendars need it to place a local time (the rules in force since 1996, as Google and Outlook
 * publish them): events are written in Paris wall time with this TZID, so « chaque 1er jeudi à 18 h 30 » stays
 * at 18 h 30 after a change of clocks in every calendar that repeats it.
 */
const PARIS_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${EVENT_TZ}`,
	`X-LIC-LOCATION:${EVENT_TZ}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

const CALENDAR_HEAD = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Connecteur Carto//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...PARIS_VTIMEZONE];

/** A stored date-time as Paris wall time for a TZID property (« 20270107T183000 »); an instant is converted first. */
function parisLocal(value: string): string | null {
	const d = eventInstant(value);
	if (!d) return null;
	const w = wallClock(d.toISOString());
	const seconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:(\d{2})/.exec(value)?.[1] ?? '00';
	return `${w.date.replaceAll('-', '')}T${String(w.hour ?? 0).padStart(2, '0')}${String(w.minute ?? 0).padStart(2, '0')}${seconds}`;
}

/** RFC 5545 wants UNTIL in UTC when DTSTART has a TZID: the stored floating UNTIL is converted. */
function ruleForCalendar(rule: string): string {
	return rule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?Z?/i, (_all, y, mo, d, h = '23', mi = '59', se = '59') => {
		const instant = eventInstant(`${y}-${mo}-${d}T${h}:${mi}:${se}`);
		return instant ? `UNTIL=${icsDate(instant)}` : _all;
	});
}

/** One event's VEVENT lines (none without a usable start). */
function veventLines(e: ExportEntityRow['entity'], communeName: string | null, origin: string, now: Date): string[] {
	const start = e.startsAt ? eventInstant(e.startsAt) : null;
	const startLocal = e.startsAt ? parisLocal(e.startsAt) : null;
	if (!start || !startLocal) return [];
	const end = e.endsAt ? eventInstant(e.endsAt) : null;
	const endLocal = e.endsAt ? parisLocal(e.endsAt) : null;
	const time = startLocal.slice(8);
	const exceptions = e.recurrence ? e.recurrenceExceptions.map((day) => `EXDATE;TZID=${EVENT_TZ}:${day.replaceAll('-', '')}${time}`) : [];
	const description = [e.summary, markdownToPlainText(e.description)].filter(Boolean).join('\n\n');
	const location = [e.address, communeName].filter(Boolean).join(', ');
	return [
		'BEGIN:VEVENT',
		`UID:${e.slug}@connecteur-carto`,
		`DTSTAMP:${icsDate(now)}`,
		`DTSTART;TZID=${EVENT_TZ}:${startLocal}`,
		...(end && endLocal && end > start ? [`DTEND;TZID=${EVENT_TZ}:${endLocal}`] : []),
		...(e.recurrence ? [`RRULE:${ruleForCalendar(e.recurrence)}`, ...exceptions] : []),
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
	const { free, attendance, organiser, ...filters } = parseParams(agendaQuerySchema, params);
	// The agenda's own filters, as its page applies them (agenda.repo.ts), so a subscription holds what the page lists.
	const attends = (a: string | null) => !attendance || (attendance === 'online' ? a === 'online' || a === 'hybrid' : a !== 'online');
	const actors = organiser ? actorEventIds(db, organiser) : null;
	const events = exportEntityRows(db, { ...filters, kind: ['event'] }).filter(
		(r) => r.entity.startsAt && (!free || r.entity.free === true) && attends(r.entity.attendance) && (!actors || actors.has(r.entity.id))
	);
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
