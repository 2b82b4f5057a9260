/**
 * Long work on the server's thread, cut in steps (a generator that yields between two), run `sliceMs` at a
 * time, one slice per turn of the event loop: setImmediate, so the sockets are read between two slices as
 * between two heavy requests (http/heavy-turns.ts). The generator's return value is the promise's.
 */
export function inSlices<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
	return new Promise((resolve, reject) => {
		const slice = () => {
			try {
				const until = performance.now() + sliceMs;
				for (;;) {
					const step = steps.next();
					if (step.done) return resolve(step.value);
					if (performance.now() >= until) return void setImmediate(slice);
				}
			} catch (e) {
				reject(e as Error);
			}
		};
		setImmediate(slice);
	});
}
