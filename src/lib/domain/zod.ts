import { z } from 'zod';

/**
 * The one door to zod for every schema the browser also loads (src/lib/domain): import `z` from here, never
 * from 'zod' (tests/integration/zod-csp.spec.ts checks it).
 *
 * zod 4 compiles object parsers with `new Function`, and decides whether it may when the first object schema
 * is built, by trying `new Function('')`. Under our CSP (script-src 'self', no 'unsafe-eval') the browser
 * refuses it and reports a `securitypolicyviolation` on every page, even though zod catches the refusal
 * (issue 17, security review). `jitless` skips both the probe and the compilation; it must be set before any
 * schema exists, which importing `z` from this module guarantees. The server keeps zod's compiled parsers (no
 * CSP applies to it, and imports parse many rows).
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
