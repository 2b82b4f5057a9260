import { sql } from 'drizzle-orm';
import type { RelationInput } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { entities } from '../db/schema';
import { SYSTEM_ACTOR } from '$lib/history/revision';
import { createEntities, createRelations, type CreateContext } from '../services/entity-write.service';
import { planEntities } from './demo-ecosystem';
import { Geography, loadDepartementNames, loadSeedCommunes } from './geography';
import { SlugRegistry } from './names';
import { NetworkRelations } from './network-relations';
import { VenturePathways } from './pathways';
import { Pools } from './pools';
import { BASE_ENTITY_COUNT, BASE_RELATIONS_PER_ENTITY, SCALED_RELATIONS_PER_ENTITY } from './profiles';
import { Rng } from './random';
import { RelationBook } from './relation-book';
import { seedArticles } from './articles';
import { seedStories } from './stories';

export { clearEcosystem } from './reset';

export interface SeedOptions {
	/** Approximate number of entities (scale mode, e.g. 10000); omitted: the ~520-entity demo. */
	scale?: number;
	/** PRNG seed: the same seed gives the same ecosystem. */
	seed?: number;
}

export interface SeedResult {
	entities: number;
	relations: number;
	ms: number;
}

export const DEFAULT_SEED = 20_240_315;
const BATCH = 5_000;
/** Fictional press articles of the demo (issue 20), scaled with it. */
const ARTICLES_PER_DEMO = 36;
const SEED_CONTEXT: CreateContext = { actor: SYSTEM_ACTOR, reason: 'Données de démonstration générées (fictives)' };

export function isDatabaseEmpty(db: Db): boolean {
	return (
		db
			.select({ one: sql<number>`1` })
			.from(entities)
			.limit(1)
			.all().length === 0
	);
}

/**
 * Fills the database with a fictional but believable ecosystem (isDemo: true everywhere), through
 * the one write path (createEntities / createRelations). Requires the territories to be loaded:
 * every actor sits in a real commune, near the centroid read from the territories table.
 */
export function seedDemo(db: Db, options: SeedOptions = {}): SeedResult {
	const started = performance.now();
	const communes = loadSeedCommunes(db);
	if (communes.length === 0) {
		throw new Error("Aucune commune avec coordonnées en base : chargez d'abord les territoires (npm run territories:import) avant de générer la démo.");
	}
	const rng = new Rng(options.seed ?? DEFAULT_SEED);
	const existingSlugs = db
		.select({ slug: entities.slug })
		.from(entities)
		.all()
		.map((r) => r.slug);
	const factor = options.scale ? options.scale / BASE_ENTITY_COUNT : 1;

	const planned = planEntities({
		rng,
		geo: new Geography(communes),
		departementNames: loadDepartementNames(db),
		slugs: new SlugRegistry(existingSlugs),
		factor
	});

	const pools = new Pools(planned, rng);
	const book = new RelationBook(rng);
	const network = new NetworkRelations(rng, pools, book);
	const pathways = new VenturePathways(rng, pools, book);
	pathways.setStaff(network.staff());
	network.leaders();
	pathways.planAll();
	network.networks();
	network.events(options.scale ? [10, 30] : [6, 12], options.scale ? [3, 10] : [2, 5]);
	const perEntity = options.scale ? SCALED_RELATIONS_PER_ENTITY : BASE_RELATIONS_PER_ENTITY;
	network.fill(Math.round(planned.length * perEntity));

	return db.transaction((tx) => {
		const writer = tx as unknown as Db;
		const ids: number[] = [];
		for (let i = 0; i < planned.length; i += BATCH) {
			ids.push(
				...createEntities(
					writer,
					planned.slice(i, i + BATCH).map((e) => e.input),
					SEED_CONTEXT
				)
			);
		}
		const idOf = (ref: number) => ids[ref] as number;
		const relationInputs: RelationInput[] = book.items.map((r) => ({
			type: r.type,
			sourceId: idOf(r.source.ref),
			targetId: idOf(r.target.ref),
			startDate: r.startDate,
			endDate: r.endDate,
			description: r.description,
			source: r.citation,
			confirmation: r.confirmation,
			isDemo: true
		}));
		let relationCount = 0;
		for (let i = 0; i < relationInputs.length; i += BATCH) {
			relationCount += createRelations(writer, relationInputs.slice(i, i + BATCH), SEED_CONTEXT).length;
		}
		// Its own stream of numbers: adding articles leaves the actors and relations of a seed as they were.
		seedArticles(writer, new Rng((options.seed ?? DEFAULT_SEED) + 20), Math.min(2000, Math.round(ARTICLES_PER_DEMO * factor)));
		seedStories(writer);
		return { entities: ids.length, relations: relationCount, ms: Math.round(performance.now() - started) };
	});
}
