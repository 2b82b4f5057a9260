import { and, eq, sql } from 'drizzle-orm';
import { withArticle } from '$lib/domain/french';
import type { Db } from '../db';
import { entities, territories } from '../db/schema';
import { insertStory, insertStoryRevision, replaceSteps, setFeaturedActors, slugTakenByStory } from '../repos/story.repo';

/*
 * Two fictional example récits (issue 20) so a fresh install shows the feature: one about a territory (the Cantal's
 * agrifood and who funds it), one about a pathway (a demo startup from its incubator to its funders). Their views
 * are addresses of the site's own pages, chosen from the demo data just written.
 */

const PUBLISHED = '2026-11-20T09:00:00.000Z';
const CANTAL = 'at=45.0300,2.6500,8.4';

interface Step {
	text: string;
	view: string;
}

function write(db: Db, story: { slug: string; title: string; subtitle: string; intro: string; steps: Step[]; actors: number[] }): void {
	// A second demo beside the first keeps its addresses apart.
	let slug = story.slug;
	for (let n = 2; slugTakenByStory(db, slug); n++) slug = `${story.slug}-${n}`;
	const id = insertStory(db, {
		slug,
		title: story.title,
		subtitle: story.subtitle,
		author: 'Rédaction du Connecteur (exemple fictif)',
		intro: story.intro,
		status: 'published',
		publishedAt: PUBLISHED,
		isDemo: true
	});
	replaceSteps(
		db,
		id,
		story.steps.map((s) => ({ ...s, frozenData: null }))
	);
	setFeaturedActors(db, id, story.actors);
	insertStoryRevision(db, {
		storyId: id,
		version: 1,
		snapshot: JSON.stringify({ slug, title: story.title, steps: story.steps }),
		authorLabel: 'Données de démonstration',
		reason: 'Récit de démonstration (fictif)'
	});
}

/** A demo startup with both an incubator and a funder, the Cantal's agrifood ones first. */
function pathwaySubject(db: Db) {
	const rows = db
		.select({
			id: entities.id,
			slug: entities.slug,
			name: entities.name,
			kind: entities.kind,
			category: entities.category,
			departement: territories.departementCode,
			agrifood: sql<number>`instr(${entities.sectors}, '"agrifood"') > 0`,
			incubator: sql<
				number | null
			>`(select r.target_id from relations r where r.source_id = ${entities.id} and r.type = 'incubated_by' and r.deleted_at is null limit 1)`,
			funder: sql<
				number | null
			>`(select r.target_id from relations r where r.source_id = ${entities.id} and r.type = 'funded_by' and r.deleted_at is null limit 1)`
		})
		.from(entities)
		.leftJoin(territories, eq(territories.code, entities.communeCode))
		.where(and(eq(entities.isDemo, true), eq(entities.category, 'startup'), sql`${entities.deletedAt} is null`))
		.orderBy(entities.id)
		.all()
		.filter((r) => r.incubator !== null && r.funder !== null);
	return rows.find((r) => r.departement === '15' && r.agrifood) ?? rows.find((r) => r.agrifood) ?? rows[0];
}

/** The funders of the Cantal's demo agrifood actors: the territorial récit features them. */
function cantalFunders(db: Db): number[] {
	return db
		.all<{ id: number }>(
			sql`select distinct r.target_id as id from relations r join entities e on e.id = r.source_id join territories t on t.code = e.commune_code
				where r.type = 'funded_by' and r.deleted_at is null and e.is_demo = 1 and t.departement_code = '15' and instr(e.sectors, '"agrifood"') > 0
				order by r.target_id limit 6`
		)
		.map((r) => r.id);
}

function nameOf(db: Db, id: number) {
	return db
		.select({ id: entities.id, slug: entities.slug, name: entities.name, kind: entities.kind, category: entities.category })
		.from(entities)
		.where(eq(entities.id, id))
		.get();
}

export function seedStories(db: Db): number {
	write(db, {
		slug: 'qui-finance-l-agroalimentaire-du-cantal-exemple',
		title: 'Qui finance l’agroalimentaire du Cantal ? (exemple)',
		subtitle: 'Des fromageries aux startups de la filière, les structures qui accompagnent et financent, sur la carte et dans le réseau.',
		intro: 'Ce récit est un **exemple fictif** bâti sur les données de démonstration. Faites défiler : la carte et le réseau suivent le texte.',
		steps: [
			{
				text: 'Dans le Cantal, les acteurs de l’agroalimentaire sont dispersés dans les bassins ruraux, d’Aurillac à Saint-Flour.',
				view: `/carte?sector=agrifood&territory=15&${CANTAL}`
			},
			{ text: 'Rapportés à la population, ils pèsent plus qu’ailleurs en Auvergne.', view: `/carte?sector=agrifood&stat=rate&level=epci&${CANTAL}` },
			{
				text: 'Qui les finance ? Les relations « financé par » dessinent un petit nombre de guichets.',
				view: '/reseau?sector=agrifood&territory=15&type=funded_by'
			},
			{
				text: 'Les structures d’accompagnement du Cantal, et leurs liens avec la filière.',
				view: `/explorer?sector=agrifood&territory=15&type=funded_by&type=incubated_by&${CANTAL}`
			},
			{ text: 'Où vont les projets de la filière, étape après étape ?', view: '/parcours/flux?sector=agrifood&departement=15' }
		],
		actors: cantalFunders(db)
	});
	const subject = pathwaySubject(db);
	if (!subject) return 1;
	const incubator = nameOf(db, subject.incubator!);
	const funder = nameOf(db, subject.funder!);
	if (!incubator || !funder) return 1;
	write(db, {
		slug: `le-parcours-de-${subject.slug}-exemple`.slice(0, 100),
		title: `De l’idée au marché : le parcours de ${subject.name} (exemple)`,
		subtitle: `Accompagnée par ${withArticle(incubator)}, financée par ${withArticle(funder)} : une trajectoire de l’écosystème auvergnat.`,
		intro: `Un **exemple fictif** : [${subject.name}](/acteurs/${subject.slug}), une startup des données de démonstration.`,
		steps: [
			{ text: `Le parcours de ${subject.name}, étape par étape.`, view: `/acteurs/${subject.slug}` },
			{ text: `Sur la carte : ${subject.name} et les structures à moins de 30 km.`, view: `/carte?actor=${subject.id}` },
			{ text: `Dans le réseau, le chemin qui mène de ${subject.name} à ${withArticle(funder)}.`, view: `/reseau?from=${subject.id}&to=${funder.id}` },
			{ text: `L’entourage de ${withArticle(incubator)}, à deux pas.`, view: `/reseau?focus=${incubator.id}&depth=2&actor=${incubator.id}` }
		],
		actors: [subject.id, incubator.id, funder.id]
	});
	return 2;
}
