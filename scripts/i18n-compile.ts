/**
 * `npm run i18n:compile`: messages/*.json -> src/lib/paraglide (typed message functions and the runtime).
 * The Vite plugin does the same for `vite dev`, `vite build` and vitest; svelte-check does not run Vite
 * plugins, so `npm run check` (and `prepare`, for editors right after `npm install`) call this first.
 */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './lib/paraglide-options.js';

await compile(paraglideOptions);
// The inlang SDK leaves timers behind that hold the process for about 30 s after compiling (measured with
// 2.25.4); paraglide's own CLI exits explicitly for the same reason.
process.exit(0);
