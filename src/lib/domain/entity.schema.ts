import { z } from './zod';
import {
	categoryKind,
	CONFIRMATION_STATES,
	COORD_PRECISIONS,
	ENTITY_KINDS,
	ENTITY_STATUSES,
	EVENT_ATTENDANCES,
	OFFERS,
	RELATION_TYPES,
	SECTORS,
	STAGES
} from './vocabulary';
import { ruleParts } from './recurrence-rule';
import { isPartialDate } from './partial-date';
import { compactSiret, isValidSiret } from './siret';
import { IMAGE_KEY_RE } from './listing-image';
import { openingHoursProblem } from './opening-hours';
import { SLUG_RE } from './slug';
import { m } from '$lib/paraglide/messages';

/*
 * The messages are functions (zod 4 calls them while parsing): a schema built once at start-up answers in the
 * language of the request being parsed, French outside any request (the CLI, the jobs, the tests).
 */

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.errors_max_chars({ max }) })
		.nullish()
		.transform((v) => (v ? v : null));

export { SLUG_RE };

const httpUrl = (error: () => string) =>
	z
		.url({ protocol: /^https?$/, error })
		.max(500, { error: () => m.errors_max_chars({ max: 500 }) })
		.nullish()
		.transform((v) => v ?? null);

/** Which kinds may carry a field at all: an event has no opening hours, a person serves no stages. */
export const KIND_ONLY_FIELDS = {
	registrationUrl: ['event'],
	venueId: ['event'],
	startsAt: ['event'],
	endsAt: ['event'],
	recurrence: ['event'],
	recurrenceExceptions: ['event'],
	price: ['event'],
	free: ['event'],
	attendance: ['event'],
	openingHours: ['third_place'],
	accessTransport: ['third_place'],
	accessibility: ['third_place'],
	equipment: ['third_place'],
	stages: ['organisation', 'third_place', 'event'],
	offers: ['organisation', 'third_place']
} as const satisfies Record<string, readonly string[]>;

const RESERVED_TO: Record<string, () => string> = {
	event: m.errors_reserved_events,
	third_place: m.errors_reserved_third_places,
	'organisation,third_place': m.errors_reserved_structures,
	'organisation,third_place,event': m.errors_reserved_structures_events
};

/** The one shape of an entity coming in (seed, import, forms, API). */
export const entityInputSchema = z
	.object({
		slug: z
			.string()
			.regex(SLUG_RE, { error: () => m.errors_slug_invalid() })
			.max(120),
		kind: z.enum(ENTITY_KINDS, { error: () => m.errors_kind_unknown() }),
		category: z.string().min(1, { error: () => m.errors_category_required() }),
		name: z
			.string()
			.trim()
			.min(1, { error: () => m.errors_name_required() })
			.max(200),
		summary: z.string().trim().max(500).default(''),
		description: z.string().max(20_000).default(''),
		website: httpUrl(() => m.errors_website_invalid()),
		siret: z
			.string()
			.transform(compactSiret)
			.refine((v) => v === '' || isValidSiret(v), { error: () => m.errors_siret_invalid() })
			.nullish()
			.transform((v) => v || null),
		sectors: z.array(z.enum(SECTORS as [string, ...string[]], { error: () => m.errors_sector_unknown() })).default([]),
		stages: z.array(z.enum(STAGES, { error: () => m.errors_stage_unknown() })).default([]),
		offers: z.array(z.enum(OFFERS, { error: () => m.errors_offer_unknown() })).default([]),
		address: optionalText(300),
		communeCode: z
			.string()
			.regex(/^[0-9][0-9AB][0-9]{3}$/, { error: () => m.errors_commune_code_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		lon: z
			.number()
			.min(-180)
			.max(180)
			.nullish()
			.transform((v) => v ?? null),
		lat: z
			.number()
			.min(-90)
			.max(90)
			.nullish()
			.transform((v) => v ?? null),
		coordPrecision: z
			.enum(COORD_PRECISIONS)
			.nullish()
			.transform((v) => v ?? null),
		foundedYear: z
			.number()
			.int()
			.min(1000)
			.max(2100)
			.nullish()
			.transform((v) => v ?? null),
		startsAt: z.iso
			.datetime({ local: true, error: () => m.errors_start_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		endsAt: z.iso
			.datetime({ local: true, error: () => m.errors_end_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		recurrence: z
			.string()
			.trim()
			.max(300)
			.refine((v) => v === '' || ruleParts(v) !== null, { error: () => m.errors_recurrence_invalid() })
			.nullish()
			.transform((v) => (v ? v.replace(/^RRULE:/i, '').toUpperCase() : null)),
		recurrenceExceptions: z
			.array(z.iso.date({ error: () => m.errors_recurrence_exception_invalid() }))
			.max(200)
			.default([])
			.transform((days) => [...new Set(days)].sort()),
		price: optionalText(200),
		free: z
			.boolean()
			.nullish()
			.transform((v) => v ?? null),
		attendance: z
			.enum(EVENT_ATTENDANCES, { error: () => m.errors_attendance_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		email: z
			.email({ error: () => m.errors_email_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		phone: optionalText(40),
		contactPublic: z.boolean().default(false),
		registrationUrl: httpUrl(() => m.errors_registration_url_invalid()),
		venueId: z
			.number({ error: () => m.errors_venue_invalid() })
			.int()
			.positive({ error: () => m.errors_venue_invalid() })
			.nullish()
			.transform((v) => v ?? null),
		openingHours: optionalText(500),
		accessTransport: optionalText(1000),
		accessibility: optionalText(1000),
		equipment: optionalText(1000),
		status: z.enum(ENTITY_STATUSES).default('published'),
		isDemo: z.boolean().default(false),
		lastVerifiedAt: z.iso
			.date()
			.nullish()
			.transform((v) => v ?? null),
		imageKey: z
			.string()
			.regex(IMAGE_KEY_RE, { error: () => m.errors_image_unknown() })
			.nullish()
			.transform((v) => v ?? null),
		imageAlt: optionalText(300)
	})
	.superRefine((e, ctx) => {
		if (categoryKind(e.category) !== e.kind) {
			ctx.addIssue({ code: 'custom', path: ['category'], message: m.errors_category_unknown_for_kind({ category: e.category }) });
		}
		if (e.siret && e.kind !== 'organisation' && e.kind !== 'third_place') {
			ctx.addIssue({ code: 'custom', path: ['siret'], message: m.errors_siret_reserved() });
		}
		if ((e.lon === null) !== (e.lat === null)) {
			ctx.addIssue({ code: 'custom', path: ['lat'], message: m.errors_lon_lat_together() });
		}
		if (e.startsAt && e.endsAt && e.endsAt < e.startsAt) {
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: m.errors_end_before_start() });
		}
		if (e.kind === 'event' && (e.recurrence || e.recurrenceExceptions.length) && !e.startsAt) {
			ctx.addIssue({ code: 'custom', path: ['recurrence'], message: m.errors_recurrence_needs_start() });
		}
		if (e.imageKey && !e.imageAlt) {
			ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: m.errors_image_alt_required() });
		}
		for (const [field, kinds] of Object.entries(KIND_ONLY_FIELDS)) {
			const v = e[field as keyof typeof e];
			const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
			if (!empty && !(kinds as readonly string[]).includes(e.kind)) {
				ctx.addIssue({ code: 'custom', path: [field], message: RESERVED_TO[kinds.join(',')]!() });
			}
		}
		const hoursProblem = e.openingHours ? openingHoursProblem(e.openingHours) : null;
		if (hoursProblem) ctx.addIssue({ code: 'custom', path: ['openingHours'], message: hoursProblem });
	});
export type EntityInput = z.input<typeof entityInputSchema>;
export type EntityData = z.output<typeof entityInputSchema>;

const partialDate = z
	.string()
	.refine(isPartialDate, { error: () => m.errors_partial_date_invalid() })
	.nullish()
	.transform((v) => v ?? null);

export const relationInputSchema = z
	.object({
		type: z.enum(RELATION_TYPES, { error: () => m.errors_relation_type_unknown() }),
		sourceId: z.number().int().positive(),
		targetId: z.number().int().positive(),
		startDate: partialDate,
		endDate: partialDate,
		description: z.string().trim().max(1000).default(''),
		source: optionalText(500),
		confirmation: z.enum(CONFIRMATION_STATES).default('declared'),
		isDemo: z.boolean().default(false)
	})
	.superRefine((r, ctx) => {
		if (r.sourceId === r.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: m.errors_relation_same_actor() });
		if (r.startDate && r.endDate && r.endDate < r.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: m.errors_end_before_start() });
		}
	});
export type RelationInput = z.input<typeof relationInputSchema>;
export type RelationData = z.output<typeof relationInputSchema>;

/** One line per problem, in the reader's language: « category : catégorie inconnue », "category: unknown category". */
export function formatIssues(error: z.ZodError): string[] {
	return error.issues.map((i) => (i.path.length ? m.errors_issue({ path: i.path.join('.'), message: i.message }) : i.message));
}
