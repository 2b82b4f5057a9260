import { z } from 'zod';
import { categoryKind, CONFIRMATION_STATES, COORD_PRECISIONS, ENTITY_KINDS, ENTITY_STATUSES, OFFERS, RELATION_TYPES, SECTORS, STAGES } from './vocabulary';
import { isPartialDate } from './partial-date';
import { compactSiret, isValidSiret } from './siret';
import { IMAGE_KEY_RE } from './listing-image';
import { openingHoursProblem } from './opening-hours';
import { SLUG_RE } from './slug';

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: `${max} caractères au maximum` })
		.nullish()
		.transform((v) => (v ? v : null));

export { SLUG_RE };

const httpUrl = (error: string) =>
	z
		.url({ protocol: /^https?$/, error })
		.max(500, { error: '500 caractères au maximum' })
		.nullish()
		.transform((v) => v ?? null);

/** Which kinds may carry a field at all: an event has no opening hours, a person serves no stages. */
export const KIND_ONLY_FIELDS = {
	registrationUrl: ['event'],
	venueId: ['event'],
	startsAt: ['event'],
	endsAt: ['event'],
	openingHours: ['third_place'],
	accessTransport: ['third_place'],
	accessibility: ['third_place'],
	equipment: ['third_place'],
	stages: ['organisation', 'third_place'],
	offers: ['organisation', 'third_place']
} as const satisfies Record<string, readonly string[]>;

const KIND_WORDS: Record<string, string> = {
	event: 'aux événements',
	third_place: 'aux tiers-lieux',
	'organisation,third_place': 'aux organisations et aux tiers-lieux'
};

/** The one shape of an entity coming in (seed, import, forms, API). */
export const entityInputSchema = z
	.object({
		slug: z.string().regex(SLUG_RE, { error: 'identifiant (slug) invalide : minuscules, chiffres et tirets' }).max(120),
		kind: z.enum(ENTITY_KINDS, { error: "type d'acteur inconnu" }),
		category: z.string().min(1, { error: 'catégorie obligatoire' }),
		name: z.string().trim().min(1, { error: 'nom obligatoire' }).max(200),
		summary: z.string().trim().max(500).default(''),
		description: z.string().max(20_000).default(''),
		website: httpUrl('adresse web invalide (http ou https)'),
		siret: z
			.string()
			.transform(compactSiret)
			.refine((v) => v === '' || isValidSiret(v), { error: 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle' })
			.nullish()
			.transform((v) => v || null),
		sectors: z.array(z.enum(SECTORS as [string, ...string[]], { error: 'secteur inconnu' })).default([]),
		stages: z.array(z.enum(STAGES, { error: 'stade inconnu' })).default([]),
		offers: z.array(z.enum(OFFERS, { error: "offre d'accompagnement inconnue" })).default([]),
		address: optionalText(300),
		communeCode: z
			.string()
			.regex(/^[0-9][0-9AB][0-9]{3}$/, { error: 'code commune INSEE invalide' })
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
			.datetime({ local: true, error: 'date de début invalide' })
			.nullish()
			.transform((v) => v ?? null),
		endsAt: z.iso
			.datetime({ local: true, error: 'date de fin invalide' })
			.nullish()
			.transform((v) => v ?? null),
		email: z
			.email({ error: 'adresse e-mail invalide' })
			.nullish()
			.transform((v) => v ?? null),
		phone: optionalText(40),
		contactPublic: z.boolean().default(false),
		registrationUrl: httpUrl("lien d'inscription invalide (http ou https)"),
		venueId: z
			.number({ error: 'lieu invalide' })
			.int()
			.positive({ error: 'lieu invalide' })
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
			.regex(IMAGE_KEY_RE, { error: 'image inconnue' })
			.nullish()
			.transform((v) => v ?? null),
		imageAlt: optionalText(300)
	})
	.superRefine((e, ctx) => {
		if (categoryKind(e.category) !== e.kind) {
			ctx.addIssue({ code: 'custom', path: ['category'], message: `catégorie « ${e.category} » inconnue pour ce type d'acteur` });
		}
		if (e.siret && e.kind !== 'organisation' && e.kind !== 'third_place') {
			ctx.addIssue({ code: 'custom', path: ['siret'], message: 'SIRET réservé aux organisations et aux tiers-lieux' });
		}
		if ((e.lon === null) !== (e.lat === null)) {
			ctx.addIssue({ code: 'custom', path: ['lat'], message: 'longitude et latitude vont ensemble' });
		}
		if (e.startsAt && e.endsAt && e.endsAt < e.startsAt) {
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'la fin précède le début' });
		}
		if (e.imageKey && !e.imageAlt) {
			ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'décrivez l’image en quelques mots (texte alternatif, lu à ceux qui ne la voient pas)' });
		}
		for (const [field, kinds] of Object.entries(KIND_ONLY_FIELDS)) {
			const v = e[field as keyof typeof e];
			const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
			if (!empty && !(kinds as readonly string[]).includes(e.kind)) {
				ctx.addIssue({ code: 'custom', path: [field], message: `réservé ${KIND_WORDS[kinds.join(',')]}` });
			}
		}
		const hoursProblem = e.openingHours ? openingHoursProblem(e.openingHours) : null;
		if (hoursProblem) ctx.addIssue({ code: 'custom', path: ['openingHours'], message: hoursProblem });
	});
export type EntityInput = z.input<typeof entityInputSchema>;
export type EntityData = z.output<typeof entityInputSchema>;

const partialDate = z
	.string()
	.refine(isPartialDate, { error: 'date invalide : AAAA, AAAA-MM ou AAAA-MM-JJ' })
	.nullish()
	.transform((v) => v ?? null);

export const relationInputSchema = z
	.object({
		type: z.enum(RELATION_TYPES, { error: 'type de relation inconnu' }),
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
		if (r.sourceId === r.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'une relation relie deux acteurs différents' });
		if (r.startDate && r.endDate && r.endDate < r.startDate) {
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'la fin précède le début' });
		}
	});
export type RelationInput = z.input<typeof relationInputSchema>;
export type RelationData = z.output<typeof relationInputSchema>;

/** French, one line per problem: « category : catégorie inconnue ». */
export function formatIssues(error: z.ZodError): string[] {
	return error.issues.map((i) => (i.path.length ? `${i.path.join('.')} : ${i.message}` : i.message));
}
