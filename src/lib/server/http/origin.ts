/**
 * The site's public origin. An operator behind a proxy sets ORIGIN (adapter-node); without it, `npm start`
 * serves plain http and derives the origin from where it listens, so forms work on a fresh install
 * (adapter-node alone would assume https and refuse every form). Shared by scripts/start.ts, the direct
 * server (scripts/lib/serve-direct.ts) and scripts/user-create.ts, which prints links with it.
 */
import { isIP } from 'node:net';

export const DEFAULT_PORT = '3000';

type Env = Record<string, string | undefined>;

/**
 * True when the operator said how the site is reached: ORIGIN, or the proxy headers adapter-node reads
 * (PROTOCOL_HEADER / HOST_HEADER). Then adapter-node's own rules apply and nothing is derived.
 */
export function originConfigured(env: Env): boolean {
	return Boolean(env.ORIGIN?.trim() || env.PROTOCOL_HEADER?.trim() || env.HOST_HEADER?.trim());
}

/**
 * `http://localhost:<port>` when listening on every interface (0.0.0.0, ::), on localhost or on the default;
 * otherwise `http://<HOST>:<port>` (IPv6 literals in brackets).
 */
export function derivedOrigin(env: Env): string {
	const port = env.PORT?.trim() || DEFAULT_PORT;
	const host = (env.HOST?.trim() || '0.0.0.0').toLowerCase();
	const name = ['0.0.0.0', '::', '[::]', 'localhost'].includes(host) ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
	// Through URL: port 80 disappears, as in the Origin header a browser sends.
	return new URL(`http://${name}:${port}`).origin;
}

/** The origin links should use: ORIGIN when set, else the derived one. */
export function publicOrigin(env: Env): { origin: string; derived: boolean } {
	const set = env.ORIGIN?.trim();
	if (!set) return { origin: derivedOrigin(env), derived: true };
	const url = URL.canParse(set) ? new URL(set) : null;
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw new Error(`ORIGIN invalide (« ${set} ») : indiquez une origine complète, comme https://carto.exemple.fr.`);
	}
	return { origin: url.origin, derived: false };
}

/** The start-up line, in French: which origin is assumed and what to set behind an HTTPS proxy. */
export function originNotice(env: Env): string {
	const { origin, derived } = publicOrigin(env);
	if (!derived) return `Origine publique (ORIGIN) : ${origin}.`;
	if (originConfigured(env)) return `Origine lue dans les en-têtes du proxy (PROTOCOL_HEADER / HOST_HEADER) ; liens en ligne de commande : ${origin}.`;
	return `Origine supposée : ${origin} (ORIGIN non défini : le site répond en http sous localhost, 127.0.0.1 et l'adresse IP de la machine) ; derrière un proxy HTTPS, définissez ORIGIN=https://votre-domaine.`;
}

/**
 * A Host header naming this machine directly: `localhost` or an IP literal, with an optional port; null for
 * anything else. A DNS name is not trusted: a rebinding name (evil.example resolving to 127.0.0.1) must
 * not become the site's origin.
 */
export function directHost(hostHeader: string | undefined): string | null {
	if (!hostHeader) return null;
	const match = /^(\[[0-9a-f:.]+\]|[0-9a-z.]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
	if (!match) return null;
	const [, name = '', port] = match;
	if (port !== undefined && Number(port) > 65_535) return null;
	const bare = name.startsWith('[') ? name.slice(1, -1) : name;
	const literal = name.startsWith('[') ? isIP(bare) === 6 : isIP(bare) === 4;
	if (!literal && name.toLowerCase() !== 'localhost') return null;
	return `${name.toLowerCase()}${port === undefined ? '' : `:${port}`}`;
}
