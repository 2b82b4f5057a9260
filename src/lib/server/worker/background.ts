/**
 * Whether a per-revision structure (the graph's index, the pathways) is rebuilt in a worker while the previous
 * revision's keeps being served (issue 18: 0.5 s at 10,000 actors, 3 to 5 s at 100,000, during which every
 * request needing it waited). Only the server turns it on (hooks.server.ts), and only for directories at least
 * this large: tests, scripts and the demo keep reading their own writes at once.
 */
export const BACKGROUND_FROM_NODES = 5_000;

let enabled = false;
let fromNodes = BACKGROUND_FROM_NODES;

/** `fromNodes`: tests turn it on for the demo's few hundred actors. */
export function rebuildInBackground(on: boolean, from = BACKGROUND_FROM_NODES): void {
	enabled = on;
	fromNodes = from;
}

export function backgroundRebuildFor(db: { $client: { memory: boolean } }, size: number): boolean {
	return enabled && !db.$client.memory && size >= fromNodes;
}
