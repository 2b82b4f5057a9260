import type { Download, Page } from 'playwright-core';

/** The graph is placed and drawn (window hook set by NetworkView), after at least `layouts` layouts. */
export async function graphReady(page: Page, layouts = 1) {
	await page.waitForFunction((n) => Boolean(window.__cartoGraph?.ready && window.__cartoGraph.layouts >= n), layouts);
}

/** Share of non-white pixels and distinct colours over Cytoscape's stacked canvases. */
export async function canvasPixels(page: Page) {
	return page.evaluate(() => {
		const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="network-canvas"] canvas')];
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
	});
}

export async function readDownload(download: Download): Promise<Buffer> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
