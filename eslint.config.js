// ESLint's flat configuration: the recommended JavaScript, TypeScript and Svelte rules, with Prettier owning layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'data/', 'static/', 'drizzle/', 'src/lib/paraglide/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// Unused arguments and caught errors named with a leading underscore are deliberate.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// `ready && draw()` and `a ? b() : c()` are how small effects read here.
			'@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
			// TypeScript already checks names (and knows ambient types such as GeoJSON); ESLint's check misreads them.
			'no-undef': 'off',
			// Importers and sanitisers match control characters on purpose, to remove them.
			'no-control-regex': 'off',
			// The site has no base path: addresses come from the explore codec and the route helpers, not resolve().
			'svelte/no-navigation-without-resolve': 'off',
			// Maps, Sets and URLSearchParams built inside a function or a $derived and never mutated afterwards need no proxy.
			'svelte/prefer-svelte-reactivity': 'off',
			// `{' · '}` and `{' '}` keep a space next to a tag, which plain text would lose when the markup is re-wrapped.
			'svelte/no-useless-mustaches': 'off',
			// Whether a svelte-ignore is still needed is the compiler's call (svelte-check), which ESLint's parser does not always see.
			'svelte/no-unused-svelte-ignore': 'off'
		}
	}
);
