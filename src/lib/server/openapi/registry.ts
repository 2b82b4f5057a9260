import { fileLanguageSchema } from '$lib/domain/file-language';
import { z } from 'zod';
import { entityFiltersSchema } from '$lib/domain/filters';
import { commonQuerySchema, graphViewSchema, pathQuerySchema } from '$lib/domain/graph-query';
import { graphCompactResponse } from '$lib/domain/graph-format';
import { graphGroupsSchema } from '$lib/domain/graph-groups';
import { graphGroupsResponse } from '$lib/domain/api/groups-response';
import { finderQuerySchema, flowFigureSchema, flowFiltersSchema, pathwayEntitySchema } from '$lib/domain/pathway-query';
import { entityListSchema, searchApiSchema } from '../services/entity-api.service';
import { communeSearchSchema, nearbyParamsSchema, statsParamsSchema } from '../services/map.service';
import { territoryListQuerySchema } from '../services/territory.service';
import { geoJsonParamsSchema } from '../services/export.service';
import { eventsApiSchema } from '../services/agenda.service';
import { articlesApiSchema } from '../services/article.service';
import { agendaQuerySchema } from '$lib/domain/agenda-query';
import * as R from '$lib/domain/api/responses';
import { POINTS_CONTENT_TYPE } from '$lib/map/points-binary';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/**
 * Every public endpoint of /api/v1, described once: the OpenAPI document and the /api page are built
 * from this list, and each `query` is the very schema the endpoint validates with. The words are messages,
 * said in the language the document or the page is read in.
 */

/** A text of the documentation: a message without parameters, asked in a language. */
export type Words = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
export interface ApiEndpoint {
	/** Path under /api/v1, OpenAPI style (`/entities/{idOrSlug}`). */
	path: string;
	tag: string;
	summary: Words;
	description: Words;
	/** The endpoint's query schemas (several when it reads the query string through more than one). */
	query: z.ZodType[];
	/** Path parameters with their description. */
	pathParams?: Record<string, Words>;
	/** The 200 answer: `schema` describes its body (JSON), or is a string schema for the other formats. */
	response: { description: Words; contentType: string; schema: z.ZodType };
	/** Parameters of a working example (the /api page links it, the e2e test follows it). */
	example: Record<string, string | string[]>;
	/** Parameters naming actors (id or slug): the examples fill them with real actors of the database. */
	actorParams?: string[];
	/** Statuses other than 200 and 400 worth documenting. */
	errors?: number[];
}

const JSON_TYPE = 'application/json';
const none = z.object({});

/** /openapi.json?lang=en: the document's descriptions in English. */
export const openApiQuerySchema = z.object({
	lang: z.enum(['fr', 'en'], { error: 'langue inconnue (fr ou en)' }).default('fr').describe('Langue des descriptions : fr (par défaut) ou en.')
});

export const TAGS: Record<string, Words> = {
	acteurs: m.server_api_tag_acteurs,
	carte: m.server_api_tag_carte,
	reseau: m.server_api_tag_reseau,
	parcours: m.server_api_tag_parcours,
	agenda: m.server_api_tag_agenda,
	presse: m.server_api_tag_presse,
	exports: m.server_api_tag_exports,
	meta: m.server_api_tag_meta
};

export const API_ENDPOINTS: ApiEndpoint[] = [
	{
		path: '/entities',
		tag: 'acteurs',
		summary: m.server_api_entities_summary,
		description: m.server_api_entities_description,
		query: [entityListSchema],
		response: { description: m.server_api_entities_response, contentType: JSON_TYPE, schema: R.entityListResponse },
		example: { limit: '5' }
	},
	{
		path: '/entities/{idOrSlug}',
		tag: 'acteurs',
		summary: m.server_api_entities_idorslug_summary,
		description: m.server_api_entities_idorslug_description,
		query: [none],
		pathParams: { idOrSlug: m.server_api_param_idorslug },
		response: { description: m.server_api_entities_idorslug_response, contentType: JSON_TYPE, schema: R.entityResponse },
		example: {},
		actorParams: ['idOrSlug'],
		errors: [404]
	},
	{
		path: '/search',
		tag: 'acteurs',
		summary: m.server_api_search_summary,
		description: m.server_api_search_description,
		query: [searchApiSchema],
		response: { description: m.server_api_search_response, contentType: JSON_TYPE, schema: R.searchResponse },
		example: { q: 'incubateur', limit: '5' }
	},
	{
		path: '/map/points',
		tag: 'carte',
		summary: m.server_api_map_points_summary,
		description: m.server_api_map_points_description,
		query: [entityFiltersSchema],
		response: { description: m.server_api_map_points_response, contentType: JSON_TYPE, schema: R.mapPointsResponse },
		example: { kind: 'organisation' }
	},
	{
		path: '/map/points.bin',
		tag: 'carte',
		summary: m.server_api_map_points_bin_summary,
		description: m.server_api_map_points_bin_description,
		query: [entityFiltersSchema],
		response: {
			description: m.server_api_map_points_bin_response,
			contentType: POINTS_CONTENT_TYPE,
			schema: R.fileResponse(
				'« CPB1 », uint32 h, h octets de JSON {count, scale, kinds}, puis int32 id[count], int32 lon[count], int32 lat[count] (degrés × scale), uint8 code[count] (indice du type, + 128 si la position est approchée). Petit-boutiste.'
			)
		},
		example: { kind: 'organisation' }
	},
	{
		path: '/map/stats',
		tag: 'carte',
		summary: m.server_api_map_stats_summary,
		description: m.server_api_map_stats_description,
		query: [statsParamsSchema],
		response: { description: m.server_api_map_stats_response, contentType: JSON_TYPE, schema: R.mapStatsResponse },
		example: { level: 'departement', measure: 'count' }
	},
	{
		path: '/map/nearby',
		tag: 'carte',
		summary: m.server_api_map_nearby_summary,
		description: m.server_api_map_nearby_description,
		query: [nearbyParamsSchema],
		response: { description: m.server_api_map_nearby_response, contentType: JSON_TYPE, schema: R.nearbyResponse },
		example: { commune: '63113', radiusKm: '20' },
		errors: [404]
	},
	{
		path: '/communes',
		tag: 'carte',
		summary: m.server_api_communes_summary,
		description: m.server_api_communes_description,
		query: [communeSearchSchema],
		response: { description: m.server_api_communes_response, contentType: JSON_TYPE, schema: R.communesResponse },
		example: { q: 'clermont' }
	},
	{
		path: '/territories',
		tag: 'carte',
		summary: m.server_api_territories_summary,
		description: m.server_api_territories_description,
		query: [territoryListQuerySchema],
		response: { description: m.server_api_territories_response, contentType: JSON_TYPE, schema: R.territoriesResponse },
		example: { kind: 'departement' }
	},
	{
		path: '/graph',
		tag: 'reseau',
		summary: m.server_api_graph_summary,
		description: m.server_api_graph_description,
		query: [graphViewSchema],
		response: { description: m.server_api_graph_response, contentType: JSON_TYPE, schema: R.graphResponse },
		example: { limit: '50' }
	},
	{
		path: '/graph/compact',
		tag: 'reseau',
		summary: m.server_api_graph_compact_summary,
		description: m.server_api_graph_compact_description,
		query: [graphViewSchema],
		response: { description: m.server_api_graph_compact_response, contentType: JSON_TYPE, schema: graphCompactResponse },
		example: { limit: '50' }
	},
	{
		path: '/graph/groups',
		tag: 'reseau',
		summary: m.server_api_graph_groups_summary,
		description: m.server_api_graph_groups_description,
		query: [graphGroupsSchema],
		response: { description: m.server_api_graph_groups_response, contentType: JSON_TYPE, schema: graphGroupsResponse },
		example: { by: 'category' }
	},
	{
		path: '/graph/metrics',
		tag: 'reseau',
		summary: m.server_api_graph_metrics_summary,
		description: m.server_api_graph_metrics_description,
		query: [none],
		response: { description: m.server_api_graph_metrics_response, contentType: JSON_TYPE, schema: R.graphMetricsResponse },
		example: {}
	},
	{
		path: '/graph/common',
		tag: 'reseau',
		summary: m.server_api_graph_common_summary,
		description: m.server_api_graph_common_description,
		query: [commonQuerySchema],
		response: { description: m.server_api_graph_common_response, contentType: JSON_TYPE, schema: R.commonResponse },
		example: {},
		actorParams: ['a', 'b'],
		errors: [404]
	},
	{
		path: '/paths',
		tag: 'reseau',
		summary: m.server_api_paths_summary,
		description: m.server_api_paths_description,
		query: [pathQuerySchema],
		response: { description: m.server_api_paths_response, contentType: JSON_TYPE, schema: R.pathsResponse },
		example: {},
		actorParams: ['from', 'to'],
		errors: [404]
	},
	{
		path: '/pathways',
		tag: 'parcours',
		summary: m.server_api_pathways_summary,
		description: m.server_api_pathways_description,
		query: [pathwayEntitySchema],
		response: { description: m.server_api_pathways_response, contentType: JSON_TYPE, schema: R.pathwayResponse },
		example: {},
		actorParams: ['entity'],
		errors: [404]
	},
	{
		path: '/pathways/flows',
		tag: 'parcours',
		summary: m.server_api_pathways_flows_summary,
		description: m.server_api_pathways_flows_description,
		query: [flowFiltersSchema],
		response: { description: m.server_api_pathways_flows_response, contentType: JSON_TYPE, schema: R.flowsResponse },
		example: { level: 'category' }
	},
	{
		path: '/pathways/flows.csv',
		tag: 'parcours',
		summary: m.server_api_pathways_flows_csv_summary,
		description: m.server_api_pathways_flows_csv_description,
		query: [flowFiltersSchema, fileLanguageSchema],
		response: {
			description: m.server_api_pathways_flows_csv_response,
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par transition : de, vers, de_code, vers_code, projets, mois_median_entre_etapes (en anglais avec lang=en). Séparateur point-virgule, BOM UTF-8, virgule décimale (ouverture directe dans Excel).'
			)
		},
		example: {}
	},
	{
		path: '/pathways/projects',
		tag: 'parcours',
		summary: m.server_api_pathways_projects_summary,
		description: m.server_api_pathways_projects_description,
		query: [flowFiltersSchema, flowFigureSchema],
		response: { description: m.server_api_pathways_projects_response, contentType: JSON_TYPE, schema: R.flowProjectsResponse },
		example: { figure: 'all' }
	},
	{
		path: '/pathways/route',
		tag: 'parcours',
		summary: m.server_api_pathways_route_summary,
		description: m.server_api_pathways_route_description,
		query: [finderQuerySchema],
		response: { description: m.server_api_pathways_route_response, contentType: JSON_TYPE, schema: R.routeResponse },
		example: { stage: 'creation', commune: '63113' }
	},
	{
		path: '/export.gexf',
		tag: 'exports',
		summary: m.server_api_export_gexf_summary,
		description: m.server_api_export_gexf_description,
		query: [graphViewSchema],
		response: {
			description: m.server_api_export_gexf_response,
			contentType: 'application/gexf+xml',
			schema: R.fileResponse('Document XML GEXF 1.3 : acteurs (nœuds) et relations (arêtes) avec leurs attributs.')
		},
		example: {}
	},
	{
		path: '/export.graphml',
		tag: 'exports',
		summary: m.server_api_export_graphml_summary,
		description: m.server_api_export_graphml_description,
		query: [graphViewSchema],
		response: {
			description: m.server_api_export_graphml_response,
			contentType: 'application/graphml+xml',
			schema: R.fileResponse('Document XML GraphML : acteurs (nœuds) et relations (arêtes) avec leurs attributs.')
		},
		example: {}
	},
	{
		path: '/export.relations.csv',
		tag: 'exports',
		summary: m.server_api_export_relations_csv_summary,
		description: m.server_api_export_relations_csv_description,
		query: [graphViewSchema],
		response: {
			description: m.server_api_export_relations_csv_response,
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par relation : source_id, source_name, relation, type, target_id, target_name, start_date, end_date (dates partielles : 2019, 2019-03 ou 2019-03-14), confirmation, citation (la source de l’information). Séparateur point-virgule, BOM UTF-8 (ouverture directe dans Excel).'
			)
		},
		example: { type: 'incubated_by' }
	},
	{
		path: '/articles',
		tag: 'presse',
		summary: m.server_api_articles_summary,
		description: m.server_api_articles_description,
		query: [articlesApiSchema],
		response: { description: m.server_api_articles_response, contentType: JSON_TYPE, schema: R.articleListResponse },
		example: { territory: '15', limit: '5' }
	},
	{
		path: '/events',
		tag: 'agenda',
		summary: m.server_api_events_summary,
		description: m.server_api_events_description,
		query: [eventsApiSchema],
		response: { description: m.server_api_events_response, contentType: JSON_TYPE, schema: R.eventListResponse },
		example: { territory: '63', limit: '10' }
	},
	{
		path: '/events.ics',
		tag: 'agenda',
		summary: m.server_api_events_ics_summary,
		description: m.server_api_events_ics_description,
		query: [agendaQuerySchema.omit({ view: true, month: true, from: true, to: true, past: true })],
		response: {
			description: m.server_api_events_ics_response,
			contentType: 'text/calendar',
			schema: R.fileResponse(
				'iCalendar (RFC 5545) : un VEVENT par événement, heures de Paris (TZID=Europe/Paris et son VTIMEZONE), RRULE et EXDATE pour les événements récurrents.'
			)
		},
		example: { territory: '63' }
	},
	{
		path: '/export.csv',
		tag: 'exports',
		summary: m.server_api_export_csv_summary,
		description: m.server_api_export_csv_description,
		query: [entityFiltersSchema],
		response: {
			description: m.server_api_export_csv_response,
			contentType: 'text/csv',
			schema: R.fileResponse(
				'Une ligne par acteur, séparateur point-virgule, BOM UTF-8, virgule décimale (ouverture directe dans Excel). Colonnes : id, slug, kind, category, name, summary, website, siret, sectors, stages, offers, commune_code, commune_name, departement, lon, lat, coord_precision, founded_year, email, phone, url, debut, fin, lien_inscription, repetition (règle RRULE), dates_sautees (AAAA-MM-JJ séparées par |), tarif, gratuit (oui/non), participation (sur place, en ligne, hybride), lieu (slug du tiers-lieu d’un événement), horaires_osm, acces_transports, accessibilite, equipements, image (chemin absolu, 480 px), image_alt.'
			)
		},
		example: {}
	},
	{
		path: '/export.geojson',
		tag: 'exports',
		summary: m.server_api_export_geojson_summary,
		description: m.server_api_export_geojson_description,
		query: [geoJsonParamsSchema],
		response: { description: m.server_api_export_geojson_response, contentType: 'application/geo+json', schema: R.exportGeoJsonResponse },
		example: {}
	},
	{
		path: '/export.json',
		tag: 'exports',
		summary: m.server_api_export_json_summary,
		description: m.server_api_export_json_description,
		query: [entityFiltersSchema],
		response: { description: m.server_api_export_json_response, contentType: JSON_TYPE, schema: R.exportJsonResponse },
		example: {}
	},
	{
		path: '/openapi.json',
		tag: 'meta',
		summary: m.server_api_openapi_json_summary,
		description: m.server_api_openapi_json_description,
		query: [openApiQuerySchema],
		response: { description: m.server_api_openapi_json_response, contentType: JSON_TYPE, schema: R.openApiResponse },
		example: {}
	}
];
