import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/lib/paraglide-options.js';

export default defineConfig({
	// Paraglide first: it writes src/lib/paraglide before SvelteKit compiles the files that import it. Not under
	// Vitest: the messages are compiled by then (`npm install`'s prepare, `npm run check`), and the plugin kept
	// every test run alive 10 s after its last test.
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]), sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Integration tests each build their own SQLite file; files run in parallel forks.
		pool: 'forks'
	}
});
