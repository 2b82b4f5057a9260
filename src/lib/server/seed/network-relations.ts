import type { RelationType } from '$lib/domain/vocabulary';
import { formatDay } from './dates';
import type { PlannedEntity } from './demo-ecosystem';
import type { Pools } from './pools';
import type { Rng } from './random';
import { LAST_YEAR, type RelationBook } from './relation-book';

const STRUCTURES = [
	'incubator',
	'accelerator',
	'funder',
	'public_body',
	'support_network',
	'cluster',
	'lab',
	'university',
	'association',
	'media',
	'large_company'
];
const THIRD_PLACES = ['coworking', 'fablab', 'living_lab', 'makerspace', 'rural_third_place', 'incubation_space'];
const PARTNERS = [...STRUCTURES, ...THIRD_PLACES];
const ORGANISERS = ['incubator', 'accelerator', 'cluster', 'public_body', 'support_network', 'media', 'association', 'university'];

/** Who leads a structure, by its category. */
const LEADER_CATEGORIES: Record<string, string[]> = {
	funder: ['investor'],
	public_body: ['elected'],
	lab: ['researcher'],
	university: ['researcher'],
	media: ['journalist'],
	cluster: ['entrepreneur', 'mentor'],
	large_company: ['entrepreneur']
};

/** Where people work, by their category: [target categories, probability]. */
const WORKPLACES: Record<string, [string[], number]> = {
	researcher: [['lab', 'lab', 'university'], 1],
	mentor: [['incubator', 'accelerator', 'support_network'], 0.6],
	investor: [['funder'], 0.7],
	journalist: [['media'], 0.8],
	elected: [['public_body'], 0.3],
	entrepreneur: [['startup', 'company'], 0.15]
};

const sinceYear = (rng: Rng, e: PlannedEntity, from = 2008) => String(Math.max(e.foundedYear ?? from, rng.int(from, LAST_YEAR - 1)));

/** Staff, leaders, partnerships, memberships, events, then more of the same up to the target count. */
export class NetworkRelations {
	constructor(
		private readonly rng: Rng,
		private readonly pools: Pools,
		private readonly book: RelationBook
	) {}

	/** Returns the researchers of each lab / university, for spin-offs. */
	staff(): Map<number, PlannedEntity[]> {
		const teams = new Map<number, PlannedEntity[]>();
		for (const [category, [targets, probability]] of Object.entries(WORKPLACES)) {
			for (const person of this.pools.of(category)) {
				if (!this.rng.chance(probability)) continue;
				const place = this.pools.near(person, targets, { scaleKm: 25, spreadUse: 0.2 });
				if (!place || !this.book.add('works_at', person, place, { start: sinceYear(this.rng, place, 2005) })) continue;
				const team = teams.get(place.ref) ?? [];
				team.push(person);
				teams.set(place.ref, team);
			}
		}
		return teams;
	}

	leaders(): void {
		for (const org of this.pools.of(...STRUCTURES, ...THIRD_PLACES)) {
			if (!this.rng.chance(0.8)) continue;
			const categories = LEADER_CATEGORIES[org.category] ?? ['mentor', 'entrepreneur'];
			const boss = this.pools.near(org, categories, { scaleKm: 20, spreadUse: 1 });
			if (boss) this.book.add('leads', this.pools.use(boss), org, { start: sinceYear(this.rng, org, 2010) });
		}
	}

	/** Partnerships between structures, networks of third-places, public money for third-places. */
	networks(): void {
		const { rng, pools, book } = this;
		for (const org of pools.of(...PARTNERS)) {
			const n = rng.count(1.2, 4);
			for (let i = 0; i < n; i++) {
				const partner = pools.near(org, PARTNERS, { scaleKm: 30, exclude: (e) => e.category === org.category && rng.chance(0.7) });
				if (partner)
					book.add('partner_of', org, partner, {
						start: sinceYear(rng, later(org, partner), 2012),
						description: rng.pick(['Convention de partenariat', 'Programme commun', ''])
					});
			}
		}
		for (const lab of pools.of('lab')) {
			const n = rng.count(1, 3);
			for (let i = 0; i < n; i++) {
				const company = pools.near(lab, ['company', 'large_company', 'startup'], { scaleKm: 60 });
				if (company) book.add('partner_of', company, lab, { start: sinceYear(rng, later(lab, company), 2012), description: 'Contrat de recherche' });
			}
		}
		for (const place of pools.of(...THIRD_PLACES)) {
			if (rng.chance(0.45)) {
				const network = pools.near(place, ['support_network', 'association'], { scaleKm: 35 });
				if (network) book.add('member_of', place, network, { start: sinceYear(rng, later(place, network), 2015) });
			}
			if (rng.chance(0.4)) {
				const body = pools.near(place, ['public_body'], { scaleKm: 35 });
				if (body) book.add('funded_by', place, body, { start: sinceYear(rng, place, 2016), description: 'Aide au démarrage du tiers-lieu' });
			}
		}
		for (const org of pools.of('incubator', 'accelerator', 'startup', 'company')) {
			if (!rng.chance(org.category === 'startup' || org.category === 'company' ? 0.1 : 0.5)) continue;
			const network = pools.near(org, ['support_network', 'cluster'], { scaleKm: 60 });
			if (network) book.add('member_of', org, network, { start: sinceYear(rng, later(org, network), 2012) });
		}
		for (const person of pools.of('entrepreneur', 'investor', 'mentor')) {
			if (!rng.chance(0.25)) continue;
			const network = pools.near(person, ['association', 'support_network'], { scaleKm: 40 });
			if (network) book.add('member_of', person, network, { start: sinceYear(rng, network, 2012) });
		}
	}

	/** Each event: its venue, one or two organisers, participants from around. */
	events(participants: [min: number, max: number] = [6, 12], organisations: [min: number, max: number] = [2, 5]): void {
		const { rng, pools, book } = this;
		for (const event of pools.of('meetup', 'conference', 'hackathon', 'training', 'pitch')) {
			const venue = event.venue;
			const date = event.eventDay ? formatDay(event.eventDay, 2) : null;
			if (venue) book.add('takes_place_at', event, venue, { start: date, confirmed: 0.7 });
			if (venue && rng.chance(0.6)) book.add('organises', venue, event, { start: date });
			if (rng.chance(0.8) || !venue) {
				const org = pools.near(event, ORGANISERS, { scaleKm: 40 });
				if (org) book.add('organises', org, event, { start: date });
			}
			if (rng.chance(0.3)) {
				const person = pools.near(event, ['elected', 'mentor', 'entrepreneur'], { scaleKm: 30 });
				if (person) book.add('organises', person, event, { start: date });
			}
			const people = rng.int(...participants);
			for (let i = 0; i < people; i++) {
				const p = pools.near(event, ['entrepreneur', 'entrepreneur', 'researcher', 'mentor', 'investor', 'elected', 'journalist'], { scaleKm: 30 });
				if (p) book.add('participates_in', p, event, { start: date, confirmed: 0.2 });
			}
			const orgs = rng.int(...organisations);
			for (let i = 0; i < orgs; i++) {
				const o = pools.near(event, ['startup', 'startup', 'company', 'incubator', 'lab'], { scaleKm: 40 });
				if (o) book.add('participates_in', o, event, { start: date, confirmed: 0.2 });
			}
		}
	}

	/** Adds everyday links (events, memberships, mentoring, partnerships, jobs) until `target`. */
	fill(target: number): void {
		const { rng, pools, book } = this;
		const makers: [RelationType, number, () => boolean][] = [
			[
				'participates_in',
				0.35,
				() => {
					const event = pools.random('meetup', 'conference', 'hackathon', 'training', 'pitch');
					const who = event && pools.near(event, ['entrepreneur', 'researcher', 'mentor', 'investor', 'startup', 'company'], { scaleKm: 30 });
					return !!(event && who && book.add('participates_in', who, event, { start: event.eventDay ? formatDay(event.eventDay, 2) : null }));
				}
			],
			[
				'member_of',
				0.2,
				() => {
					const who = pools.random('startup', 'company', 'entrepreneur', 'coworking', 'rural_third_place', 'fablab');
					const network = who && pools.near(who, ['cluster', 'support_network', 'association'], { scaleKm: 35 });
					return !!(who && network && book.add('member_of', who, network, { start: sinceYear(rng, later(who, network), 2012) }));
				}
			],
			[
				'mentored_by',
				0.15,
				() => {
					const who = pools.random('entrepreneur', 'startup');
					const mentor = who && pools.near(who, ['mentor', 'support_network'], { scaleKm: 30 });
					return !!(who && mentor && book.add('mentored_by', who, mentor, { start: sinceYear(rng, who, 2015) }));
				}
			],
			[
				'partner_of',
				0.15,
				() => {
					const org = pools.random(...PARTNERS, 'company', 'startup');
					const partner = org && pools.near(org, [...PARTNERS, 'company'], { scaleKm: 40 });
					return !!(org && partner && book.add('partner_of', org, partner, { start: sinceYear(rng, later(org, partner), 2012) }));
				}
			],
			[
				'works_at',
				0.15,
				() => {
					const who = pools.random('entrepreneur', 'researcher', 'mentor');
					const place = who && pools.near(who, ['startup', 'company', 'large_company', 'lab', 'university', 'coworking'], { scaleKm: 25 });
					return !!(who && place && book.add('works_at', who, place, { start: sinceYear(rng, place, 2010) }));
				}
			]
		];
		const weights = makers.map(([, w]) => w);
		let misses = 0;
		while (book.size < target && misses < 10 * target) {
			const [, , make] = makers[rng.weightedIndex(weights)] as (typeof makers)[number];
			if (!make()) misses++;
		}
	}
}

/** The younger of two actors: a link between them cannot predate it. */
function later(a: PlannedEntity, b: PlannedEntity): PlannedEntity {
	return (a.foundedYear ?? 0) >= (b.foundedYear ?? 0) ? a : b;
}
