import { z } from 'zod';
import { entityFiltersSchema } from '$lib/domain/filters';
import { commonQuerySchema, graphViewSchema, pathQuerySchema } from '$lib/domain/graph-query';
import { finderQuerySchema, flowFigureSchema, flowFiltersSchema, pathwayEntitySchema } from '$lib/domain/pathway-query';
import { entityListSchema, searchApiSchema } from '../services/entity-api.service';
import { communeSearchSchema, nearbyParamsSchema, statsParamsSchema } from '../services/map.service';
import { territoryListQuerySchema } from '../services/territory.service';
import { geoJsonParamsSchema } from '../services/export.service';
import * as R from '$lib/domain/api/responses';

/**
 * Every public endpoint of /api/v1, described once: the OpenAPI document and the /api page are built
 * from this list, and each `query` is the very schema the endpoint validates with.
 */
export interface ApiEndpoint {
	/** Path under /api/v1, OpenAPI style (`/entities/{idOrSlug}`). */
	path: string;
	tag: string;
	summary: string;
	description: string;
	/** The endpoint's query schemas (several when it reads the query string through more than one). */
	query: z.ZodType[];
	/** Path parameters with their French description. */
	pathParams?: Record<string, string>;
	/** The 200 answer: `schema` describes its body (JSON), or is a string schema for the other formats. */
	response: { description: string; contentType: string; schema: z.ZodType };
	/** Parameters of a working example (the /api page links it, the e2e test follows it). */
	example: Record<string, string | string[]>;
	/** Parameters naming actors (id or slug): the examples fill them with real actors of the database. */
	actorParams?: string[];
	/** Statuses other than 200 and 400 worth documenting. */
	errors?: number[];
}

const JSON_TYPE = 'application/json';
const none = z.object({});

export const TAGS: Record<string, string> = {
	acteurs: 'Acteurs : annuaire, fiches et recherche',
	carte: 'Carte : points, statistiques, proximité, territoires',
	reseau: 'Réseau : graphe des relations, chemins, métriques',
	parcours: 'Parcours des projets et flux entre étapes',
	exports: 'Exports de données',
	meta: 'Description de l’API'
};

export const API_ENDPOINTS: ApiEndpoint[] = [
	{
		path: '/entities',
		tag: 'acteurs',
		summary: 'Liste des acteurs',
		description:
			'Acteurs filtrés (type, catégorie, secteur, stade, offre, territoire, texte), triés par nom, par pages : la réponse donne `next`, le curseur de la page suivante (null à la fin).',
		query: [entityListSchema],
		response: { description: 'Une page d’acteurs : `items`, `total`, `next`.', contentType: JSON_TYPE, schema: R.entityListResponse },
		example: { limit: '5' }
	},
	{
		path: '/entities/{idOrSlug}',
		tag: 'acteurs',
		summary: 'Fiche d’un acteur',
		description: 'Un acteur et ses relations, par identifiant ou par slug, avec le nom de sa commune.',
		query: [none],
		pathParams: { idOrSlug: 'Identifiant numérique ou slug de l’acteur.' },
		response: { description: 'L’acteur et ses relations.', contentType: JSON_TYPE, schema: R.entityResponse },
		example: {},
		actorParams: ['idOrSlug'],
		errors: [404]
	},
	{
		path: '/search',
		tag: 'acteurs',
		summary: 'Recherche plein texte',
		description: 'Recherche dans les noms, descriptions et mots-clés des acteurs (insensible aux accents).',
		query: [searchApiSchema],
		response: { description: 'Résultats : `items`, `total`.', contentType: JSON_TYPE, schema: R.searchResponse },
		example: { q: 'incubateur', limit: '5' }
	},
	{
		path: '/map/points',
		tag: 'carte',
		summary: 'Points de la carte',
		description: 'Acteurs localisés du jeu filtré, en GeoJSON.',
		query: [entityFiltersSchema],
		response: { description: 'Les points et leurs propriétés.', contentType: JSON_TYPE, schema: R.mapPointsResponse },
		example: { kind: 'organisation' }
	},
	{
		path: '/map/stats',
		tag: 'carte',
		summary: 'Statistiques par territoire',
		description: 'Nombre d’acteurs (ou taux pour 10 000 habitants) par département ou par EPCI, avec les seuils de classes (Jenks).',
		query: [statsParamsSchema],
		response: { description: 'Chiffres par territoire et seuils de classes.', contentType: JSON_TYPE, schema: R.mapStatsResponse },
		example: { level: 'departement', measure: 'count' }
	},
	{
		path: '/map/nearby',
		tag: 'carte',
		summary: 'Structures à proximité',
		description:
			'Structures dans un rayon autour du centre d’une commune, les plus proches d’abord (200 au plus). Beaucoup de communes n’ont pas encore de point à elles (placées au chef-lieu de leur intercommunalité) : `commune.note` dit depuis quoi les distances sont mesurées, et chaque `distance.text` ce qu’on peut honnêtement en dire (« ≈ 12 km », « moins de 30 km », « dans la même intercommunalité »).',
		query: [nearbyParamsSchema],
		response: { description: 'La commune, le cercle et les structures avec leur distance.', contentType: JSON_TYPE, schema: R.nearbyResponse },
		example: { commune: '63113', radiusKm: '20' },
		errors: [404]
	},
	{
		path: '/communes',
		tag: 'carte',
		summary: 'Recherche de communes',
		description:
			'Autocomplétion des communes du périmètre par nom (insensible aux accents, à la casse et aux tirets), code postal ou code INSEE. Un code de 5 chiffres rend d’abord toutes les communes de ce code postal, puis la commune dont c’est le code INSEE ; chaque commune dit ce qui a correspondu (`match`, `matchLabel`).',
		query: [communeSearchSchema],
		response: { description: 'Communes : `items`.', contentType: JSON_TYPE, schema: R.communesResponse },
		example: { q: 'clermont' }
	},
	{
		path: '/territories',
		tag: 'carte',
		summary: 'Territoires',
		description: 'Régions, départements, EPCI et communes, en GeoJSON (contour quand il est connu, sinon le centre).',
		query: [territoryListQuerySchema],
		response: { description: 'Une FeatureCollection GeoJSON.', contentType: JSON_TYPE, schema: R.territoriesResponse },
		example: { kind: 'departement' }
	},
	{
		path: '/graph',
		tag: 'reseau',
		summary: 'Graphe des relations',
		description:
			'Acteurs du jeu filtré et leurs relations ; les filtres de relation (type, année, confirmées) ne retirent que des relations. `focus` garde le voisinage d’un acteur, `limit` les acteurs les plus reliés.',
		query: [graphViewSchema],
		response: { description: 'Nœuds, liens, total, troncature.', contentType: JSON_TYPE, schema: R.graphResponse },
		example: { limit: '50' }
	},
	{
		path: '/graph/metrics',
		tag: 'reseau',
		summary: 'Métriques du graphe',
		description: 'Métriques du graphe entier (degré, intermédiarité…) et acteurs en tête.',
		query: [none],
		response: { description: 'Les métriques.', contentType: JSON_TYPE, schema: R.graphMetricsResponse },
		example: {}
	},
	{
		path: '/graph/common',
		tag: 'reseau',
		summary: 'Relations communes',
		description: 'Acteurs reliés à la fois à `a` et à `b`.',
		query: [commonQuerySchema],
		response: { description: 'Les voisins communs et les relations.', contentType: JSON_TYPE, schema: R.commonResponse },
		example: {},
		actorParams: ['a', 'b'],
		errors: [404]
	},
	{
		path: '/paths',
		tag: 'reseau',
		summary: 'Chemins entre deux acteurs',
		description: 'Les k plus courts chemins entre `from` et `to` (6 étapes au plus).',
		query: [pathQuerySchema],
		response: { description: 'Les chemins trouvés.', contentType: JSON_TYPE, schema: R.pathsResponse },
		example: {},
		actorParams: ['from', 'to'],
		errors: [404]
	},
	{
		path: '/pathways',
		tag: 'parcours',
		summary: 'Parcours d’un acteur',
		description: 'Les étapes d’accompagnement d’une startup, d’une entreprise ou d’un·e entrepreneur·e.',
		query: [pathwayEntitySchema],
		response: { description: 'Le parcours.', contentType: JSON_TYPE, schema: R.pathwayResponse },
		example: {},
		actorParams: ['entity'],
		errors: [404]
	},
	{
		path: '/pathways/flows',
		tag: 'parcours',
		summary: 'Flux entre étapes',
		description: 'Transitions des projets entre catégories (ou structures), premières étapes, étapes atteintes ; les 200 transitions les plus empruntées.',
		query: [flowFiltersSchema],
		response: { description: 'Les flux agrégés.', contentType: JSON_TYPE, schema: R.flowsResponse },
		example: { level: 'category' }
	},
	{
		path: '/pathways/flows.csv',
		tag: 'parcours',
		summary: 'Flux entre étapes (CSV)',
		description: 'Toutes les transitions, une ligne par transition.',
		query: [flowFiltersSchema],
		response: {
			description: 'Fichier CSV (UTF-8).',
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par transition : de, vers, de_code, vers_code, projets, mois_median_entre_etapes. Séparateur point-virgule, BOM UTF-8, virgule décimale (ouverture directe dans Excel).'
			)
		},
		example: {}
	},
	{
		path: '/pathways/projects',
		tag: 'parcours',
		summary: 'Projets derrière un chiffre',
		description: 'Les projets comptés dans une figure des flux (`figure` choisit laquelle ; les autres paramètres de figure selon le cas).',
		query: [flowFiltersSchema, flowFigureSchema],
		response: { description: 'Un titre et la liste des projets.', contentType: JSON_TYPE, schema: R.flowProjectsResponse },
		example: { figure: 'all' }
	},
	{
		path: '/pathways/route',
		tag: 'parcours',
		summary: 'Itinéraire d’accompagnement',
		description:
			'À partir du stade d’un projet et de sa commune (code INSEE), les structures de chaque étape suivante, classées par un score transparent. Les distances disent leur précision (`origin.note`, `distance` de chaque proposition) ; le score compte la distance mesurée, jamais plus proche que la précision des deux points.',
		query: [finderQuerySchema],
		response: { description: 'Les étapes et leurs structures.', contentType: JSON_TYPE, schema: R.routeResponse },
		example: { stage: 'creation', commune: '63113' }
	},
	{
		path: '/export.gexf',
		tag: 'exports',
		summary: 'Graphe au format GEXF',
		description: 'Le graphe filtré, pour Gephi.',
		query: [graphViewSchema],
		response: {
			description: 'Fichier GEXF.',
			contentType: 'application/gexf+xml',
			schema: R.fileResponse('Document XML GEXF 1.3 : acteurs (nœuds) et relations (arêtes) avec leurs attributs.')
		},
		example: {}
	},
	{
		path: '/export.graphml',
		tag: 'exports',
		summary: 'Graphe au format GraphML',
		description: 'Le graphe filtré, pour yEd, Cytoscape ou NetworkX.',
		query: [graphViewSchema],
		response: {
			description: 'Fichier GraphML.',
			contentType: 'application/graphml+xml',
			schema: R.fileResponse('Document XML GraphML : acteurs (nœuds) et relations (arêtes) avec leurs attributs.')
		},
		example: {}
	},
	{
		path: '/export.relations.csv',
		tag: 'exports',
		summary: 'Relations au format CSV',
		description: 'Les relations du graphe filtré (mêmes paramètres que `/graph`), une ligne par relation ; à joindre au CSV des acteurs par les identifiants.',
		query: [graphViewSchema],
		response: {
			description: 'Fichier CSV (UTF-8).',
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par relation : source_id, source_name, relation, type, target_id, target_name, start_date, end_date (dates partielles : 2019, 2019-03 ou 2019-03-14), confirmation, citation (la source de l’information). Séparateur point-virgule, BOM UTF-8 (ouverture directe dans Excel).'
			)
		},
		example: { type: 'incubated_by' }
	},
	{
		path: '/export.csv',
		tag: 'exports',
		summary: 'Acteurs au format CSV',
		description: 'Les acteurs du jeu filtré, une ligne par acteur.',
		query: [entityFiltersSchema],
		response: {
			description: 'Fichier CSV (UTF-8).',
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par acteur, séparateur point-virgule, BOM UTF-8, virgule décimale (ouverture directe dans Excel). Colonnes : id, slug, kind, category, name, summary, website, siret, sectors, stages, offers, commune_code, commune_name, departement, lon, lat, coord_precision, founded_year, email, phone, url, debut, fin, lien_inscription, lieu (slug du tiers-lieu d’un événement), horaires_osm, acces_transports, accessibilite, equipements, image (chemin absolu, 480 px), image_alt.'
			)
		},
		example: {}
	},
	{
		path: '/export.geojson',
		tag: 'exports',
		summary: 'Acteurs au format GeoJSON',
		description: 'Les acteurs localisés du jeu filtré.',
		query: [geoJsonParamsSchema],
		response: { description: 'Une FeatureCollection GeoJSON.', contentType: 'application/geo+json', schema: R.exportGeoJsonResponse },
		example: {}
	},
	{
		path: '/export.json',
		tag: 'exports',
		summary: 'Acteurs au format JSON',
		description: 'Les acteurs du jeu filtré avec leurs champs publics.',
		query: [entityFiltersSchema],
		response: { description: 'Un document JSON.', contentType: JSON_TYPE, schema: R.exportJsonResponse },
		example: {}
	},
	{
		path: '/openapi.json',
		tag: 'meta',
		summary: 'Description OpenAPI',
		description: 'Ce document : la description OpenAPI 3.1 de l’API.',
		query: [none],
		response: { description: 'Le document OpenAPI.', contentType: JSON_TYPE, schema: R.openApiResponse },
		example: {}
	}
];
