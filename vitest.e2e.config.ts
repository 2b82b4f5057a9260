import { defineConfig } from 'vitest/config';

/** Browser tests against the built server (`node build`): run `npx vite build` first. */
export default defineConfig({
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
