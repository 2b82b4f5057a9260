/**
 * A worker's answer whose buffers are handed over to the receiving thread instead of copied (postMessage's
 * transfer list): the thread that built them must not use them again. Used for large typed columns (the
 * graph's index, graph/graph-transfer.ts); a task run in the calling thread (a database in memory) just
 * returns the value.
 */
const handedOver = new WeakMap<object, ArrayBuffer[]>();

export function handOver<T extends object>(value: T, buffers: ArrayBuffer[]): T {
	handedOver.set(value, buffers);
	return value;
}

/** The buffers to list in postMessage's transfer list for this answer (none for most). */
export function buffersHandedOver(value: unknown): ArrayBuffer[] {
	return (value !== null && typeof value === 'object' && handedOver.get(value)) || [];
}
