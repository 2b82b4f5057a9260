import type { Positions } from './node-positions';

/**
 * Pushes apart the discs that a force-directed layout left on top of one another (fcose does not
 * guarantee it: an event and the incubator that runs it could sit 3 px apart, one hiding the other from
 * the mouse and the eye). Circles of diameter max(w, h), `gap` pixels between edges; a spatial grid keeps
 * it near-linear, and a few passes settle chains of neighbours. Deterministic: the same input gives the
 * same picture (the server's preview and the browser's layout must agree).
 */
export function separate(positions: Positions, nodes: { id: string; w: number; h: number }[], gap = 4, passes = 12): Positions {
	const items = nodes.filter((n) => positions[n.id]).map((n) => ({ id: n.id, r: Math.max(n.w, n.h) / 2, x: positions[n.id]![0], y: positions[n.id]![1] }));
	if (items.length < 2) return positions;
	const cell = 2 * Math.max(...items.map((i) => i.r)) + gap;
	for (let pass = 0; pass < passes; pass++) {
		const grid = new Map<string, number[]>();
		items.forEach((it, i) => {
			const key = `${Math.floor(it.x / cell)},${Math.floor(it.y / cell)}`;
			const list = grid.get(key);
			if (list) list.push(i);
			else grid.set(key, [i]);
		});
		let moved = false;
		items.forEach((a, i) => {
			const cx = Math.floor(a.x / cell);
			const cy = Math.floor(a.y / cell);
			for (let dx = -1; dx <= 1; dx++)
				for (let dy = -1; dy <= 1; dy++)
					for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
						if (j <= i) continue;
						const b = items[j]!;
						const need = a.r + b.r + gap;
						let vx = b.x - a.x;
						let vy = b.y - a.y;
						let d = Math.hypot(vx, vy);
						if (d >= need) continue;
						if (d < 1e-6) {
							// Same spot: part them along a direction taken from their order, not from chance.
							const angle = (i * 2.399963) % (2 * Math.PI);
							[vx, vy, d] = [Math.cos(angle), Math.sin(angle), 1];
						}
						const push = (need - d) / 2 / d;
						a.x -= vx * push;
						a.y -= vy * push;
						b.x += vx * push;
						b.y += vy * push;
						moved = true;
					}
		});
		if (!moved) break;
	}
	const out: Positions = { ...positions };
	for (const it of items) out[it.id] = [Math.round(it.x * 10) / 10, Math.round(it.y * 10) / 10];
	return out;
}
