/**
 * A GET to an address typed by someone outside (a partner's calendar, an article, a media's feed), fenced: http(s)
 * only, no private network (checked on the address actually connected to, so a DNS answer changed between a check
 * and the connection cannot reach the intranet), a deadline for the whole exchange, a size cap enforced while
 * reading (after decompression), and a bounded number of redirects, each target checked again. Conditional
 * headers make the usual poll (nothing changed) a 304 with no body. Returns the bytes: what they mean (a calendar,
 * a page, a feed) is the caller's business.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NBSP } from '$lib/domain/french/typography';
import { isPrivateAddress } from '../feeds/private-address';

export type FencedErrorCode = 'bad-url' | 'private-address' | 'timeout' | 'too-large' | 'http-status' | 'network' | 'too-many-redirects';

export type FencedFailure = { status: 'error'; code: FencedErrorCode; detail: string };

export type FencedResult =
	| { status: 'not-modified' }
	| { status: 'ok'; bytes: Buffer; contentType: string | null; etag: string | null; lastModified: string | null; finalUrl: string }
	| FencedFailure;

export interface FencedGetOptions {
	/** The Accept header: what the caller hopes to get. */
	accept: string;
	userAgent: string;
	etag?: string | null;
	lastModified?: string | null;
	timeoutMs?: number;
	maxBytes?: number;
	maxRedirects?: number;
	/**
	 * Tests only (the fake servers listen on 127.0.0.1): `true` allows every private address, a function allows the
	 * private addresses it accepts (to check that a redirect elsewhere is still refused).
	 */
	allowPrivateAddresses?: boolean | ((address: string) => boolean);
	/** Reads the first address and every redirect target; `httpUrl` unless the caller knows other schemes (webcal). */
	parseUrl?: (text: string, base?: URL) => URL | FencedFailure;
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const fencedFailure = (code: FencedErrorCode, detail: string): FencedFailure => ({ status: 'error', code, detail });
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export async function fencedGet(url: string, options: FencedGetOptions): Promise<FencedResult> {
	const settings = { ...DEFAULTS, ...options };
	const parseUrl = options.parseUrl ?? httpUrl;
	const allowed = addressPolicy(options.allowPrivateAddresses);
	const deadline = Date.now() + settings.timeoutMs;
	let target = parseUrl(url);
	for (let redirects = 0; ; redirects++) {
		if (!(target instanceof URL)) return target;
		const host = target.hostname.replace(/^\[|\]$/g, '');
		if (isIP(host) && !allowed(host)) return fencedFailure('private-address', `Adresse privée refusée${NBSP}: ${host}.`);
		const hop = await requestOnce(target, { ...settings, allowed, timeoutMs: deadline - Date.now() });
		if (!('redirect' in hop)) return hop;
		if (redirects >= settings.maxRedirects) return fencedFailure('too-many-redirects', `Plus de ${settings.maxRedirects} redirections.`);
		target = parseUrl(hop.redirect, target);
	}
}

/** An http(s) address with a server name, resolved against `base` (a redirect's Location may be relative). */
export function httpUrl(text: string, base?: URL): URL | FencedFailure {
	let url: URL;
	try {
		url = new URL(text.trim(), base);
	} catch {
		return fencedFailure('bad-url', `Adresse illisible${NBSP}: ${quoted(text)}.`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return fencedFailure('bad-url', `Seules les adresses http et https sont acceptées (${quoted(url.protocol)}).`);
	if (!url.hostname) return fencedFailure('bad-url', `Adresse sans nom de serveur${NBSP}: ${quoted(text)}.`);
	return url;
}

function addressPolicy(allow: FencedGetOptions['allowPrivateAddresses']): (address: string) => boolean {
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

type Hop = FencedResult | { redirect: string };

interface HopSettings {
	accept: string;
	userAgent: string;
	etag?: string | null;
	lastModified?: string | null;
	timeoutMs: number;
	maxBytes: number;
	allowed: (address: string) => boolean;
}

function requestOnce(url: URL, settings: HopSettings): Promise<Hop> {
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
			'user-agent': settings.userAgent,
			accept: settings.accept,
			'accept-encoding': 'gzip, deflate, br'
		};
		if (settings.etag) headers['if-none-match'] = settings.etag;
		if (settings.lastModified) headers['if-modified-since'] = settings.lastModified;
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		// agent: false gives every request a fresh socket, so the connected address below is always checked.
		const request = send(url, { method: 'GET', headers, agent: false, lookup: guardedLookup(settings.allowed) }, (response) =>
			readResponse(url, response, settings.maxBytes, finish, (stream) => (body = stream))
		);
		const timer = setTimeout(
			() => finish(fencedFailure('timeout', `Pas de réponse complète en ${String(Math.round(settings.timeoutMs / 100) / 10).replace('.', ',')}${NBSP}s.`)),
			Math.max(settings.timeoutMs, 0)
		);
		request.on('socket', (socket: Socket) => {
			socket.once('connect', () => {
				const address = socket.remoteAddress;
				if (address && !settings.allowed(address)) finish(fencedFailure('private-address', `Adresse privée refusée${NBSP}: ${address}.`));
			});
		});
		request.on('error', (error: NodeJS.ErrnoException) => {
			if (error instanceof RefusedAddressError) finish(fencedFailure('private-address', error.message));
			else finish(fencedFailure('network', networkDetail(url, error)));
		});
		request.end();
	});
}

function readResponse(url: URL, response: IncomingMessage, maxBytes: number, finish: (hop: Hop) => void, track: (body: Readable) => void): void {
	const status = response.statusCode ?? 0;
	if (REDIRECTS.has(status)) {
		const location = response.headers.location;
		finish(location ? { redirect: location } : fencedFailure('http-status', `Redirection ${status} sans adresse (Location).`));
		return;
	}
	if (status === 304) return finish({ status: 'not-modified' });
	if (status !== 200)
		return finish(fencedFailure('http-status', `Le serveur a répondu ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`));
	const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
	const declared = Number(response.headers['content-length']);
	if (encoding === 'identity' && declared > maxBytes) return finish(tooLarge(maxBytes));
	const body = decompressed(response, encoding);
	if (!body) return finish(fencedFailure('network', `Compression inconnue${NBSP}: ${quoted(encoding)}.`));
	track(body);
	const chunks: Buffer[] = [];
	let size = 0;
	body.on('data', (chunk: Buffer) => {
		size += chunk.length;
		// Counted after decompression, so a small gzip bomb is stopped as early as a big plain file.
		if (size > maxBytes) finish(tooLarge(maxBytes));
		else chunks.push(chunk);
	});
	body.on('error', (error: NodeJS.ErrnoException) => finish(fencedFailure('network', networkDetail(url, error))));
	body.on('end', () =>
		finish({
			status: 'ok',
			bytes: Buffer.concat(chunks, size),
			contentType: header(response, 'content-type'),
			etag: header(response, 'etag'),
			lastModified: header(response, 'last-modified'),
			finalUrl: url.href
		})
	);
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

const tooLarge = (maxBytes: number) => fencedFailure('too-large', `Fichier de plus de ${Math.round(maxBytes / 1024 / 1024) || 1}${NBSP}Mo.`);

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
