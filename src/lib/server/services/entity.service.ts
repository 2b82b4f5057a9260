import { categoryLabel, kindLabel, offerLabel, relationType, sectorLabel, stageLabel } from '$lib/domain/vocabulary';
import { relationHeading } from '$lib/domain/french';
import { withoutRepeatedFacts, type PortraitFact } from '$lib/domain/portrait-description';
import type { Db } from '../db';
import type { EntityRow } from '../db/schema';
import { findEntityById, findEntityBySlug } from '../repos/entity.repo';
import { relationsOf, type RelationWithEnds } from '../repos/relation.repo';
import { sourcingArticles, type SourceArticle } from '../repos/article.repo';
import { findTerritorySummaries } from '../repos/territory.repo';
import { renderMarkdown } from '../markdown';
import { IMAGE_WIDTHS, imageUrl, isImageKey } from '$lib/domain/listing-image';
import { NotFoundError } from './errors';
import { m } from '$lib/paraglide/messages';

export interface TerritoryCrumb {
	code: string;
	kind: string;
	name: string;
}

export interface RelationGroup {
	/** Relation type and reading direction, e.g. 'incubated_by:out'. */
	key: string;
	label: string;
	relations: (RelationWithEnds & { otherKindLabel: string; otherCategoryLabel: string; sourceArticle: SourceArticle | null })[];
}

/** commune › EPCI › département, from the commune up. */
export function territoryBreadcrumb(db: Db, communeCode: string | null): TerritoryCrumb[] {
	const crumbs: TerritoryCrumb[] = [];
	let code = communeCode;
	for (let depth = 0; code && depth < 4; depth++) {
		const [t] = findTerritorySummaries(db, [code]);
		if (!t || t.kind === 'region') break;
		crumbs.push({ code: t.code, kind: t.kind, name: t.name });
		code = t.parentCode;
	}
	return crumbs;
}

/** The actor's relations by type and reading direction, each group headed in French from the actor's side (« Incubée par », « Projets incubés »). */
function groupRelations(
	list: RelationWithEnds[],
	entity: Pick<EntityRow, 'name' | 'kind' | 'category'>,
	articles: Map<number, SourceArticle> = new Map()
): RelationGroup[] {
	const groups = new Map<string, RelationGroup>();
	for (const r of list) {
		const symmetric = relationType(r.type)?.symmetric ?? false;
		const direction = symmetric ? 'out' : r.direction;
		const key = `${r.type}:${direction}`;
		const label = relationHeading(r.type, direction, entity);
		const group = groups.get(key) ?? { key, label, relations: [] };
		group.relations.push({
			...r,
			otherKindLabel: kindLabel(r.otherKind),
			otherCategoryLabel: categoryLabel(r.otherCategory),
			sourceArticle: articles.get(r.id) ?? null
		});
		groups.set(key, group);
	}
	return [...groups.values()];
}

/** Public contact details of a person only when they agreed; organisations' contacts are public. */
export function publicContact(e: Pick<EntityRow, 'kind' | 'email' | 'phone' | 'contactPublic'>) {
	const allowed = e.kind !== 'person' || e.contactPublic;
	return allowed ? { email: e.email, phone: e.phone } : { email: null, phone: null };
}

/** An event's venue as the public sees it: a live, published third-place of the directory, or nothing. */
export interface VenueRef {
	id: number;
	slug: string;
	name: string;
}

/** The logo or photo: every size at its absolute path (`/images/<key>/<width>`), and the text read in its place. */
export function publicImage(e: Pick<EntityRow, 'imageKey' | 'imageAlt'>) {
	if (!e.imageKey || !isImageKey(e.imageKey)) return null;
	const key = e.imageKey;
	return { alt: e.imageAlt ?? '', url: imageUrl(key, 480), sizes: IMAGE_WIDTHS.map((width) => ({ width, url: imageUrl(key, width) })) };
}

/** The venue of an event, when it is a visible listing (a deleted or unpublished one is not named). */
export function publicVenue(db: Db, venueId: number | null): VenueRef | null {
	const venue = venueId ? findEntityById(db, venueId) : undefined;
	return venue ? { id: venue.id, slug: venue.slug, name: venue.name } : null;
}

export function publicEntity(e: EntityRow, venue: VenueRef | null = null) {
	return {
		id: e.id,
		slug: e.slug,
		kind: e.kind,
		kindLabel: kindLabel(e.kind),
		category: e.category,
		categoryLabel: categoryLabel(e.category),
		name: e.name,
		summary: e.summary,
		description: e.description,
		website: e.website,
		siret: e.siret,
		sectors: e.sectors.map((code) => ({ code, label: sectorLabel(code) })),
		stages: e.stages.map((code) => ({ code, label: stageLabel(code) })),
		offers: e.offers.map((code) => ({ code, label: offerLabel(code) })),
		address: e.address,
		communeCode: e.communeCode,
		lon: e.lon,
		lat: e.lat,
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
		venue: e.venueId && venue?.id === e.venueId ? venue : null,
		image: publicImage(e),
		openingHours: e.openingHours,
		accessTransport: e.accessTransport,
		accessibility: e.accessibility,
		equipment: e.equipment,
		...publicContact(e),
		isDemo: e.isDemo,
		lastVerifiedAt: e.lastVerifiedAt,
		updatedAt: e.updatedAt
	};
}
export type PublicEntity = ReturnType<typeof publicEntity>;

/** Finds an entity by numeric id or slug (API accepts both). */
export function findEntity(db: Db, idOrSlug: string): EntityRow {
	const entity = /^\d+$/.test(idOrSlug) ? findEntityById(db, Number(idOrSlug)) : findEntityBySlug(db, idOrSlug);
	if (!entity) throw new NotFoundError(m.errors_no_actor({ ref: idOrSlug }));
	return entity;
}

/** What an actor's page shows outside its description (its sidebar and relations): the description need not repeat it. */
function shownFacts(e: PublicEntity, relations: RelationWithEnds[]): Set<PortraitFact> {
	const shown = new Set<PortraitFact>();
	if (e.address || e.communeCode || relations.some((r) => r.type === 'takes_place_at' && r.direction === 'out')) shown.add('place');
	if (e.foundedYear) shown.add('founded');
	if (e.sectors.length) shown.add('sectors');
	if (e.stages.length) shown.add('stages');
	if (e.offers.length) shown.add('offers');
	if (e.startsAt) shown.add('date');
	if (e.website) shown.add('website');
	if (e.email) shown.add('email');
	if (e.phone) shown.add('phone');
	if (e.isDemo) shown.add('demo');
	return shown;
}

export function getPortrait(db: Db, idOrSlug: string) {
	const entity = findEntity(db, idOrSlug);
	const relations = relationsOf(db, entity.id);
	const pub = publicEntity(entity);
	return {
		entity: pub,
		// Each fact once: the lead and the sidebar are not repeated by the description.
		descriptionHtml: renderMarkdown(
			withoutRepeatedFacts(entity.description, { name: entity.name, summary: entity.summary, shown: shownFacts(pub, relations) })
		),
		breadcrumb: territoryBreadcrumb(db, entity.communeCode),
		relationGroups: groupRelations(
			relations,
			entity,
			sourcingArticles(
				db,
				relations.map((r) => r.id)
			)
		),
		relationCount: relations.length,
		image: entity.imageKey && entity.imageAlt ? { key: entity.imageKey, alt: entity.imageAlt } : null
	};
}

export function getEntityWithRelations(db: Db, idOrSlug: string) {
	const entity = findEntity(db, idOrSlug);
	return { ...publicEntity(entity, publicVenue(db, entity.venueId)), relations: relationsOf(db, entity.id) };
}
