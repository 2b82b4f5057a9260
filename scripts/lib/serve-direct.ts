/**
 * The built app over plain http when the operator set no ORIGIN (what `npm start` runs then), through
 * adapter-node's documented custom-server entry (build/handler.js).
 *
 * Without ORIGIN, adapter-node would take every request for https and SvelteKit's form check would refuse
 * every form. Here each request gets its origin from where the browser reached the machine: the Host
 * header when it is localhost or an IP literal (http://localhost:3000, http://127.0.0.1:3000, the LAN
 * address), else the origin derived from PORT/HOST (so a DNS-rebinding name never becomes the site).
 * adapter-node reads them from two private headers, set here on every request (a client's own values are
 * overwritten).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { derivedOrigin, directHost } from '../../src/lib/server/http/origin';

const PROTOCOL_HEADER = 'x-carto-direct-protocol';
const HOST_HEADER = 'x-carto-direct-host';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// Read by build/handler.js when it is first imported: set before the import.
process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
process.env.HOST_HEADER = HOST_HEADER;
const fallbackHost = new URL(derivedOrigin(process.env)).host;
const { handler } = (await import(pathToFileURL(resolve('build/handler.js')).href)) as { handler: Handler };

const server = createServer((req, res) => {
	req.headers[PROTOCOL_HEADER] = 'http';
	req.headers[HOST_HEADER] = directHost(req.headers.host) ?? fallbackHost;
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

/**
 * An idle keep-alive connection is kept 65 s (KEEP_ALIVE_TIMEOUT, in seconds, as adapter-node reads it), not
 * Node's 5 s: a visitor's next click on a connection the server is closing at that moment was reset
 * (ECONNRESET), and a busy second on the server made it likely (`npm run bench:load -- --think=2000`, 21 resets).
 */
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT || 65) * 1000;

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => console.log(`Listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`));

/**
 * As adapter-node's own server: finish the requests under way, then stop (SHUTDOWN_TIMEOUT seconds at most),
 * and emit 'sveltekit:shutdown' as it does, so the app checkpoints its WAL and closes the database.
 */
let stopping = false;
function shutdown(reason: 'SIGTERM' | 'SIGINT') {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => {
		process.emit('sveltekit:shutdown' as 'exit', reason as unknown as number);
		process.exit(0);
	});
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
