import type { Db } from '../db';
import { listEntitiesApi } from '../services/entity-api.service';
import { endpointParameters, exampleUrl, type ParamSchema } from './document';
import { API_ENDPOINTS, TAGS } from './registry';
import { DEFAULT_API_RATE_LIMIT } from '../http/rate-limit-api';

export interface ParamDoc {
	name: string;
	description: string;
	/** Example values, as they are written in a URL. */
	examples: string[];
	where: 'query' | 'path';
	required: boolean;
	repeatable: boolean;
	type: string;
	values: string[];
	constraints: string;
	defaultValue: string | null;
}

/** A readable type for a parameter's JSON Schema, in French. */
function typeLabel(s: ParamSchema): string {
	if (s.type === 'array') return s.items?.enum ? 'liste de valeurs' : `liste (${typeLabel(s.items ?? {})})`;
	if (s.enum) return 'une valeur';
	if (s.type === 'integer') return 'entier';
	if (s.type === 'number') return 'nombre';
	if (s.type === 'string') return 'texte';
	return 'texte';
}

function constraints(s: ParamSchema): string {
	const inner = s.type === 'array' ? (s.items ?? {}) : s;
	const parts: string[] = [];
	if (inner.minimum !== undefined && inner.minimum > -1e15) parts.push(`≥ ${inner.minimum}`);
	if (inner.maximum !== undefined && inner.maximum < 1e15) parts.push(`≤ ${inner.maximum}`);
	if (inner.maxLength !== undefined) parts.push(`${inner.maxLength} caractères au plus`);
	if (inner.pattern) parts.push(`motif ${inner.pattern}`);
	return parts.join(', ');
}

/** The /api page: every endpoint of the OpenAPI registry, with parameters and a working example. */
export function apiPageData(db: Db) {
	const actors = listEntitiesApi(db, new URLSearchParams('limit=2')).items.map((e) => e.slug);
	const endpoints = API_ENDPOINTS.map((e) => ({
		path: `/api/v1${e.path}`,
		tag: e.tag,
		summary: e.summary,
		description: e.description,
		contentType: e.response.contentType,
		responseDescription: e.response.description,
		example: exampleUrl(e, actors),
		params: endpointParameters(e).map((p): ParamDoc => ({
			name: p.name,
			description: p.description ?? '',
			examples: (p.schema.examples ?? []).map((x) => (Array.isArray(x) ? x.join(', ') : String(x))),
			where: p.in,
			required: p.required,
			repeatable: p.schema.type === 'array',
			type: typeLabel(p.schema),
			values: ((p.schema.type === 'array' ? p.schema.items?.enum : p.schema.enum) ?? []).map(String),
			constraints: constraints(p.schema),
			defaultValue: p.schema.default === undefined || (Array.isArray(p.schema.default) && p.schema.default.length === 0) ? null : String(p.schema.default)
		}))
	}));
	return {
		tags: Object.entries(TAGS).map(([id, label]) => ({ id, label, endpoints: endpoints.filter((e) => e.tag === id) })),
		rateLimit: DEFAULT_API_RATE_LIMIT
	};
}
