import type { Db } from '../db';
import { listEntitiesApi } from '../services/entity-api.service';
import { endpointParameters, exampleUrl, type ParamSchema } from './document';
import { API_ENDPOINTS, TAGS } from './registry';
import { DEFAULT_API_RATE_LIMIT } from '../http/rate-limit-api';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

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

/** A readable type for a parameter's JSON Schema. */
function typeLabel(s: ParamSchema, locale: Locale): string {
	const o = { locale };
	if (s.type === 'array') return s.items?.enum ? m.server_api_type_values({}, o) : m.server_api_type_list({ type: typeLabel(s.items ?? {}, locale) }, o);
	if (s.enum) return m.server_api_type_value({}, o);
	if (s.type === 'integer') return m.server_api_type_integer({}, o);
	if (s.type === 'number') return m.server_api_type_number({}, o);
	return m.server_api_type_text({}, o);
}

function constraints(s: ParamSchema, locale: Locale): string {
	const inner = s.type === 'array' ? (s.items ?? {}) : s;
	const parts: string[] = [];
	if (inner.minimum !== undefined && inner.minimum > -1e15) parts.push(`≥ ${inner.minimum}`);
	if (inner.maximum !== undefined && inner.maximum < 1e15) parts.push(`≤ ${inner.maximum}`);
	if (inner.maxLength !== undefined) parts.push(m.server_api_max_length({ count: String(inner.maxLength) }, { locale }));
	if (inner.pattern) parts.push(m.server_api_pattern({ pattern: inner.pattern }, { locale }));
	return parts.join(', ');
}

/** The /api page: every endpoint of the OpenAPI registry, with parameters and a working example, described in the page's language. */
export function apiPageData(db: Db, locale: Locale = getLocale()) {
	const o = { locale };
	const actors = listEntitiesApi(db, new URLSearchParams('limit=2')).items.map((e) => e.slug);
	const endpoints = API_ENDPOINTS.map((e) => ({
		path: `/api/v1${e.path}`,
		tag: e.tag,
		summary: e.summary({}, o),
		description: e.description({}, o),
		contentType: e.response.contentType,
		responseDescription: e.response.description({}, o),
		example: exampleUrl(e, actors),
		params: endpointParameters(e, locale).map((p): ParamDoc => ({
			name: p.name,
			description: p.description ?? '',
			examples: (p.schema.examples ?? []).map((x) => (Array.isArray(x) ? x.join(', ') : String(x))),
			where: p.in,
			required: p.required,
			repeatable: p.schema.type === 'array',
			type: typeLabel(p.schema, locale),
			values: ((p.schema.type === 'array' ? p.schema.items?.enum : p.schema.enum) ?? []).map(String),
			constraints: constraints(p.schema, locale),
			defaultValue: p.schema.default === undefined || (Array.isArray(p.schema.default) && p.schema.default.length === 0) ? null : String(p.schema.default)
		}))
	}));
	return {
		tags: Object.entries(TAGS).map(([id, words]) => ({ id, label: words({}, o), endpoints: endpoints.filter((e) => e.tag === id) })),
		rateLimit: DEFAULT_API_RATE_LIMIT
	};
}
