/**
 * Downloads a partner's public calendar address. The address is typed by someone outside, so the request is
 * fenced: http(s) only, no private network (checked on the address actually connected to, so a DNS answer
 * changed between a check and the connection cannot reach the intranet), a deadline, a size cap enforced while
 * reading, and a bounded number of redirects, each target checked again. Conditional headers make the usual
 * poll (nothing changed) a 304 with no body.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NBSP } from '$lib/domain/french/typography';
import { charsetOf, decodeCalendarBytes } from './calendar-decode';
import { isPrivateAddress } from './private-address';

export type FetchErrorCode = 'bad-url' | 'private-address' | 'timeout' | 'too-large' | 'http-status' | 'network' | 'too-many-redirects' | 'not-calendar';

export type FetchResult =
	| { status: 'not-modified' }
	| { status: 'ok'; text: string; etag: string | null; lastModified: string | null; finalUrl: string }
	| { status: 'error'; code: FetchErrorCode; detail: string };

export interface PreviousFetch {
	etag?: string | null;
	lastModified?: string | null;
}

export interface FetchCalendarOptions {
	timeoutMs?: number;
	maxBytes?: number;
	/**
	 * Tests only (the fake calendar server listens on 127.0.0.1): `true` allows every private address, a function
	 * allows the private addresses it accepts (to check that a redirect elsewhere is still refused).
	 */
	allowPrivateAddresses?: boolean | ((address: string) => boolean);
	maxRedirects?: number;
}

export const CALENDAR_USER_AGENT = 'ConnecteurCarto/1.0 (+agenda)';
const DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Failure = Extract<FetchResult, { status: 'error' }>;
const failure = (code: FetchErrorCode, detail: string): Failure => ({ status: 'error', code, detail });
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export async function fetchCalendar(url: string, previous: PreviousFetch = {}, options: FetchCalendarOptions = {}): Promise<FetchResult> {
	const settings = { ...DEFAULTS, ...options };
	const allowed = addressPolicy(options.allowPrivateAddresses);
	const deadline = Date.now() + settings.timeoutMs;
	let target = calendarUrl(url);
	for (let redirects = 0; ; redirects++) {
		if (!(target instanceof URL)) return target;
		const host = target.hostname.replace(/^\[|\]$/g, '');
		if (isIP(host) && !allowed(host)) return failure('private-address', `Adresse privée refusée${NBSP}: ${host}.`);
		const hop = await requestOnce(target, previous, { ...settings, allowed, timeoutMs: deadline - Date.now() });
		if (!('redirect' in hop)) return hop;
		if (redirects >= settings.maxRedirects) return failure('too-many-redirects', `Plus de ${settings.maxRedirects} redirections.`);
		target = calendarUrl(hop.redirect, target);
	}
}

/** webcal:// is how calendar applications say « subscribe »; it is plain https underneath. */
export function calendarUrl(text: string, base?: URL): URL | Failure {
	let url: URL;
	try {
		url = new URL(text.trim(), base);
	} catch {
		return failure('bad-url', `Adresse illisible${NBSP}: ${quoted(text)}.`);
	}
	if (url.protocol === 'webcal:' || url.protocol === 'webcals:') url = new URL(`https:${url.href.slice(url.protocol.length)}`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return failure('bad-url', `Seules les adresses http, https et webcal sont acceptées (${quoted(url.protocol)}).`);
	if (!url.hostname) return failure('bad-url', `Adresse sans nom de serveur${NBSP}: ${quoted(text)}.`);
	return url;
}

function addressPolicy(allow: FetchCalendarOptions['allowPrivateAddresses']): (address: string) => boolean {
	if (allow === true) return () => true;
	if (typeof allow === 'function') return (address) => !isPrivateAddress(address) || allow(address);
	return (address) => !isPrivateAddress(address);
}

export class RefusedAddressError extends Error {}

/**
 * Resolves like the system does, then keeps only the allowed addresses: the socket can only connect to what this
 * returns, which closes the gap between a check and the connection (DNS rebinding).
 */
export function guardedLookup(allowed: (address: string) => boolean): LookupFunction {
	return (hostname, options, callback) => {
		dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
			if (error) return callback(error, '');
			const usable = addresses.filter((a) => allowed(a.address));
			if (usable.length === 0) {
				const list = addresses.map((a) => a.address).join(', ');
				return callback(new RefusedAddressError(`${hostname} mène à une adresse privée (${list}).`), '');
			}
			if (options.all) return callback(null, usable);
			const first = usable[0] as LookupAddress;
			callback(null, first.address, first.family);
		});
	};
}

type Hop = FetchResult | { redirect: string };

interface HopSettings {
	timeoutMs: number;
	maxBytes: number;
	allowed: (address: string) => boolean;
}

function requestOnce(url: URL, previous: PreviousFetch, settings: HopSettings): Promise<Hop> {
	return new Promise((resolve) => {
		let settled = false;
		let body: Readable | undefined;
		const finish = (hop: Hop) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			body?.destroy();
			request.destroy();
			resolve(hop);
		};
		const headers: Record<string, string> = {
			'user-agent': CALENDAR_USER_AGENT,
			accept: 'text/calendar, text/plain;q=0.8, */*;q=0.5',
			'accept-encoding': 'gzip, deflate, br'
		};
		if (previous.etag) headers['if-none-match'] = previous.etag;
		if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		// agent: false gives every request a fresh socket, so the connected address below is always checked.
		const request = send(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(settings.allowed) }, (response) =>
			readResponse(url, response, settings.maxBytes, finish, (stream) => (body = stream))
		);
		const timer = setTimeout(
			() => finish(failure('timeout', `Pas de réponse complète en ${Math.round(settings.timeoutMs / 100) / 10}${NBSP}s.`)),
			Math.max(settings.timeoutMs, 0)
		);
		request.on('socket', (socket: Socket) => {
			socket.once('connect', () => {
				const address = socket.remoteAddress;
				if (address && !settings.allowed(address)) finish(failure('private-address', `Adresse privée refusée${NBSP}: ${address}.`));
			});
		});
		request.on('error', (error: NodeJS.ErrnoException) => {
			if (error instanceof RefusedAddressError) finish(failure('private-address', error.message));
			else finish(failure('network', networkDetail(url, error)));
		});
		request.end();
	});
}

function readResponse(url: URL, response: IncomingMessage, maxBytes: number, finish: (hop: Hop) => void, track: (body: Readable) => void): void {
	const status = response.statusCode ?? 0;
	if (REDIRECTS.has(status)) {
		const location = response.headers.location;
		finish(location ? { redirect: location } : failure('http-status', `Redirection ${status} sans adresse (Location).`));
		return;
	}
	if (status === 304) return finish({ status: 'not-modified' });
	if (status !== 200) return finish(failure('http-status', `Le serveur a répondu ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`));
	const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
	const declared = Number(response.headers['content-length']);
	if (encoding === 'identity' && declared > maxBytes) return finish(tooLarge(maxBytes));
	const body = decompressed(response, encoding);
	if (!body) return finish(failure('network', `Compression inconnue${NBSP}: ${quoted(encoding)}.`));
	track(body);
	const chunks: Buffer[] = [];
	let size = 0;
	body.on('data', (chunk: Buffer) => {
		size += chunk.length;
		// Counted after decompression, so a small gzip bomb is stopped as early as a big plain file.
		if (size > maxBytes) finish(tooLarge(maxBytes));
		else chunks.push(chunk);
	});
	body.on('error', (error: NodeJS.ErrnoException) => finish(failure('network', networkDetail(url, error))));
	body.on('end', () => {
		const text = decodeCalendarBytes(Buffer.concat(chunks, size), charsetOf(response.headers['content-type']));
		if (!/BEGIN:VCALENDAR/i.test(text)) {
			const type = response.headers['content-type'] ?? 'sans type';
			return finish(failure('not-calendar', `La réponse n’est pas un calendrier iCalendar (${type}).`));
		}
		finish({
			status: 'ok',
			text: text.replace(/^\uFEFF/, ''),
			etag: header(response, 'etag'),
			lastModified: header(response, 'last-modified'),
			finalUrl: url.href
		});
	});
}

function decompressed(response: IncomingMessage, encoding: string): Readable | null {
	if (encoding === 'identity') return response;
	const decoder =
		encoding === 'gzip' || encoding === 'x-gzip'
			? createGunzip()
			: encoding === 'deflate'
				? createInflate()
				: encoding === 'br'
					? createBrotliDecompress()
					: null;
	if (!decoder) return null;
	response.on('error', (error) => decoder.destroy(error));
	return response.pipe(decoder);
}

const tooLarge = (maxBytes: number) => failure('too-large', `Fichier de plus de ${Math.round(maxBytes / 1024 / 1024) || 1}${NBSP}Mo.`);

function header(response: IncomingMessage, name: string): string | null {
	const value = response.headers[name];
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function networkDetail(url: URL, error: NodeJS.ErrnoException): string {
	if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `Serveur introuvable${NBSP}: ${url.hostname}.`;
	if (error.code === 'ECONNREFUSED') return `Connexion refusée par ${url.host}.`;
	if (error.code === 'ECONNRESET') return `Connexion interrompue par ${url.host}.`;
	return `Erreur réseau${error.code ? ` (${error.code})` : ''}${NBSP}: ${error.message}`;
}
