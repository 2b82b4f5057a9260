/**
 * Paraglide's compiler options, said once: the Vite plugin (vite.config.ts) and `npm run i18n:compile`
 * (scripts/i18n-compile.ts, run before svelte-check) must produce the same src/lib/paraglide, or the type
 * check would read a different runtime from the one the build ships. Plain JavaScript, so Vite's config
 * loader imports it as it is.
 *
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The URL decides the page's language (/en/… English, the root French). The cookie only remembers the
	// visitor's last choice for their next entry at a French address; Accept-Language is read by
	// src/lib/server/i18n/entry-locale.ts when there is no cookie yet (paraglide would never reach it
	// after "url", which always answers: the root is French).
	strategy: ['url', 'cookie', 'baseLocale']
};
