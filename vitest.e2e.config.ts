import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests against the built server (`node build`): run `npx vite build` first. */
export default defineConfig({
	// Tests compute expected sentences with the French-phrasing module, whose files import through `$lib`.
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		// One browser, one server, one database: files run one after the other.
		fileParallelism: false,
		pool: 'forks',
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
