/**
 * Heavy requests (a page to render, an API answer to compute) start one per turn of the event loop; light ones
 * (/healthz, one record, an answer already kept) are answered as soon as they are read.
 *
 * Why: Node reads every ready connection in one phase of the loop and, with better-sqlite3's synchronous reads,
 * each request then runs to its end before the next socket is even looked at. Under 50 busy connections a turn
 * lasted ~280 ms (median), and a health check or a single record waited for the whole turn's pages however cheap
 * it was (`npm run bench:load`, p99 0.85 s at 10,000 actors). Started one per turn, a heavy request lets the loop
 * go back to the sockets between two of them, so a light request waits for at most one heavy request's work.
 * Nothing is held until a request ends (that was tried: the server then rendered 20–40 % less, its read threads
 * idle meanwhile): a request that awaits a read thread lets the next one start.
 */
const waiting: Array<() => void> = [];
let armed = false;

function startOne() {
	armed = false;
	const next = waiting.shift();
	// Queued from inside this callback, the next start runs in the next turn, after the loop has read the sockets.
	if (waiting.length > 0) arm();
	next?.();
}

function arm() {
	armed = true;
	setImmediate(startOne);
}

/** `CARTO_HEAVY_TURNS=off`: every request starts at once, as before (to measure what the turns change, bench:load). */
const OFF = process.env.CARTO_HEAVY_TURNS === 'off';

/** Resolves in a later turn of the event loop, once the heavy requests that asked before this one have started. */
export function heavyTurn(): Promise<void> {
	if (OFF) return Promise.resolve();
	return new Promise((resolve) => {
		waiting.push(resolve);
		if (!armed) arm();
	});
}

/** Routes answered from memory or one row, outside the API (whose light endpoints say so through apiGet's LIGHT). */
const LIGHT_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

export function lightRoute(routeId: string | null): boolean {
	return routeId !== null && LIGHT_ROUTES.has(routeId);
}

/** How many heavy requests wait for their turn. */
export function heavyWaiting(): number {
	return waiting.length;
}
