import type { RequestEvent } from '@sveltejs/kit';

type Env = Record<string, string | undefined>;

/** The key of requests that should have come through the proxy (ADDRESS_HEADER set) but carry no usable address. */
export const DIRECT_KEY = 'direct';
/** Without a proxy, when the runtime cannot say (not expected under adapter-node). */
export const UNKNOWN_KEY = 'inconnue';
/** An IPv6 address with a zone is under 64 characters; anything longer is not an address. */
const MAX_LENGTH = 64;

/** The operator said a reverse proxy forwards the visitor's address (adapter-node's ADDRESS_HEADER). */
export function addressHeaderConfigured(env: Env = process.env): boolean {
	return Boolean(env.ADDRESS_HEADER?.trim());
}

/**
 * The app sits behind a reverse proxy: ADDRESS_HEADER names the forwarded address, or ORIGIN is set
 * (adapter-node only speaks plain http, so a public origin means something in front of it).
 */
export function behindProxy(env: Env = process.env): boolean {
	return addressHeaderConfigured(env) || Boolean(env.ORIGIN?.trim());
}

/**
 * The one place that decides which client a request counts for, for every rate limit and the login throttle.
 * adapter-node's getClientAddress() gives the socket's address, or with ADDRESS_HEADER the forwarded one
 * (the XFF_DEPTH-th from the right of X-Forwarded-For); it throws when that header is missing or too short,
 * that is when someone reached the app's port without the proxy. Such requests never crash a form: they all
 * share the key « direct », hence one strict budget between them, and cannot pick their own address.
 */
export function clientKey(event: Pick<RequestEvent, 'getClientAddress'>, env: Env = process.env): string {
	const fallback = addressHeaderConfigured(env) ? DIRECT_KEY : UNKNOWN_KEY;
	let address: string;
	try {
		address = String(event.getClientAddress() ?? '').trim();
	} catch {
		return fallback;
	}
	if (!address || address.length > MAX_LENGTH || /[\s,]/.test(address)) return fallback;
	return address;
}
