import type { Download, Page } from 'playwright-core';

/** The graph is placed and drawn (window hook set by NetworkView), after at least `layouts` layouts. */
export async function graphReady(page: Page, layouts = 1) {
	await page.waitForFunction((n) => Boolean(window.__cartoGraph?.ready && window.__cartoGraph.layouts >= n), layouts);
}

/** Share of non-white pixels and distinct colours over Cytoscape's stacked canvases (the readable view's, or `testId`'s). */
export async function canvasPixels(page: Page, testId = 'network-canvas') {
	return page.evaluate((id) => {
		const canvases = [...document.querySelectorAll<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)];
		const first = canvases[0] as HTMLCanvasElement;
		const copy = document.createElement('canvas');
		copy.width = first.width;
		copy.height = first.height;
		const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, copy.width, copy.height);
		for (const c of canvases) ctx.drawImage(c, 0, 0);
		const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
		const colours = new Map<string, number>();
		let ink = 0;
		for (let i = 0; i < data.length; i += 4 * 5) {
			const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
			if (r + g + b < 3 * 245) ink++;
			const key = `${r >> 5},${g >> 5},${b >> 5}`;
			colours.set(key, (colours.get(key) ?? 0) + 1);
		}
		return { ink: ink / (data.length / 20), colours: [...colours.values()].filter((n) => n > 20).length };
	}, testId);
}

export async function readDownload(download: Download): Promise<Buffer> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * Taps an actor's node as a person would: wait until it stops moving (a layout may still glide it), bring its
 * spot into the window's upper third (a phone's card sheet covers the lower half), tap, and wait for `done`.
 * The node may still have moved under the finger on a loaded machine: look again and tap again.
 */
export async function tapNode(page: Page, id: number, done: () => Promise<unknown>, attempts = 4): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await page.getByTestId('network-canvas').scrollIntoViewIfNeeded();
		await page.waitForFunction(
			(key) => {
				const w = window as unknown as { __cartoGraph?: { cy?: import('cytoscape').Core }; __tapLast?: string };
				const p = w.__cartoGraph?.cy?.getElementById(key).renderedPosition();
				const now = p ? `${Math.round(p.x)},${Math.round(p.y)}` : '';
				const still = now !== '' && now === w.__tapLast;
				w.__tapLast = now;
				return still;
			},
			`n${id}`,
			{ polling: 150, timeout: 10_000 }
		);
		const at = await page.evaluate((key) => {
			const cy = (window as unknown as { __cartoGraph: { cy: import('cytoscape').Core } }).__cartoGraph.cy;
			const box = cy.container()!.getBoundingClientRect();
			const p = cy.getElementById(key).renderedPosition();
			window.scrollBy(0, box.top + p.y - window.innerHeight / 3);
			const after = cy.container()!.getBoundingClientRect();
			const x = after.left + p.x;
			const y = after.top + p.y;
			const hit = document.elementFromPoint(x, y);
			return { x, y, onCanvas: !!hit && cy.container()!.contains(hit) };
		}, `n${id}`);
		if (at.onCanvas) await page.mouse.click(at.x, at.y);
		try {
			if (!at.onCanvas) throw new Error(`le nœud n${id} est caché sous un autre élément`);
			await Promise.race([done(), new Promise((_, reject) => setTimeout(() => reject(new Error(`le nœud n${id} n'a pas répondu au clic`)), 5000))]);
			return;
		} catch (error) {
			if (attempt >= attempts) throw error;
		}
	}
}
