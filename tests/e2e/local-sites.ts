/**
 * Small real servers around the app for the origin tests: another site (a page whose form posts to the
 * app, the way a cross-site attack would) and a reverse proxy adding the X-Forwarded-* headers the way
 * nginx or Caddy do in front of adapter-node.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalSite {
	url: string;
	close: () => Promise<void>;
}

function listen(server: Server, port = 0): Promise<LocalSite> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const { port: bound } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${bound}`,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** Another site: one page with a form that posts `fields` to `action` (an address of the app). */
export function startOtherSite(action: string, fields: Record<string, string>): Promise<LocalSite> {
	const inputs = Object.entries(fields)
		.map(([name, value]) => `<label>${escape(name)} <input name="${escape(name)}" value="${escape(value)}"></label>`)
		.join('\n');
	const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un autre site</title></head>
<body><h1>Un autre site</h1><form method="post" action="${escape(action)}">${inputs}<button type="submit">Envoyer au Connecteur Carto</button></form></body></html>`;
	return listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)));
}

/**
 * A reverse proxy on `port` in front of `upstream`: forwards every request and adds X-Forwarded-Proto,
 * X-Forwarded-Host and X-Forwarded-For, the last one naming `clientAddress` (the visitor's public address,
 * as the proxy would see it on the Internet).
 */
export function startReverseProxy(port: number, upstream: string, clientAddress: string): Promise<LocalSite> {
	const target = new URL(upstream);
	const server = createServer((req, res) => {
		const headers = {
			...req.headers,
			'x-forwarded-proto': 'http',
			'x-forwarded-host': req.headers.host ?? '',
			'x-forwarded-for': clientAddress
		};
		const forwarded = request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		forwarded.on('error', () => res.writeHead(502).end('Bad gateway'));
		req.pipe(forwarded);
	});
	return listen(server, port);
}
