/**
 * Where each node of the graph stands, keyed by its element id (`n12`): what fcose hands back, what
 * `separate` spreads and what the server's first layout sends to the browser. Its own file so that the
 * modules passing positions to one another need not import each other for the type.
 */
export type Positions = Record<string, [number, number]>;
