import type { EntityKind, Offer, Stage } from '$lib/domain/vocabulary';
import type { Spread } from './geography';
import type { Rng } from './random';

/** What a category looks like in the demo: how many, where, which stages and offers, how old. */
export interface CategoryProfile {
	kind: EntityKind;
	category: string;
	/** Count in the base demo (about 520 entities). */
	count: number;
	spread: Spread;
	/** Stages and offers always present, then extras drawn with probability 0.35 each. */
	stages?: { core: Stage[]; extra?: Stage[] };
	offers?: { core: Offer[]; extra?: Offer[] };
	sectors: [min: number, max: number];
	founded?: [from: number, to: number];
	/** > 1: founding years lean towards the recent end of the range (there are more young startups). */
	recentBias?: number;
	/** Place the first ones one per département, so every département has its own. */
	everyDepartement?: boolean;
}

const profile = (p: CategoryProfile) => p;

export const PROFILES: CategoryProfile[] = [
	// Support structures (60)
	profile({
		kind: 'organisation',
		category: 'incubator',
		count: 7,
		spread: 'urban',
		everyDepartement: true,
		stages: { core: ['emergence', 'creation'] },
		offers: { core: ['mentoring', 'hosting'], extra: ['training', 'networking', 'expertise'] },
		sectors: [0, 3],
		founded: [1998, 2019]
	}),
	profile({
		kind: 'organisation',
		category: 'accelerator',
		count: 4,
		spread: 'urban',
		stages: { core: ['development', 'growth'] },
		offers: { core: ['mentoring', 'market_access'], extra: ['networking', 'funding', 'expertise'] },
		sectors: [0, 2],
		founded: [2012, 2021]
	}),
	profile({
		kind: 'organisation',
		category: 'funder',
		count: 9,
		spread: 'urban',
		everyDepartement: true,
		stages: { core: ['creation'], extra: ['emergence', 'development', 'growth'] },
		offers: { core: ['funding'], extra: ['expertise', 'networking'] },
		sectors: [0, 3],
		founded: [1985, 2020]
	}),
	profile({
		kind: 'organisation',
		category: 'public_body',
		count: 8,
		spread: 'urban',
		everyDepartement: true,
		stages: { core: ['creation', 'development'], extra: ['emergence', 'growth'] },
		offers: { core: ['funding', 'networking'], extra: ['expertise', 'hosting'] },
		sectors: [0, 2],
		founded: [1970, 2017]
	}),
	profile({
		kind: 'organisation',
		category: 'support_network',
		count: 7,
		spread: 'urban',
		everyDepartement: true,
		stages: { core: ['creation', 'development'], extra: ['emergence'] },
		offers: { core: ['mentoring', 'networking'], extra: ['training', 'funding'] },
		sectors: [0, 2],
		founded: [1990, 2020]
	}),
	profile({
		kind: 'organisation',
		category: 'cluster',
		count: 6,
		spread: 'urban',
		stages: { core: ['development', 'growth'] },
		offers: { core: ['networking', 'market_access'], extra: ['expertise', 'training'] },
		sectors: [1, 1],
		founded: [2005, 2020]
	}),
	profile({
		kind: 'organisation',
		category: 'lab',
		count: 8,
		spread: 'urban',
		stages: { core: ['emergence'] },
		offers: { core: ['expertise'], extra: ['equipment'] },
		sectors: [1, 2],
		founded: [1975, 2018]
	}),
	profile({
		kind: 'organisation',
		category: 'university',
		count: 5,
		spread: 'urban',
		stages: { core: ['emergence'] },
		offers: { core: ['training', 'expertise'], extra: ['equipment', 'hosting'] },
		sectors: [1, 3],
		founded: [1960, 2010]
	}),
	profile({
		kind: 'organisation',
		category: 'association',
		count: 4,
		spread: 'spread',
		stages: { core: ['emergence', 'creation'] },
		offers: { core: ['networking'], extra: ['mentoring', 'training'] },
		sectors: [0, 2],
		founded: [1995, 2022]
	}),
	profile({ kind: 'organisation', category: 'media', count: 2, spread: 'urban', sectors: [1, 1], founded: [1990, 2020] }),
	// Third-places (40), spread over the territory, rural ones in small communes
	profile({
		kind: 'third_place',
		category: 'coworking',
		count: 10,
		spread: 'spread',
		everyDepartement: true,
		stages: { core: ['creation', 'development'] },
		offers: { core: ['hosting', 'networking'], extra: ['training'] },
		sectors: [0, 2],
		founded: [2008, 2022]
	}),
	profile({
		kind: 'third_place',
		category: 'fablab',
		count: 7,
		spread: 'spread',
		everyDepartement: true,
		stages: { core: ['emergence', 'creation'] },
		offers: { core: ['equipment', 'training'], extra: ['hosting', 'networking'] },
		sectors: [1, 2],
		founded: [2008, 2022]
	}),
	profile({
		kind: 'third_place',
		category: 'living_lab',
		count: 3,
		spread: 'spread',
		stages: { core: ['emergence', 'creation'] },
		offers: { core: ['expertise', 'market_access'], extra: ['networking'] },
		sectors: [1, 2],
		founded: [2014, 2022]
	}),
	profile({
		kind: 'third_place',
		category: 'makerspace',
		count: 5,
		spread: 'spread',
		stages: { core: ['emergence'] },
		offers: { core: ['equipment'], extra: ['training', 'hosting'] },
		sectors: [0, 2],
		founded: [2010, 2022]
	}),
	profile({
		kind: 'third_place',
		category: 'rural_third_place',
		count: 10,
		spread: 'rural',
		everyDepartement: true,
		stages: { core: ['emergence', 'creation'] },
		offers: { core: ['hosting', 'networking'], extra: ['equipment', 'training'] },
		sectors: [0, 2],
		founded: [2010, 2022]
	}),
	profile({
		kind: 'third_place',
		category: 'incubation_space',
		count: 5,
		spread: 'spread',
		everyDepartement: true,
		stages: { core: ['creation', 'development'] },
		offers: { core: ['hosting', 'mentoring'], extra: ['networking'] },
		sectors: [0, 2],
		founded: [1995, 2020]
	}),
	// Startups and companies (150)
	profile({ kind: 'organisation', category: 'startup', count: 95, spread: 'urban', sectors: [1, 2], founded: [2012, 2024], recentBias: 1.3 }),
	profile({ kind: 'organisation', category: 'company', count: 45, spread: 'urban', sectors: [1, 2], founded: [1955, 2018] }),
	profile({ kind: 'organisation', category: 'large_company', count: 10, spread: 'urban', sectors: [1, 2], founded: [1900, 1995] }),
	// People (250)
	profile({ kind: 'person', category: 'entrepreneur', count: 130, spread: 'urban', sectors: [0, 0] }),
	profile({ kind: 'person', category: 'researcher', count: 40, spread: 'urban', sectors: [0, 0] }),
	profile({ kind: 'person', category: 'mentor', count: 30, spread: 'urban', sectors: [0, 0] }),
	profile({ kind: 'person', category: 'investor', count: 20, spread: 'urban', sectors: [0, 0] }),
	profile({ kind: 'person', category: 'elected', count: 17, spread: 'spread', sectors: [0, 0] }),
	profile({ kind: 'person', category: 'journalist', count: 13, spread: 'urban', sectors: [0, 0] }),
	// Events (20)
	profile({ kind: 'event', category: 'meetup', count: 5, spread: 'spread', sectors: [0, 1] }),
	profile({ kind: 'event', category: 'conference', count: 4, spread: 'urban', sectors: [0, 1] }),
	profile({ kind: 'event', category: 'hackathon', count: 3, spread: 'urban', sectors: [1, 1] }),
	profile({ kind: 'event', category: 'training', count: 4, spread: 'spread', sectors: [0, 1] }),
	profile({ kind: 'event', category: 'pitch', count: 4, spread: 'urban', sectors: [0, 1] })
];

export const BASE_ENTITY_COUNT = PROFILES.reduce((s, p) => s + p.count, 0);

/** Relations per entity: the base demo has about 1,500 relations; bigger ecosystems are denser. */
export const BASE_RELATIONS_PER_ENTITY = 1500 / BASE_ENTITY_COUNT;
export const SCALED_RELATIONS_PER_ENTITY = 5;

export function drawTerms<T extends string>(rng: Rng, spec: { core: T[]; extra?: T[] } | undefined): T[] {
	if (!spec) return [];
	return [...spec.core, ...(spec.extra ?? []).filter(() => rng.chance(0.35))];
}

export function drawFoundedYear(rng: Rng, profile: CategoryProfile): number | null {
	if (!profile.founded) return null;
	const [from, to] = profile.founded;
	if (!profile.recentBias) return rng.int(from, to);
	return to - Math.floor(Math.pow(rng.next(), profile.recentBias) * (to - from + 1));
}
