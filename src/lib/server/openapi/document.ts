import { z } from 'zod';
import { API_ENDPOINTS, TAGS, type ApiEndpoint } from './registry';
import { paramDescription } from './param-words';
import { errorResponseSchema } from '$lib/domain/api/responses';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** JSON Schema of one parameter, as zod 4 writes it for the input side. */
export type ParamSchema = {
	type?: string;
	enum?: unknown[];
	items?: ParamSchema;
	default?: unknown;
	minimum?: number;
	maximum?: number;
	pattern?: string;
	maxLength?: number;
	examples?: unknown[];
	[k: string]: unknown;
};

export interface QueryParameter {
	name: string;
	in: 'query' | 'path';
	required: boolean;
	description?: string;
	schema: ParamSchema;
	style?: 'form';
	explode?: boolean;
	example?: string | string[];
}

const toJson = (schema: z.ZodType) =>
	z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, ParamSchema>; anyOf?: unknown[]; oneOf?: unknown[] };

/** The object schemas behind a query schema (a discriminated union brings several). */
function objectsOf(schema: z.ZodType): z.ZodObject[] {
	if (schema instanceof z.ZodObject) return [schema];
	if (schema instanceof z.ZodUnion) return schema.options.flatMap((o) => objectsOf(o as z.ZodType));
	throw new Error('Schéma de requête non pris en charge : un objet ou une union d’objets.');
}

/** Parameters of a query: one per top-level key; repeatable keys are arrays sent as `?k=a&k=b`. */
export function queryParameters(schemas: z.ZodType[]): QueryParameter[] {
	const byName = new Map<string, QueryParameter>();
	for (const schema of schemas) {
		const objects = objectsOf(schema);
		const union = objects.length > 1;
		for (const object of objects) {
			const props = toJson(object).properties ?? {};
			for (const [name, field] of Object.entries(object.shape)) {
				const json: ParamSchema = { ...(props[name] ?? {}) };
				delete json.$schema;
				// The parameter carries the description; its schema need not repeat it.
				delete json.description;
				// A discriminated union's tag is one literal per branch: all of them together are its values.
				if (union && json.const !== undefined) {
					json.enum = [json.const];
					delete json.const;
				}
				// An absent key is what the endpoint receives when the parameter is left out.
				const required = !union && !(field as z.ZodType).safeParse(undefined).success;
				const previous = byName.get(name);
				if (previous) {
					if (previous.schema.enum && json.enum) previous.schema.enum = [...new Set([...previous.schema.enum, ...json.enum])];
					continue;
				}
				const meta = z.globalRegistry.get(field as z.ZodType);
				// A transform hides its metadata from the JSON Schema: take the examples from the registry itself.
				if (meta?.examples && !json.examples) json.examples = meta.examples as unknown[];
				const description = meta?.description;
				byName.set(name, {
					name,
					in: 'query',
					required,
					...(description ? { description } : {}),
					schema: json,
					...(json.type === 'array' ? { style: 'form' as const, explode: true } : {})
				});
			}
		}
	}
	return [...byName.values()];
}

/** An endpoint's parameters, described in `locale`. */
export function endpointParameters(endpoint: ApiEndpoint, locale: Locale = 'fr'): QueryParameter[] {
	const path = Object.entries(endpoint.pathParams ?? {}).map(([name, words]): QueryParameter => ({
		name,
		in: 'path',
		required: true,
		description: words({}, { locale }),
		schema: { type: 'string' }
	}));
	const query = queryParameters(endpoint.query).map((p) => (p.description ? { ...p, description: paramDescription(p.description, locale) } : p));
	return [...path, ...query].map((p) => {
		const example = endpoint.example[p.name];
		return example === undefined ? p : { ...p, example };
	});
}

/** Example query of an endpoint, actors filled with the given ids or slugs. */
export function exampleUrl(endpoint: ApiEndpoint, actors: readonly string[] = []): string {
	let path = `/api/v1${endpoint.path}`;
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(endpoint.example)) for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
	(endpoint.actorParams ?? []).forEach((name, i) => {
		const actor = actors[i % Math.max(1, actors.length)] ?? 'exemple';
		if (endpoint.pathParams?.[name]) path = path.replace(`{${name}}`, encodeURIComponent(actor));
		else query.set(name, actor);
	});
	const qs = query.toString();
	return qs ? `${path}?${qs}` : path;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** zod writes the safe-integer bounds of every `.int()`: noise in a document meant for readers. */
function withoutSafeBounds(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(withoutSafeBounds);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(node)) {
		if ((k === 'minimum' && v === -SAFE) || (k === 'maximum' && v === SAFE)) continue;
		out[k] = withoutSafeBounds(v);
	}
	return out;
}

/** JSON Schema (2020-12, as OpenAPI 3.1 reads it) of a response body. */
export function responseSchema(schema: z.ZodType): Record<string, unknown> {
	const json = withoutSafeBounds(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
	delete json.$schema;
	return json;
}

const errorSchema = responseSchema(errorResponseSchema);

const ERROR_TEXT: Record<number, typeof m.server_api_error_other> = {
	304: m.server_api_error_304,
	400: m.server_api_error_400,
	404: m.server_api_error_404,
	429: m.server_api_error_429
};

/**
 * The OpenAPI 3.1 document of /api/v1, its descriptions in `locale` (the response bodies' own field
 * descriptions are written once, in French, on their schemas).
 */
export function openApiDocument(origin = '', locale: Locale = 'fr') {
	const o = { locale };
	const errorResponse = (status: number) => ({
		description: (ERROR_TEXT[status] ?? m.server_api_error_other)({}, o),
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Erreur' } } }
	});
	const paths: Record<string, unknown> = {};
	for (const e of API_ENDPOINTS) {
		paths[e.path] = {
			get: {
				operationId:
					e.path
						.replace(/[{}]/g, '')
						.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())
						.replace(/^./, (c) => c.toLowerCase()) || 'root',
				tags: [e.tag],
				summary: e.summary({}, o),
				description: e.description({}, o),
				parameters: endpointParameters(e, locale),
				responses: {
					'200': {
						description: e.response.description({}, o),
						headers: { ETag: { description: m.server_api_etag({}, o), schema: { type: 'string' } } },
						content: { [e.response.contentType]: { schema: responseSchema(e.response.schema) } }
					},
					'304': { description: m.server_api_error_304({}, o) },
					'400': errorResponse(400),
					...Object.fromEntries((e.errors ?? []).map((s) => [String(s), errorResponse(s)])),
					'429': errorResponse(429)
				}
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: m.server_api_info_title({}, o),
			version: '1.0.0',
			description: m.server_api_info_description({}, o),
			license: { name: 'Licence Ouverte / Open Licence 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }
		},
		servers: [{ url: `${origin}/api/v1` }],
		tags: Object.entries(TAGS).map(([name, words]) => ({ name, description: words({}, o) })),
		paths,
		components: { schemas: { Erreur: errorSchema } }
	};
}
