/**
 * Class breaks for choropleths: Jenks natural breaks (Fisher's exact optimisation), which suits the
 * skewed figures of a territory where Clermont dwarfs rural basins better than equal intervals do.
 * Returns ascending upper bounds, the last one being the maximum. Fewer distinct values than classes
 * give fewer classes; no values give none.
 */
export function jenksBreaks(values: number[], classes = 5): number[] {
	const data = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	const distinct = [...new Set(data)];
	if (distinct.length === 0) return [];
	const k = Math.max(1, Math.min(classes, distinct.length));
	if (k === distinct.length) return distinct;
	const n = data.length;
	// lower[i][j]: best start index of the last class when the first i values form j classes.
	const lower = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
	const variance = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
	for (let j = 1; j <= k; j++) {
		lower[1]![j] = 1;
		variance[1]![j] = 0;
	}
	for (let l = 2; l <= n; l++) {
		let sum = 0;
		let sumSquares = 0;
		let w = 0;
		let v = 0;
		for (let m = 1; m <= l; m++) {
			const i = l - m + 1;
			const value = data[i - 1]!;
			w++;
			sum += value;
			sumSquares += value * value;
			v = sumSquares - (sum * sum) / w;
			if (i > 1) {
				for (let j = 2; j <= k; j++) {
					const candidate = v + variance[i - 1]![j - 1]!;
					if (variance[l]![j]! >= candidate) {
						lower[l]![j] = i;
						variance[l]![j] = candidate;
					}
				}
			}
		}
		lower[l]![1] = 1;
		variance[l]![1] = v;
	}
	const breaks = new Array<number>(k);
	breaks[k - 1] = data[n - 1]!;
	let end = n;
	for (let j = k; j >= 2; j--) {
		const start = lower[end]![j]! - 1;
		breaks[j - 2] = data[start - 1]!;
		end = start;
	}
	return [...new Set(breaks)];
}

/** Index of the class a value falls in (0-based), given ascending upper bounds. */
export function classOf(value: number, breaks: number[]): number {
	const i = breaks.findIndex((b) => value <= b);
	return i === -1 ? breaks.length - 1 : i;
}
