import { z } from '../zod';
import { CONFIRMATION_STATES, COORD_PRECISIONS, ENTITY_KINDS, OFFERS, STAGES, TERRITORY_KINDS } from '$lib/domain/vocabulary';
import { COMMUNE_MATCHES } from '$lib/geo/commune-match';
import { DISTANCE_KINDS, POINT_ACCURACIES } from '$lib/geo/distance-precision';

/**
 * The 200 bodies of /api/v1, as zod schemas: the OpenAPI document converts them (z.toJSONSchema), and
 * tests/integration/openapi-responses.spec.ts parses the real answers of the routes with them, so that a
 * documented field that disappears or changes type fails a test. Objects are not strict: a new field is
 * allowed, but every field written here must be there with this type.
 */

const int = z.number().int();
const count = int.min(0);
const lonLat = z.tuple([z.number(), z.number()]).describe('[longitude, latitude] (WGS 84).');
const kind = z.enum(ENTITY_KINDS).describe('Type d’acteur.');
/** A date as stored: `2019`, `2019-03` or `2019-03-14`. */
const partialDate = z.string().describe('Date partielle : 2019, 2019-03 ou 2019-03-14.');
const confirmation = z.enum(CONFIRMATION_STATES).describe('declared (déclarée), confirmed (confirmée par l’autre partie) ou disputed (contestée).');

// ---- GeoJSON (RFC 7946) ----

const position = z.array(z.number()).min(2).describe('[longitude, latitude].');
const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
const multiPolygonGeometry = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) });
const geometry = z.discriminatedUnion('type', [pointGeometry, polygonGeometry, multiPolygonGeometry]);
const bbox = z.array(z.number()).length(4).describe('[ouest, sud, est, nord].');

// ---- Actors ----

const entityListItem = z.object({
	id: int,
	slug: z.string(),
	kind,
	kindLabel: z.string(),
	category: z.string().describe('Code de catégorie (incubator, startup…).'),
	categoryLabel: z.string(),
	name: z.string(),
	summary: z.string(),
	sectors: z.array(z.string()),
	stages: z.array(z.string()),
	offers: z.array(z.string()),
	communeCode: z.string().nullable(),
	communeName: z.string().nullable(),
	foundedYear: int.nullable(),
	lon: z.number().nullable(),
	lat: z.number().nullable(),
	coordPrecision: z.enum(COORD_PRECISIONS).nullable().describe('address (adresse), commune (centre de la commune) ou manual.'),
	isDemo: z.boolean().describe('Donnée de démonstration.')
});

const coded = z.object({ code: z.string(), label: z.string() });

const venue = z
	.object({ id: int, slug: z.string(), name: z.string() })
	.nullable()
	.describe('Événements : le tiers-lieu de l’annuaire où il a lieu (null si aucun, ou si cette fiche n’est pas publiée).');
const image = z
	.object({
		alt: z.string().describe('Texte alternatif (ce que montre l’image).'),
		url: z.string().describe('Chemin absolu de la taille moyenne (480 px de large), à préfixer par l’origine du site.'),
		sizes: z.array(z.object({ width: int.describe('Largeur en pixels.'), url: z.string().describe('Chemin absolu, ex. /images/0123456789abcdef/160 (WebP).') }))
	})
	.nullable()
	.describe('Logo ou photo de la fiche, en WebP, à plusieurs largeurs (srcset), ou null.');
const practicalFields = {
	registrationUrl: z.string().nullable().describe('Événements : adresse web d’inscription.'),
	recurrence: z
		.string()
		.nullable()
		.describe('Événements : règle de répétition RFC 5545 (RRULE, heure de Paris), ex. « FREQ=MONTHLY;BYDAY=1TH » ; null s’il a lieu une fois.'),
	recurrenceExceptions: z.array(z.string()).describe('Événements : les jours (AAAA-MM-JJ) que la répétition saute.'),
	price: z.string().nullable().describe('Événements : le tarif, en mots.'),
	free: z.boolean().nullable().describe('Événements : gratuit (true), payant (false), non précisé (null).'),
	attendance: z.enum(['on_site', 'online', 'hybrid']).nullable().describe('Événements : sur place (on_site ou null), en ligne, ou les deux.'),
	openingHours: z
		.string()
		.nullable()
		.describe('Tiers-lieux : horaires d’ouverture, syntaxe OpenStreetMap `opening_hours` (ex. « Mo-Fr 09:00-18:00; Sa 10:00-13:00 »).'),
	accessTransport: z.string().nullable().describe('Tiers-lieux : venir en transports en commun.'),
	accessibility: z.string().nullable().describe('Tiers-lieux : accessibilité.'),
	equipment: z.string().nullable().describe('Tiers-lieux : équipements.')
};

/** The public fields of an actor (a person's contact details only when they agreed). */
const publicEntity = z.object({
	id: int,
	slug: z.string(),
	kind,
	kindLabel: z.string(),
	category: z.string(),
	categoryLabel: z.string(),
	name: z.string(),
	summary: z.string(),
	description: z.string().describe('Texte en Markdown.'),
	website: z.string().nullable(),
	siret: z.string().nullable(),
	sectors: z.array(coded),
	stages: z.array(coded),
	offers: z.array(coded),
	address: z.string().nullable(),
	communeCode: z.string().nullable(),
	lon: z.number().nullable(),
	lat: z.number().nullable(),
	coordPrecision: z.enum(COORD_PRECISIONS).nullable(),
	foundedYear: int.nullable(),
	startsAt: z.string().nullable().describe('Événements : début (date et heure ISO).'),
	endsAt: z.string().nullable(),
	...practicalFields,
	venue,
	image,
	email: z.string().nullable().describe('Pour une personne, seulement si elle l’a accepté.'),
	phone: z.string().nullable(),
	isDemo: z.boolean(),
	lastVerifiedAt: z.string().nullable(),
	updatedAt: z.string()
});

const relationWithEnds = z.object({
	id: int,
	type: z.string().describe('Type de relation (incubated_by, founded…).'),
	sourceId: int,
	targetId: int,
	startDate: partialDate.nullable(),
	endDate: partialDate.nullable(),
	description: z.string(),
	source: z.string().nullable().describe('Source de l’information (adresse web ou citation).'),
	confirmation,
	otherId: int,
	otherSlug: z.string(),
	otherName: z.string(),
	otherKind: z.string(),
	otherCategory: z.string(),
	direction: z.enum(['out', 'in']).describe('out : l’acteur est la source de la relation.')
});

export const entityListResponse = z.object({
	items: z.array(entityListItem),
	total: count.describe('Nombre d’acteurs du jeu filtré.'),
	next: z.string().nullable().describe('Curseur de la page suivante (paramètre cursor), null à la fin.')
});

/** /api/v1/events: one date of an event (a recurring event gives one item per date of the window). */
export const eventOccurrence = z.object({
	id: int.describe('Identifiant de l’événement (la série, pour un événement récurrent).'),
	slug: z.string(),
	name: z.string(),
	category: z.string(),
	startsAt: z.string().describe('Début de cette date, heure de Paris (AAAA-MM-JJTHH:MM:SS).'),
	endsAt: z.string().nullable().describe('Fin de cette date, heure de Paris.'),
	seriesStartsAt: z.string().describe('Première date de la série (égale à startsAt pour un événement unique).'),
	recurrence: z.string().nullable().describe('Règle RRULE de la série, ou null.'),
	price: z.string().nullable(),
	free: z.boolean().nullable(),
	attendance: z.enum(['on_site', 'online', 'hybrid']).nullable(),
	stages: z.array(z.string()),
	address: z.string().nullable(),
	communeName: z.string().nullable(),
	lon: z.number().nullable(),
	lat: z.number().nullable(),
	venue: z.object({ slug: z.string(), name: z.string() }).nullable().describe('Le tiers-lieu de l’annuaire où il a lieu.'),
	registrationUrl: z.string().nullable(),
	url: z.string().describe('Chemin de la page de l’événement sur le site.')
});

export const eventListResponse = z.object({
	items: z.array(eventOccurrence),
	total: count.describe('Nombre de dates de la fenêtre (au plus 2 000 sont comptées).'),
	next: int.nullable().describe('Valeur de `offset` de la page suivante, null à la fin.')
});

export const articleListResponse = z.object({
	items: z.array(
		z.object({
			id: int,
			url: z.string().describe('Adresse de l’article.'),
			title: z.string(),
			publishedAt: z.string().nullable().describe('Date de publication (aaaa-mm-jj).'),
			outlet: z.string().describe('Média (Le Connecteur par défaut).'),
			author: z.string().nullable(),
			excerpt: z.string(),
			imageUrl: z.string().nullable(),
			language: z.enum(['fr', 'en']),
			isDemo: z.boolean().describe('Article fictif des données de démonstration.'),
			actors: z.array(z.object({ slug: z.string(), name: z.string() })).describe('Acteurs de l’annuaire dont la rédaction a confirmé que l’article parle.')
		})
	),
	total: count,
	next: int.nullable().describe('Valeur de `offset` de la page suivante, null à la fin.')
});

export const entityResponse = publicEntity.extend({
	communeName: z.string().nullable().describe('Nom de la commune (communeCode est son code INSEE).'),
	relations: z.array(relationWithEnds)
});

export const searchResponse = z.object({
	items: z.array(
		z.object({
			id: int,
			slug: z.string(),
			name: z.string(),
			kind,
			kindLabel: z.string(),
			category: z.string(),
			categoryLabel: z.string(),
			communeName: z.string().nullable(),
			snippet: z
				.array(z.object({ text: z.string(), hit: z.boolean().describe('Passage qui correspond à la recherche.') }))
				.describe('Extrait, découpé en passages.')
		})
	),
	total: count
});

// ---- Map ----

const shortActor = z.object({
	id: int,
	slug: z.string(),
	name: z.string(),
	kind,
	kindLabel: z.string(),
	categoryLabel: z.string(),
	communeName: z.string().nullable()
});

export const mapPointsResponse = z.object({
	total: count,
	kinds: z.array(kind).describe('Types d’acteurs, dans l’ordre des indices de `points`.'),
	points: z
		.array(z.tuple([int, z.number(), z.number(), count, z.union([z.literal(0), z.literal(1)])]))
		.describe('Points compacts : [id, longitude, latitude, indice du type dans kinds, 1 si la position est approchée (centre de la commune)].'),
	list: z.object({
		total: count,
		next: z.string().nullable().describe('Curseur des acteurs suivants pour `/entities` (mêmes filtres), null quand la liste est complète.'),
		items: z.array(shortActor).describe('Les 50 premiers acteurs par nom.')
	})
});

export const mapStatsResponse = z.object({
	level: z.enum(['departement', 'epci']),
	measure: z.enum(['count', 'rate']),
	items: z.array(
		z.object({
			code: z.string(),
			name: z.string(),
			count,
			population: int.nullable(),
			per10k: z.number().nullable().describe('Acteurs pour 10 000 habitants (population inconnue : null).'),
			centroid: lonLat.nullable(),
			hasOutline: z.boolean()
		})
	),
	breaks: z.array(z.number()).describe('Seuils des classes (Jenks) sur la mesure choisie.'),
	max: z.number()
});

// ---- Distances: what may honestly be said of them ----

const pointAccuracy = z
	.enum(POINT_ACCURACIES)
	.describe(
		'Comment le point a été placé : exact (adresse ou placé à la main), commune (centre de la commune), epci_seat (chef-lieu de l’intercommunalité, faute de mieux), departement (centre du département).'
	);

/** A commune as the start of distances. */
const distanceOrigin = {
	accuracy: pointAccuracy,
	uncertaintyKm: z.number().describe('Distance (km) à laquelle la commune peut se trouver de ce point, 9 fois sur 10.'),
	note: z.string().nullable().describe('Ce depuis quoi les distances sont mesurées, à afficher une fois près des chiffres ; null pour un point exact.')
};

const shownDistance = z
	.object({
		kind: z
			.enum(DISTANCE_KINDS)
			.describe(
				'measured (mesure entre deux points exacts), approx (arrondie à sa précision), under (sous la précision : seulement une borne), same_commune, same_epci (même commune, même intercommunalité).'
			),
		approx: z.boolean().describe('Vrai sauf pour une mesure entre deux points exacts.'),
		text: z.string().describe('Ce qu’il faut afficher : « 3,4 km », « ≈ 12 km », « moins de 30 km », « dans la même intercommunalité ».'),
		km: z.number().nullable().describe('Le chiffre affiché (pour under : la borne) ; null quand seul un territoire commun est dit.'),
		uncertaintyKm: z.number().describe('Incertitude des deux extrémités réunies (km).'),
		note: z
			.string()
			.nullable()
			.describe('Pourquoi la position de l’acteur est approchée (« position approchée : centre de sa commune ») ; null si elle est exacte.')
	})
	.describe('La distance telle qu’on peut honnêtement la dire, compte tenu de la précision des deux points.');

export const nearbyResponse = z.object({
	commune: z.object({
		code: z.string(),
		name: z.string(),
		centroid: lonLat.describe('Le centre du cercle : le point de la commune (voir accuracy).'),
		...distanceOrigin
	}),
	radiusKm: z.number(),
	circle: z
		.object({ type: z.literal('Feature'), properties: z.record(z.string(), z.unknown()).nullable(), geometry: polygonGeometry })
		.describe('Le cercle, en GeoJSON (Feature Polygon).'),
	total: count.describe('Nombre de structures dans le cercle (la liste en garde 200).'),
	items: z.array(
		shortActor.extend({
			lon: z.number(),
			lat: z.number(),
			distanceKm: z.number().describe('Distance mesurée entre les deux points, au dixième (pour trier) : à afficher, distance.text.'),
			distance: shownDistance
		})
	)
});

export const communesResponse = z.object({
	items: z.array(
		z.object({
			code: z.string().describe('Code INSEE.'),
			name: z.string(),
			departementCode: z.string().nullable(),
			population: int.nullable(),
			postalCodes: z.array(z.string()),
			centroid: lonLat.nullable(),
			match: z.enum(COMMUNE_MATCHES).describe('Ce qui a correspondu : name (nom), postal_code (code postal), insee_code (code INSEE).'),
			matchedCode: z.string().nullable().describe('Le code postal ou INSEE qui a correspondu.'),
			matchLabel: z.string().nullable().describe('À afficher : « code postal 43200 », « code INSEE 43200 » ; null pour un nom.')
		})
	)
});

export const territoriesResponse = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			type: z.literal('Feature'),
			id: z.string().describe('Code du territoire.'),
			geometry: geometry.nullable().describe('Contour (Polygon ou MultiPolygon) quand il est connu, sinon le centre (Point), sinon null.'),
			bbox: bbox.optional(),
			properties: z.object({
				code: z.string(),
				kind: z.enum(TERRITORY_KINDS),
				name: z.string(),
				parentCode: z.string().nullable(),
				departementCode: z.string().nullable(),
				epciCode: z.string().nullable(),
				population: int.nullable(),
				centroid: z.array(z.number().nullable()).nullable(),
				centroidPrecision: z.string(),
				source: z.string(),
				vintage: z.string().describe('Millésime des données.')
			})
		})
	)
});

// ---- Network ----

const edge = z.object({
	id: int,
	source: int.describe('Identifiant de l’acteur source.'),
	target: int.describe('Identifiant de l’acteur cible.'),
	type: z.string().describe('Code du type de relation (vocabulaire).'),
	label: z
		.string()
		.describe(
			'Le type de relation lu depuis la source et accordé avec elle : « incubée par » pour une startup, « incubé·e par » pour une personne (genre non renseigné).'
		),
	startDate: partialDate.nullable(),
	endDate: partialDate.nullable(),
	confirmation,
	sourceRef: z.string().nullable().describe('Source de l’information.')
});

const graphActor = z.object({ id: int, slug: z.string(), label: z.string().describe('Nom de l’acteur.'), kind });

export const graphResponse = z.object({
	revision: int.describe('Version du graphe (change à chaque modification des acteurs ou des relations).'),
	stale: z
		.boolean()
		.describe('Vrai quand c’est la version précédente du graphe, servie pendant que la nouvelle se construit (grands annuaires, quelques secondes).'),
	nodes: z.array(
		graphActor.extend({
			category: z.string(),
			communeCode: z.string().nullable(),
			communeName: z.string().nullable().describe('Nom de la commune.'),
			lon: z.number().nullable(),
			lat: z.number().nullable(),
			degree: count.describe('Nombre de relations dans la vue.'),
			coverage: count.describe('Articles de presse confirmés qui citent l’acteur.')
		})
	),
	edges: z.array(edge),
	total: count.describe('Acteurs de la vue avant la limite.'),
	truncated: z.boolean().describe('Vrai quand `limit` a retiré des acteurs.'),
	years: z.array(int).describe('Années couvertes par les relations (pour le filtre year).')
});

const ranked = z.array(graphActor.extend({ value: z.number() }));

export const graphMetricsResponse = z.object({
	revision: int,
	stale: z.boolean().describe('Vrai quand ce sont les métriques d’une révision précédente, servies pendant le calcul de la nouvelle (« calcul en cours »).'),
	computedMs: z.number(),
	betweennessMethod: z.string().describe('Calcul exact ou approché de l’intermédiarité.'),
	nodes: z
		.record(z.string(), z.object({ degree: count, betweenness: z.number(), pagerank: z.number(), community: int }))
		.describe('Métriques par identifiant d’acteur.'),
	top: z.object({ degree: ranked, betweenness: ranked, pagerank: ranked }).describe('Les 15 premiers acteurs de chaque métrique.'),
	communities: z.array(z.object({ id: int, size: count, label: z.string().describe('Nom de l’acteur le plus relié de la communauté.') }))
});

export const commonResponse = z.object({
	a: int,
	b: int,
	items: z.array(graphActor.extend({ viaA: edge, viaB: edge })).describe('Acteurs reliés aux deux, avec la relation de chaque côté.')
});

export const pathsResponse = z.object({
	from: int,
	to: int,
	paths: z.array(
		z.object({
			nodes: z.array(int).describe('Identifiants des acteurs, de from à to.'),
			edges: z.array(edge),
			sentences: z.array(z.string()).describe('Chaque relation en une phrase, avec ses dates, sa confirmation et sa source.'),
			details: z
				.array(
					z.object({
						sentence: z.string().describe('La relation en une phrase, avec ses dates.'),
						notes: z.array(z.string()).describe('« date inconnue », « confirmée par les deux parties », « contestée ».'),
						source: z.string().nullable().describe('Source de l’information (citation ou URL), ou null.')
					})
				)
				.describe('Les mêmes phrases, la source à part (pour en faire un lien).')
		})
	),
	entities: z.record(z.string(), graphActor).describe('Les acteurs des chemins, par identifiant.')
});

// ---- Pathways ----

const entityRef = z.object({
	id: int,
	slug: z.string(),
	name: z.string(),
	kind,
	category: z.string(),
	communeCode: z.string().nullable(),
	communeName: z.string().nullable(),
	departementCode: z.string().nullable(),
	epciCode: z.string().nullable(),
	lon: z.number().nullable(),
	lat: z.number().nullable()
});

export const pathwayResponse = z.object({
	subject: entityRef.extend({ sectors: z.array(z.string()) }),
	steps: z.array(
		z.object({
			order: int.min(1),
			relationId: int,
			type: z.string(),
			label: z.string(),
			structure: entityRef,
			start: partialDate.nullable(),
			end: partialDate.nullable(),
			dateKnown: z.boolean(),
			overlapsPrevious: z.boolean().describe('Se déroule en même temps que l’étape datée précédente.'),
			source: z.string().nullable(),
			confirmation,
			description: z.string().nullable()
		})
	),
	undated: count.describe('Étapes sans date (listées à la fin).')
});

export const flowsResponse = z.object({
	stale: z
		.boolean()
		.describe(
			'Vrai quand ce sont les parcours d’une révision précédente, servis pendant qu’un fil de travail calcule la nouvelle (grands annuaires, « calcul en cours »).'
		),
	filters: z.object({
		level: z.enum(['category', 'structure']),
		sector: z.string().optional(),
		departement: z.string().optional(),
		epci: z.string().optional(),
		from: int.optional(),
		to: int.optional()
	}),
	projects: count.describe('Projets retenus par les filtres.'),
	nodes: z.array(
		z.object({
			id: z.string().describe('rang:clé'),
			rank: int.min(1).max(4),
			key: z.string(),
			label: z.string(),
			count,
			category: z.string().optional()
		})
	),
	links: z.array(z.object({ source: z.string(), target: z.string(), count })),
	transitions: z
		.array(
			z.object({
				from: z.string(),
				to: z.string(),
				fromLabel: z.string(),
				toLabel: z.string(),
				count,
				medianMonths: z.number().nullable().describe('Nombre médian de mois entre les deux étapes.')
			})
		)
		.describe('Les transitions les plus empruntées (200 au plus ; toutes dans le CSV).'),
	transitionCount: count,
	firstSteps: z.array(z.object({ key: z.string(), label: z.string(), count })),
	bottlenecks: z.array(
		z.object({
			key: z.string(),
			label: z.string(),
			slug: z.string().nullable(),
			arrivals: count,
			movedOn: count,
			stuckShare: z.number().min(0).max(1)
		})
	),
	leaving: z.array(z.object({ code: z.string(), name: z.string(), projects: count, leaving: count, share: z.number() }))
});

export const flowProjectsResponse = z.object({
	title: z.string(),
	projects: z.array(entityRef.extend({ steps: count.describe('Nombre d’étapes du parcours.') }))
});

export const routeResponse = z.object({
	stale: z
		.boolean()
		.describe(
			'Vrai quand ce sont les parcours d’une révision précédente, servis pendant qu’un fil de travail calcule la nouvelle (grands annuaires, « calcul en cours »).'
		),
	query: z.object({ stage: z.enum(STAGES), sectors: z.array(z.string()), commune: z.string(), needs: z.array(z.enum(OFFERS)) }),
	origin: z.object({ code: z.string(), name: z.string(), departementCode: z.string().nullable(), lon: z.number(), lat: z.number(), ...distanceOrigin }),
	reachKm: z.number().describe('Distance jugée raisonnable.'),
	steps: z.array(
		z.object({
			order: int.min(1),
			stage: z.enum(STAGES),
			title: z.string(),
			offers: z.array(z.enum(OFFERS)),
			options: z.array(
				z.object({
					structure: entityRef.extend({ stages: z.array(z.string()), offers: z.array(z.string()), sectors: z.array(z.string()) }),
					distanceKm: z.number().nullable().describe('Distance mesurée entre les deux points, au dixième : à afficher, distance.text.'),
					distance: shownDistance.nullable(),
					score: z.number(),
					parts: z
						.array(z.object({ key: z.enum(['stage', 'sector', 'offer', 'distance', 'history']), points: z.number(), max: z.number(), text: z.string() }))
						.describe('Le détail du score.'),
					why: z.string().describe('Pourquoi cette proposition, en une ou deux phrases.'),
					withinReach: z.boolean().describe('Dans le rayon de proximité (reachKm) ; sinon « hors rayon ».')
				})
			),
			nothingNear: z.boolean().describe('Rien à portée : les propositions sont les plus proches, plus loin.')
		})
	)
});

// ---- Exports ----

const actorGeoProperties = z.object({
	kind,
	id: int,
	slug: z.string(),
	category: z.string(),
	categoryLabel: z.string(),
	name: z.string(),
	summary: z.string(),
	website: z.string().nullable(),
	siret: z.string().nullable(),
	sectors: z.array(z.string()),
	stages: z.array(z.string()),
	offers: z.array(z.string()),
	communeCode: z.string().nullable(),
	communeName: z.string().nullable(),
	departementName: z.string().nullable(),
	coordPrecision: z.enum(COORD_PRECISIONS).nullable(),
	foundedYear: int.nullable(),
	startsAt: z.string().nullable(),
	endsAt: z.string().nullable(),
	...practicalFields,
	venueSlug: z.string().nullable().describe('Événements : slug du tiers-lieu où il a lieu.'),
	imageUrl: z.string().nullable().describe('Chemin absolu du logo ou de la photo (480 px).'),
	imageAlt: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable(),
	url: z.string().describe('Chemin de la fiche sur le site.')
});

const territoryGeoProperties = z.object({
	kind: z.literal('territory'),
	territoryKind: z.string(),
	code: z.string(),
	name: z.string(),
	population: int.nullable()
});

export const exportGeoJsonResponse = z.object({
	type: z.literal('FeatureCollection'),
	features: z
		.array(
			z.union([
				z.object({ type: z.literal('Feature'), id: z.string().describe('Slug de l’acteur.'), geometry: pointGeometry, properties: actorGeoProperties }),
				z.object({ type: z.literal('Feature'), id: z.string().describe('Code du territoire.'), geometry: geometry, properties: territoryGeoProperties })
			])
		)
		.describe('Les contours demandés par `territories` d’abord, puis un point par acteur localisé.')
});

export const exportJsonResponse = z.object({
	format: z.literal('connecteur-carto'),
	version: z.literal(1),
	exportedAt: z.string().describe('Date et heure ISO de l’export.'),
	filters: z
		.object({
			kind: z.array(kind),
			category: z.array(z.string()),
			sector: z.array(z.string()),
			stage: z.array(z.string()),
			offer: z.array(z.string()),
			territory: z.string().optional(),
			q: z.string().optional()
		})
		.describe('Les filtres appliqués.'),
	entities: z.array(
		publicEntity.extend({ communeName: z.string().nullable(), departementCode: z.string().nullable(), departementName: z.string().nullable(), url: z.string() })
	),
	relations: z
		.array(
			z.object({
				id: int,
				type: z.string(),
				sourceId: int,
				targetId: int,
				startDate: partialDate.nullable(),
				endDate: partialDate.nullable(),
				description: z.string(),
				source: z.string().nullable(),
				confirmation,
				isDemo: z.boolean()
			})
		)
		.describe('Les relations entre acteurs exportés.')
});

export const openApiResponse = z.object({
	openapi: z.string(),
	info: z.object({ title: z.string(), version: z.string() }),
	paths: z.record(z.string(), z.unknown())
});

/** A file that is not JSON: its text. */
export const fileResponse = (description: string) => z.string().describe(description);

/** Every error body of the API (400, 404, 429…), see apiError in http/api.ts. */
export const errorResponseSchema = z.object({
	status: int,
	message: z.string().describe('Message en français.'),
	issues: z.array(z.string()).optional().describe('Détail des paramètres refusés (400).')
});
