/**
 * A fake calendar publisher for tests: a real node:http server on 127.0.0.1 (random port) serving the feeds a test
 * sets, and changing them between polls as a partner's Google or Outlook calendar would.
 *
 *   const server = await startFakeCalendarServer();
 *   server.setFeed('/agenda.ics', ics, { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
 *   await fetchCalendar(server.url('/agenda.ics'), {}, { allowPrivateAddresses: true });
 *   server.setRedirect('/old.ics', '/agenda.ics');  // 302 (or the status given)
 *   server.requests;                                  // every request: path and headers, in order
 *   await server.close();
 *
 * If-None-Match / If-Modified-Since are honoured with a 304 when they match the feed's ETag / Last-Modified.
 * Options: `delayMs` (answer late), `contentType`, `status` (e.g. 500), `gzip` (only when the client accepts
 * it), `chunked` (no Content-Length), `endless` (repeat the body until the client hangs up, to check a size
 * limit stops reading). Unknown paths get a 404 HTML page, as a web server would.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface FakeFeedOptions {
	etag?: string;
	lastModified?: string;
	contentType?: string;
	delayMs?: number;
	status?: number;
	gzip?: boolean;
	chunked?: boolean;
	endless?: boolean;
}

export interface FakeCalendarRequest {
	path: string;
	headers: IncomingHttpHeaders;
}

export interface FakeCalendarServer {
	/** Full address of a path on this server, e.g. http://127.0.0.1:41234/agenda.ics. */
	url(path: string): string;
	port: number;
	setFeed(path: string, body: string | Buffer, options?: FakeFeedOptions): void;
	setRedirect(path: string, location: string, status?: number): void;
	/** Every request received, in order. */
	requests: FakeCalendarRequest[];
	close(): Promise<void>;
}

type Route = { kind: 'feed'; body: Buffer; options: FakeFeedOptions } | { kind: 'redirect'; location: string; status: number };

export async function startFakeCalendarServer(): Promise<FakeCalendarServer> {
	const routes = new Map<string, Route>();
	const requests: FakeCalendarRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();

	function later(res: ServerResponse, delayMs: number, answer: () => void) {
		const timer = setTimeout(() => {
			timers.delete(timer);
			if (!res.destroyed) answer();
		}, delayMs);
		timers.add(timer);
		res.on('close', () => {
			clearTimeout(timer);
			timers.delete(timer);
		});
	}

	function serveFeed(res: ServerResponse, headers: IncomingHttpHeaders, body: Buffer, options: FakeFeedOptions) {
		const common: Record<string, string> = {};
		if (options.etag) common.etag = options.etag;
		if (options.lastModified) common['last-modified'] = options.lastModified;
		const etagMatches = options.etag !== undefined && headers['if-none-match'] === options.etag;
		const dateMatches = options.lastModified !== undefined && headers['if-none-match'] === undefined && headers['if-modified-since'] === options.lastModified;
		if (etagMatches || dateMatches) {
			res.writeHead(304, common);
			res.end();
			return;
		}
		const status = options.status ?? 200;
		const contentType = options.contentType ?? 'text/calendar; charset=utf-8';
		if (options.endless) {
			res.writeHead(status, { ...common, 'content-type': contentType });
			const pump = () => {
				while (!res.destroyed && res.write(body));
				if (!res.destroyed) res.once('drain', pump);
			};
			pump();
			return;
		}
		const gzip = options.gzip && /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''));
		const payload = gzip ? gzipSync(body) : body;
		const head: Record<string, string> = { ...common, 'content-type': contentType };
		if (gzip) head['content-encoding'] = 'gzip';
		if (!options.chunked) head['content-length'] = String(payload.length);
		res.writeHead(status, head);
		if (options.chunked) {
			for (let i = 0; i < payload.length; i += 16_384) res.write(payload.subarray(i, i + 16_384));
			res.end();
		} else res.end(payload);
	}

	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		requests.push({ path, headers: req.headers });
		const route = routes.get(path);
		if (!route) {
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
			return;
		}
		if (route.kind === 'redirect') {
			res.writeHead(route.status, { location: route.location });
			res.end();
			return;
		}
		const { body, options } = route;
		if (options.delayMs) later(res, options.delayMs, () => serveFeed(res, req.headers, body, options));
		else serveFeed(res, req.headers, body, options);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;

	let closed: Promise<void> | undefined;
	return {
		port,
		url: (path: string) => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
		setFeed(path, body, options = {}) {
			routes.set(path, { kind: 'feed', body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, options });
		},
		setRedirect(path, location, status = 302) {
			routes.set(path, { kind: 'redirect', location, status });
		},
		requests,
		close() {
			closed ??= new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		}
	};
}
