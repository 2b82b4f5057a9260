import { and, eq, inArray, sql } from 'drizzle-orm';
import { capitalise, inTerritory, nounPhrase, withArticle, withPreposition } from '$lib/domain/french';
import { sectorLabel } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { articleMentions, articleRelations, articles, entities, relations, territories } from '../db/schema';
import { Rng } from './random';

/*
 * A few dozen fictional articles (issue 20) so a fresh install shows press coverage: portraits by Le Connecteur,
 * pieces from invented outlets, each tied to the demo actors it names, some sourcing the relation they tell of
 * (a funding, an incubation). Every title is phrased by the French module (« avec la Couveuse », « à Aurillac »).
 * A quarter also name a neighbour left « à confirmer », so the editors' queue has work.
 */

const HOME = 'Le Connecteur';
/** Invented outlets, on the reserved .example domain: nothing here points to a real site. */
const OUTLETS = [
	{ name: 'Le Courrier des Puys', host: 'courrier-des-puys.example' },
	{ name: 'Volcans Hebdo', host: 'volcans-hebdo.example' },
	{ name: 'L’Écho du Livradois', host: 'echo-du-livradois.example' }
];

interface Actor {
	id: number;
	name: string;
	kind: string;
	category: string;
	sectors: string[];
	commune: string | null;
	departement: string | null;
}

interface Planned {
	title: string;
	excerpt: string;
	body: string;
	date: string;
	outlet: (typeof OUTLETS)[number] | null;
	covered: Actor[];
	proposed: Actor | null;
	relationId: number | null;
}

function demoActors(db: Db): Actor[] {
	const rows = db
		.select({
			id: entities.id,
			name: entities.name,
			kind: entities.kind,
			category: entities.category,
			sectors: entities.sectors,
			commune: territories.name,
			departement: territories.departementCode
		})
		.from(entities)
		.leftJoin(territories, eq(territories.code, entities.communeCode))
		.where(and(eq(entities.isDemo, true), sql`${entities.deletedAt} is null`, inArray(entities.kind, ['organisation', 'third_place'])))
		.orderBy(entities.id)
		.all();
	return rows.map((r) => ({ ...r, sectors: r.sectors ?? [] }));
}

function demoRelations(db: Db, types: string[]) {
	return db
		.select({ id: relations.id, type: relations.type, sourceId: relations.sourceId, targetId: relations.targetId, startDate: relations.startDate })
		.from(relations)
		.where(and(eq(relations.isDemo, true), sql`${relations.deletedAt} is null`, inArray(relations.type, types as never[])))
		.orderBy(relations.id)
		.all();
}

const where = (a: Actor) => (a.commune ? inTerritory(a.commune, 'commune') : 'en Auvergne');
const sector = (a: Actor) => (a.sectors[0] ? sectorLabel(a.sectors[0]).toLowerCase() : 'innovation');

function dayOf(rng: Rng, partial: string | null): string {
	if (partial && /^\d{4}/.test(partial)) {
		const [y, mo] = partial.split('-');
		return `${y}-${mo ?? String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
	}
	return `${rng.int(2019, 2026)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

const slugOf = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);

function funding(rng: Rng, startup: Actor, funder: Actor, startDate: string | null, relationId: number): Planned {
	// « les Prêts d'honneur du Bourbonnais soutiennent », « la Caisse solidaire soutient ».
	const plural = nounPhrase(funder).plural;
	return {
		title: `${capitalise(sector(startup))}${'\u00a0'}: ${withArticle(funder)} ${plural ? 'soutiennent' : 'soutient'} ${startup.name} ${where(startup)}`,
		excerpt: `${capitalise(withArticle(funder))} ${plural ? 'accompagnent' : 'accompagne'} financièrement ${startup.name}, ${where(startup)}. Récit d’un tour de table local.`,
		body: `${startup.name} a convaincu ${withArticle(funder)}. Le projet, né ${where(startup)}, veut rester ancré dans son territoire. Les fondateurs de ${startup.name} racontent.`,
		date: dayOf(rng, startDate),
		outlet: rng.chance(0.35) ? OUTLETS[rng.int(0, OUTLETS.length - 1)]! : null,
		covered: [startup, funder],
		proposed: null,
		relationId
	};
}

function incubation(rng: Rng, startup: Actor, incubator: Actor, startDate: string | null, relationId: number): Planned {
	return {
		title: `Comment ${startup.name} a grandi ${withPreposition('avec', incubator)}`,
		excerpt: `De l’idée au premier client${'\u00a0'}: le parcours de ${startup.name}, ${where(startup)}.`,
		body: `Quand ${startup.name} frappe à la porte ${withPreposition('de', incubator)}, le projet tient sur une page. Trois ans plus tard, ${startup.name} emploie ses premiers salariés.`,
		date: dayOf(rng, startDate),
		outlet: null,
		covered: [startup, incubator],
		proposed: null,
		relationId
	};
}

function portrait(rng: Rng, a: Actor): Planned {
	const place = a.kind === 'third_place';
	return {
		title: place ? `${capitalise(where(a))}, ${withArticle(a)} ouvre ses portes aux créateurs` : `Portrait${'\u00a0'}: ${a.name}, une aventure née ${where(a)}`,
		excerpt: place
			? `Coworking, ateliers, rencontres${'\u00a0'}: visite d’un tiers-lieu qui fait vivre son bassin.`
			: `Secteur ${sector(a)}${'\u00a0'}: rencontre avec une équipe qui a choisi l’Auvergne.`,
		body: place
			? `${capitalise(withArticle(a))} accueille chaque semaine des indépendants et des porteurs de projet ${where(a)}.`
			: `${a.name} travaille dans le secteur ${sector(a)} depuis ${where(a)}.`,
		date: dayOf(rng, null),
		outlet: rng.chance(0.3) ? OUTLETS[rng.int(0, OUTLETS.length - 1)]! : null,
		covered: [a],
		proposed: null,
		relationId: null
	};
}

/** Plans `count` articles: the Cantal's agrifood fundings first (the demo récit tells of them), then incubations, then portraits. */
function plan(db: Db, rng: Rng, count: number): Planned[] {
	const actors = demoActors(db);
	const byId = new Map(actors.map((a) => [a.id, a]));
	const out: Planned[] = [];
	const covered = new Set<number>();
	const funded = demoRelations(db, ['funded_by']).filter((r) => byId.has(r.sourceId) && byId.has(r.targetId));
	const cantalAgrifood = (r: { sourceId: number }) => byId.get(r.sourceId)!.departement === '15' && byId.get(r.sourceId)!.sectors.includes('agrifood');
	const fundings = [...funded.filter(cantalAgrifood), ...funded.filter((r) => !cantalAgrifood(r))];
	for (const r of fundings.slice(0, Math.ceil(count * 0.3))) {
		out.push(funding(rng, byId.get(r.sourceId)!, byId.get(r.targetId)!, r.startDate, r.id));
		covered.add(r.sourceId);
	}
	const incubations = demoRelations(db, ['incubated_by', 'accelerated_by']).filter(
		(r) => byId.has(r.sourceId) && byId.has(r.targetId) && !covered.has(r.sourceId)
	);
	for (const r of incubations.slice(0, Math.ceil(count * 0.25))) {
		out.push(incubation(rng, byId.get(r.sourceId)!, byId.get(r.targetId)!, r.startDate, r.id));
		covered.add(r.sourceId);
	}
	const rest = actors.filter((a) => !covered.has(a.id));
	while (out.length < count && rest.length) out.push(portrait(rng, rest.splice(rng.int(0, rest.length - 1), 1)[0]!));
	// A neighbour named in passing, left for an editor to confirm.
	for (const p of out) {
		if (!rng.chance(0.25)) continue;
		const other = actors[rng.int(0, actors.length - 1)]!;
		if (p.covered.some((c) => c.id === other.id)) continue;
		p.body += ` On croise aussi ${withArticle(other)} dans cette histoire.`;
		p.proposed = other;
	}
	return out;
}

/** Writes the planned articles (in the seed's transaction); returns how many. */
export function seedArticles(db: Db, rng: Rng, count: number): number {
	const planned = plan(db, rng, count);
	// A second demo beside the first (or articles an editor added) keeps its addresses apart.
	const used = new Set(
		db
			.select({ url: articles.url })
			.from(articles)
			.all()
			.map((a) => a.url)
	);
	for (const p of planned) {
		const outlet = p.outlet ?? { name: HOME, host: 'le-connecteur.example' };
		const address = (slug: string) => `https://${outlet.host}/${p.date.slice(0, 4)}/${slug}`;
		let slug = slugOf(p.title);
		while (used.has(address(slug))) slug += '-bis';
		used.add(address(slug));
		const id = db
			.insert(articles)
			.values({
				url: address(slug),
				title: p.title,
				publishedAt: p.date,
				outlet: outlet.name,
				author: outlet.name === HOME ? 'Rédaction du Connecteur' : null,
				excerpt: p.excerpt,
				language: 'fr',
				bodyText: p.body,
				isDemo: true
			})
			.returning({ id: articles.id })
			.get().id;
		for (const a of p.covered)
			db.insert(articleMentions).values({ articleId: id, entityId: a.id, status: 'confirmed', confidence: 1, phrase: a.name }).onConflictDoNothing().run();
		if (p.proposed)
			db.insert(articleMentions)
				.values({ articleId: id, entityId: p.proposed.id, status: 'proposed', confidence: 0.8, phrase: p.proposed.name })
				.onConflictDoNothing()
				.run();
		if (p.relationId) db.insert(articleRelations).values({ articleId: id, relationId: p.relationId }).onConflictDoNothing().run();
	}
	return planned.length;
}
