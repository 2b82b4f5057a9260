/** Lets the event loop serve requests between two chunks of a long job. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` on `size` items at a time, giving the event loop a turn between chunks. */
export async function inChunks<T>(items: T[], size: number, work: (chunk: T[]) => void | Promise<void>): Promise<void> {
	for (let i = 0; i < items.length; i += size) {
		await work(items.slice(i, i + size));
		if (i + size < items.length) await yieldToLoop();
	}
}
