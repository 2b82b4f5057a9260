/**
 * How many turns the event loop made while `work` ran (a setImmediate that queues itself again): work done in
 * one piece gives none, work cut in slices or chunks gives one or more per slice.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
	let turns = 0;
	let stop = false;
	const tick = () => {
		turns++;
		if (!stop) setImmediate(tick);
	};
	setImmediate(tick);
	try {
		return { value: await work(), turns };
	} finally {
		stop = true;
	}
}
