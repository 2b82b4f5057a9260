import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { API_ENDPOINTS } from './registry';
import { openApiDocument, queryParameters } from './document';
import { frenchSpacing } from '$lib/domain/french/typography';

const API_DIR = join(process.cwd(), 'src/routes/api/v1');

/** Route directories holding a +server.ts, as OpenAPI paths (`[idOrSlug]` -> `{idOrSlug}`). */
function routePaths(dir = API_DIR): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (!statSync(full).isDirectory() || name.startsWith('[...')) continue;
		if (readdirSync(full).includes('+server.ts'))
			out.push(
				'/' +
					relative(API_DIR, full)
						.split('\\')
						.join('/')
						.replace(/\[([^\]]+)\]/g, '{$1}')
			);
		out.push(...routePaths(full));
	}
	return out;
}

describe('OpenAPI document', () => {
	const doc = openApiDocument('http://localhost');

	it('has the OpenAPI 3.1 structure', () => {
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
		expect(doc.info.title).toBeTruthy();
		expect(doc.info.version).toBeTruthy();
		expect(Object.keys(doc.paths).length).toBe(API_ENDPOINTS.length);
		for (const item of Object.values(doc.paths) as { get: { responses: Record<string, unknown>; summary: string } }[]) {
			expect(item.get.summary).toBeTruthy();
			expect(item.get.responses['200']).toBeDefined();
		}
	});

	it('documents every route of /api/v1', () => {
		const documented = new Set(Object.keys(doc.paths));
		const undocumented = routePaths().filter((p) => !documented.has(p));
		expect(undocumented).toEqual([]);
	});

	it('has one parameter per key of each query schema, arrays exploded', () => {
		for (const e of API_ENDPOINTS) {
			const item = (doc.paths as Record<string, { get: { parameters: { name: string; in: string; explode?: boolean; schema: { type?: string } }[] } }>)[
				e.path
			]!;
			const query = item.get.parameters.filter((p) => p.in === 'query');
			const keys = new Set(
				e.query.flatMap((s) =>
					s instanceof z.ZodObject ? Object.keys(s.shape) : (s as z.ZodDiscriminatedUnion).options.flatMap((o) => Object.keys((o as z.ZodObject).shape))
				)
			);
			expect(new Set(query.map((p) => p.name)), e.path).toEqual(keys);
			for (const p of query) if (p.schema.type === 'array') expect(p.explode, `${e.path} ${p.name}`).toBe(true);
			for (const name of Object.keys(e.pathParams ?? {})) expect(e.path).toContain(`{${name}}`);
		}
	});

	type Operation = {
		parameters: { name: string; in: string; description?: string; schema: { enum?: unknown[]; description?: string } }[];
		responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
	};
	const operations = () => Object.entries(doc.paths as Record<string, { get: Operation }>).map(([path, item]) => [path, item.get] as const);

	it('describes every parameter, in French, from the schema the endpoint validates with', () => {
		let described = 0;
		for (const [path, op] of operations())
			for (const p of op.parameters) {
				expect(p.description?.trim(), `${path} ${p.name}`).toBeTruthy();
				expect(p.schema.description, `${path} ${p.name} : description en double`).toBeUndefined();
				described++;
			}
		expect(described).toBeGreaterThan(100);
		const params = queryParameters([
			z.object({
				a: z.string().describe('Un texte.'),
				b: z
					.string()
					.optional()
					.meta({ description: 'Facultatif.', examples: ['x'] })
			})
		]);
		expect(params.map((p) => [p.name, p.description, p.schema.examples])).toEqual([
			['a', 'Un texte.', undefined],
			['b', 'Facultatif.', ['x']]
		]);
	});

	it('says its descriptions in English with ?lang=en; in French they are the schemas’ own', () => {
		const en = openApiDocument('http://localhost', 'en');
		const english = Object.entries(en.paths as Record<string, { get: Operation & { summary: string; description: string } }>);
		expect(english.length).toBe(API_ENDPOINTS.length);
		for (const [path, { get: op }] of english) {
			const fr = (doc.paths as Record<string, { get: Operation & { summary: string; description: string } }>)[path]!.get;
			expect(op.summary, path).not.toBe(fr.summary);
			expect(op.description, path).not.toBe(fr.description);
			const endpoint = API_ENDPOINTS.find((e) => e.path === path)!;
			const schemaTexts = new Map(queryParameters(endpoint.query).map((p) => [p.name, p.description]));
			for (const [i, p] of op.parameters.entries()) {
				const french = fr.parameters[i]!;
				expect(p.name).toBe(french.name);
				expect(p.description, `${path} ${p.name}: no English words`).not.toBe(french.description);
				if (p.in === 'query') expect(french.description, `${path} ${p.name}`).toBe(frenchSpacing(schemaTexts.get(p.name)!));
			}
		}
		expect(en.tags.map((t) => t.description)).not.toContain(doc.tags[0]!.description);
	});

	it('lists every value of a discriminated union’s tag', () => {
		const projects = operations().find(([path]) => path === '/pathways/projects')![1];
		expect(projects.parameters.find((p) => p.name === 'figure')!.schema.enum).toEqual(['transition', 'first', 'reached', 'arrived', 'stuck', 'leaving', 'all']);
	});

	it('gives every operation a 200 response with a schema for its media type, and errors with the shared one', () => {
		for (const [path, op] of operations()) {
			const e = API_ENDPOINTS.find((x) => x.path === path)!;
			const content = op.responses['200']!.content!;
			expect(Object.keys(content), path).toEqual([e.response.contentType]);
			const schema = content[e.response.contentType]!.schema!;
			if (e.response.contentType.includes('json')) {
				expect(schema.type, path).toBe('object');
				expect(Object.keys((schema.properties as object | undefined) ?? {}).length, path).toBeGreaterThan(0);
				expect(schema.required, path).toBeDefined();
			} else expect(schema, path).toMatchObject({ type: 'string', description: expect.any(String) });
			for (const status of ['400', '429', ...(e.errors ?? []).map(String)])
				expect(op.responses[status]!.content!['application/json']!.schema, `${path} ${status}`).toEqual({ $ref: '#/components/schemas/Erreur' });
		}
		expect(doc.components.schemas.Erreur).toMatchObject({ type: 'object', required: ['status', 'message'] });
	});

	it('marks required parameters from the schema itself', () => {
		const params = queryParameters([z.object({ a: z.string(), b: z.string().optional(), c: z.array(z.string()).default([]) })]);
		expect(params.map((p) => [p.name, p.required, p.explode ?? false])).toEqual([
			['a', true, false],
			['b', false, false],
			['c', false, true]
		]);
	});
});
