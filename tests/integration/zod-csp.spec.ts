import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * The pages' CSP has no 'unsafe-eval'. zod 4 probes for eval with `new Function('')` when the first object
 * schema is built, and the browser reported that probe as an `eval` violation on every page (issue 17).
 * src/lib/domain/zod.ts turns zod's JIT off in the browser before any schema exists.
 */
describe('zod sans eval dans le navigateur (CSP)', () => {
	afterAll(() => vi.unstubAllGlobals());

	it('builds and runs the shared schemas without ever calling the Function constructor', async () => {
		const RealFunction = Function;
		const bodies: string[] = [];
		const spy = new Proxy(RealFunction, {
			construct(target, args: string[]) {
				bodies.push(args.join(', '));
				return Reflect.construct(target, args);
			},
			apply(target, self, args: string[]) {
				bodies.push(args.join(', '));
				return Reflect.apply(target, self, args);
			}
		});
		vi.stubGlobal('window', {});
		vi.stubGlobal('Function', spy);
		// The spy sees what the browser would refuse.
		new Function('');
		expect(bodies).toEqual(['']);
		bodies.length = 0;

		// Loaded now (not at the top of this file), as the browser loads them: the schemas are built at import.
		const { z } = await import('../../src/lib/domain/zod');
		const { entityFiltersSchema } = await import('../../src/lib/domain/filters');
		await import('../../src/lib/domain/entity.schema');
		await import('../../src/lib/domain/api/responses');
		// An object parse is where the JIT would compile its fast path.
		const point = z.object({ lon: z.number(), lat: z.number() });
		for (let i = 0; i < 3; i++) expect(point.parse({ lon: 3.08, lat: 45.78 })).toEqual({ lon: 3.08, lat: 45.78 });
		expect(entityFiltersSchema.safeParse({}).success).toBe(true);
		expect(bodies).toEqual([]);
		expect(z.config().jitless).toBe(true);
	});

	it('lets browser code reach zod only through src/lib/domain/zod.ts', () => {
		const root = join(import.meta.dirname, '../../src');
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				const rel = relative(root, path);
				if (entry.isDirectory()) {
					if (rel !== join('lib', 'server') && rel !== join('lib', 'paraglide')) walk(path);
					continue;
				}
				if (!/\.(ts|js|svelte)$/.test(entry.name) || /(\.server\.ts|\+server\.ts|\.spec\.ts)$/.test(entry.name)) continue;
				if (rel === join('lib', 'domain', 'zod.ts') || rel === 'hooks.server.ts') continue;
				const text = readFileSync(path, 'utf8');
				// `import type` is erased at build time; any other import or re-export of zod runs in the browser.
				if (/^\s*(import|export)\s+(?!type\b)[^;]*from\s+['"]zod(\/[^'"]*)?['"]/m.test(text)) offenders.push(rel);
			}
		};
		walk(root);
		expect(offenders).toEqual([]);
	});
});
