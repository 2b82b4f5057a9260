import type { EntityInput } from '$lib/domain/entity.schema';
import { sectorLabel, SECTORS, type EntityKind, type Stage } from '$lib/domain/vocabulary';
import { recurrenceWords } from '$lib/domain/french/recurrence';
import { ruleForPattern } from '$lib/domain/recurrence-rule';
import { formatPartialDate, fromDate } from '$lib/domain/french/dates';
import { dayOf, type Day } from './dates';
import type { Geography, Located, SeedCommune } from './geography';
import { areaFor, areasOf, secondAreaFor } from './areas';
import { brandName, companyName, eventName, personName, SlugRegistry, structureName, COMPANY_TRADES, type Trade } from './names';
import { atPlace } from './place-words';
import { drawFoundedYear, drawTerms, PROFILES, type CategoryProfile } from './profiles';
import type { Rng } from './random';
import { addressIn, descriptionOf, pickActivity, summaryOf, type Describable } from './texts';

/** One actor of the demo before it is written: its input row plus what the relation planner needs. */
export interface PlannedEntity extends Located {
	ref: number;
	kind: EntityKind;
	category: string;
	name: string;
	slug: string;
	commune: SeedCommune;
	sectors: string[];
	offers: string[];
	foundedYear: number | null;
	/** Events only: the day it happens and its venue (a planned third-place). */
	eventDay?: Day;
	venue?: PlannedEntity;
	input: EntityInput;
}

export interface EcosystemContext {
	rng: Rng;
	geo: Geography;
	departementNames: Map<string, string>;
	slugs: SlugRegistry;
	/** 1 for the base demo; scale / 520 for the scale mode. */
	factor: number;
	/** Meetups planned so far: one in five comes back every month (issue 19's recurring events). */
	meetups?: number;
}

/** Who an event of the demo is for (no draw from the random stream: the rest of the demo stays as it was). */
const EVENT_STAGES: Record<string, Stage[]> = {
	meetup: ['emergence', 'creation'],
	pitch: ['creation', 'development'],
	training: ['emergence', 'creation', 'development'],
	hackathon: ['emergence']
};

const LAST_VERIFIED_YEAR = 2026;
const pad = (n: number) => String(n).padStart(2, '0');

export function countFor(profile: CategoryProfile, factor: number): number {
	return factor === 1 ? profile.count : Math.max(1, Math.round(profile.count * factor));
}

/** Plans every entity of the demo, category by category, in a fixed order (deterministic). */
export function planEntities(ctx: EcosystemContext): PlannedEntity[] {
	const planned: PlannedEntity[] = [];
	const usedNames = new Set<string>();
	let phoneCounter = 0;
	const thirdPlaces: PlannedEntity[] = [];

	for (const profile of PROFILES) {
		const n = countFor(profile, ctx.factor);
		for (let i = 0; i < n; i++) {
			const departement = profile.everyDepartement && i < ctx.geo.departements.length ? (ctx.geo.departements[i] as string) : undefined;
			const e =
				profile.kind === 'event'
					? planEvent(ctx, profile, thirdPlaces, usedNames, planned.length)
					: planActor(ctx, profile, departement, usedNames, planned.length, () => ++phoneCounter);
			planned.push(e);
			if (e.kind === 'third_place') thirdPlaces.push(e);
		}
	}
	return planned;
}

function planActor(
	ctx: EcosystemContext,
	profile: CategoryProfile,
	departement: string | undefined,
	usedNames: Set<string>,
	ref: number,
	nextPhone: () => number
): PlannedEntity {
	const { rng, geo } = ctx;
	const commune = geo.pickCommune(rng, profile.spread, departement);
	// Names use places the commune is in (areas.ts); the two draws are the ones the demo always made.
	const areas = areasOf(commune.departementCode);
	const drawnArea = rng.int(0, areas.length - 1);
	const drawnOther = rng.int(0, Math.max(areas.length - 2, 0));
	const area = areaFor(areas, drawnArea, commune);
	const other = secondAreaFor(areas, drawnOther, commune, area);
	let sectors = rng.sample(SECTORS, rng.int(profile.sectors[0], profile.sectors[1]));
	const stages = drawTerms(rng, profile.stages);
	const offers = drawTerms(rng, profile.offers);
	const foundedYear = drawFoundedYear(rng, profile);
	const isPerson = profile.kind === 'person';

	let female: boolean | undefined;
	let name = '';
	let activity: string | undefined;
	let trade: Trade | undefined;
	for (let attempt = 0; attempt < 12; attempt++) {
		if (isPerson) {
			const p = personName(rng);
			female = p.female;
			name = `${p.first} ${p.last}`;
		} else if (profile.category === 'startup') name = brandName(rng, area.name, sectors[0]);
		else if (profile.category === 'company') {
			const company = companyName(rng, area);
			name = company.name;
			trade = company.trade ?? rng.pick(COMPANY_TRADES);
		} else name = structureName(rng, profile.category, area, other, commune.name, sectors[0]);
		if (!usedNames.has(name)) break;
	}
	if (trade) {
		activity = trade.activity;
		const sector = trade.sector;
		sectors = [sector, ...sectors.filter((s) => s !== sector)].slice(0, 2);
	}
	usedNames.add(name);
	const slug = ctx.slugs.claim(name);

	const withAddress = !isPerson && rng.chance(0.25);
	const point = geo.jitter(rng, commune, withAddress ? 0.008 : 0.012);
	const text: Describable = {
		kind: profile.kind,
		category: profile.category,
		name,
		communeName: commune.name,
		departementName: ctx.departementNames.get(commune.departementCode) ?? commune.departementCode,
		sectors,
		stages,
		offers,
		foundedYear,
		female,
		activity: activity ?? pickActivity(rng, sectors[0])
	};
	const summary = summaryOf(text, rng);
	const extra = isPerson ? [] : profile.category === 'startup' ? [`**Activité** : ${text.activity}`] : [];

	const input: EntityInput = {
		slug,
		kind: profile.kind,
		category: profile.category,
		name,
		summary,
		description: descriptionOf(text, summary, extra),
		website: isPerson ? null : rng.chance(0.9) ? `https://${slug}.example.org` : null,
		sectors,
		stages,
		offers,
		address: withAddress ? addressIn(rng, commune.name, commune.postalCode) : null,
		communeCode: commune.code,
		lon: point.lon,
		lat: point.lat,
		coordPrecision: withAddress ? 'address' : 'commune',
		foundedYear,
		status: 'published',
		isDemo: true,
		lastVerifiedAt: rng.chance(0.5) ? `${LAST_VERIFIED_YEAR}-${pad(rng.int(1, 9))}-${pad(rng.int(1, 28))}` : null,
		...contactFor(ctx, isPerson, slug, nextPhone)
	};
	return { ref, kind: profile.kind, category: profile.category, name, slug, commune, sectors, offers, foundedYear, ...point, input };
}

/** People: invented contacts for about half, public for about one in ten. Structures: public contact. */
function contactFor(ctx: EcosystemContext, isPerson: boolean, slug: string, nextPhone: () => number): Pick<EntityInput, 'email' | 'phone' | 'contactPublic'> {
	if (!isPerson) return { email: ctx.rng.chance(0.6) ? `contact@${slug}.example.org` : null, phone: null, contactPublic: true };
	const r = ctx.rng.next();
	if (r >= 0.5) return { email: null, phone: null, contactPublic: false };
	const n = nextPhone() % 10_000;
	return {
		email: `${slug}@example.org`,
		phone: `04 00 00 ${pad(Math.floor(n / 100))} ${pad(n % 100)}`,
		contactPublic: r < 0.1
	};
}

/** Where each kind of event is usually held. */
const VENUES: Record<string, string[]> = {
	meetup: ['coworking', 'rural_third_place', 'incubation_space', 'fablab', 'makerspace', 'living_lab'],
	conference: ['coworking', 'incubation_space', 'living_lab'],
	hackathon: ['fablab', 'coworking', 'makerspace'],
	training: ['coworking', 'rural_third_place', 'incubation_space', 'fablab'],
	pitch: ['coworking', 'incubation_space']
};

const EVENT_HOURS: Record<string, { start: number; hours: number; days: number }> = {
	meetup: { start: 18, hours: 3, days: 0 },
	conference: { start: 9, hours: 8, days: 0 },
	hackathon: { start: 18, hours: 23, days: 2 },
	training: { start: 14, hours: 3, days: 0 },
	pitch: { start: 18, hours: 3, days: 0 }
};

function planEvent(ctx: EcosystemContext, profile: CategoryProfile, thirdPlaces: PlannedEntity[], usedNames: Set<string>, ref: number): PlannedEntity {
	const { rng } = ctx;
	const fitting = thirdPlaces.filter((p) => (VENUES[profile.category] ?? []).includes(p.category));
	const venue = rng.pick(fitting.length ? fitting : thirdPlaces);
	const commune = venue.commune;
	const areas = areasOf(commune.departementCode);
	const area = areaFor(areas, rng.int(0, areas.length - 1), commune);
	const sectors = profile.category === 'hackathon' ? [rng.pick(SECTORS)] : rng.sample(SECTORS, rng.int(profile.sectors[0], profile.sectors[1]));
	const year = rng.int(2023, 2027);
	const day = dayOf(year, rng.int(1, 12), rng.int(1, 26));
	let name = '';
	for (let attempt = 0; attempt < 12; attempt++) {
		name = eventName(rng, profile.category, area, year, sectorLabel(sectors[0] ?? 'digital'));
		if (!usedNames.has(name)) break;
	}
	usedNames.add(name);
	const slug = ctx.slugs.claim(name.includes(String(year)) ? name : `${name} ${year}`);
	const timing = EVENT_HOURS[profile.category] ?? { start: 18, hours: 3, days: 0 };
	const date = `${year}-${pad((day.month % 12) + 1)}-${pad(day.day)}`;
	const endDate = `${year}-${pad((day.month % 12) + 1)}-${pad(day.day + timing.days)}`;
	const startsAt = `${date}T${pad(timing.start)}:00:00`;
	const endsAt = `${endDate}T${pad((timing.start + timing.hours) % 24)}:${timing.days ? '00' : '30'}:00`;
	const departementName = ctx.departementNames.get(commune.departementCode) ?? commune.departementCode;
	const recurring = profile.category === 'meetup' && (ctx.meetups = (ctx.meetups ?? 0) + 1) % 5 === 1;
	const recurrence = recurring ? ruleForPattern('monthly_nth', date) : null;
	const when = recurrence ? `${recurrenceWords(recurrence, startsAt)} ${fromDate(date)}` : `le ${frenchDate(date)}`;
	const summary = `${categorySentence(profile.category)}, ${when} ${atPlace(commune.name)} (${venue.name}).`;
	const description = [
		`**${name}** — ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
		[
			`- **Lieu** : ${venue.name}, ${commune.name} (${departementName})`,
			`- **Date** : ${frenchDate(date)}, ${timing.start} h`,
			sectors.length ? `- **Thème** : ${sectors.map(sectorLabel).join(', ')}` : null,
			'- **Entrée** : libre sur inscription'
		]
			.filter(Boolean)
			.join('\n'),
		'_Fiche de démonstration : cet événement est fictif._'
	].join('\n\n');
	const input: EntityInput = {
		slug,
		kind: 'event',
		category: profile.category,
		name,
		summary,
		description,
		website: `https://example.org/evenements/${slug}`,
		sectors,
		address: venue.input.address ?? null,
		communeCode: commune.code,
		lon: venue.lon,
		lat: venue.lat,
		coordPrecision: venue.input.coordPrecision ?? 'commune',
		startsAt,
		endsAt,
		recurrence,
		stages: EVENT_STAGES[profile.category] ?? [],
		// « Entrée : libre sur inscription », as the description says; conferences are streamed too.
		free: true,
		attendance: profile.category === 'conference' ? 'hybrid' : null,
		status: 'published',
		isDemo: true,
		contactPublic: true
	};
	return {
		ref,
		kind: 'event',
		category: profile.category,
		name,
		slug,
		commune,
		sectors,
		offers: [],
		foundedYear: null,
		lon: venue.lon,
		lat: venue.lat,
		eventDay: day,
		venue,
		input
	};
}

const CATEGORY_SENTENCES: Record<string, string> = {
	meetup: 'Rencontre informelle entre porteurs de projets, structures et habitants',
	conference: "Journée de conférences et de tables rondes sur l'innovation",
	hackathon: 'Hackathon de deux jours pour prototyper des solutions',
	training: 'Atelier de formation pratique pour les créateurs',
	pitch: 'Soirée de pitchs et remise de prix aux jeunes entreprises'
};
const categorySentence = (c: string) => CATEGORY_SENTENCES[c] ?? 'Événement';

/** « 1er mars 2027 » (French-phrasing module). */
const frenchDate = (iso: string): string => formatPartialDate(iso);
