/**
 * `npx tsx scripts/icons-generate.ts`: the app icons, drawn from the logo in static/favicon.svg by the
 * Chromium the tests use (playwright-core), so the PNGs never drift from the SVG by hand.
 *  - static/icons/icon-192.png, icon-512.png (web app manifest; also « maskable »: the dots stay inside
 *    the central safe circle) and apple-touch-icon.png (180, opaque: iOS paints transparency black);
 *  - static/favicon.ico (32 px, transparent) for the tools that ask for /favicon.ico without reading the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './lib/chromium';

const SVG = readFileSync('static/favicon.svg', 'utf8');
const PAPER = '#fbf8f4'; // the site's background (--bg)
/** Share of the side the dots take: inside the 80 % safe circle of maskable icons. */
const LOGO_SHARE = 0.56;

const svgUrl = `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`;

function page(size: number, opaque: boolean): string {
	const logo = opaque ? Math.round(size * LOGO_SHARE) : size;
	return `<!doctype html><html><body style="margin:0;background:${opaque ? PAPER : 'transparent'}">
<div style="width:${size}px;height:${size}px;display:grid;place-items:center">
<img src="${svgUrl}" width="${logo}" height="${logo}" alt=""></div></body></html>`;
}

/** An .ico holding one PNG (allowed since Windows Vista, read by every browser). */
function icoOf(png: Buffer, size: number): Buffer {
	const header = Buffer.alloc(22);
	header.writeUInt16LE(0, 0); // reserved
	header.writeUInt16LE(1, 2); // type: icon
	header.writeUInt16LE(1, 4); // one image
	header.writeUInt8(size, 6);
	header.writeUInt8(size, 7);
	header.writeUInt8(0, 8); // no palette
	header.writeUInt8(0, 9);
	header.writeUInt16LE(1, 10); // colour planes
	header.writeUInt16LE(32, 12); // bits per pixel
	header.writeUInt32LE(png.length, 14);
	header.writeUInt32LE(22, 18); // the PNG follows the header
	return Buffer.concat([header, png]);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
try {
	const context = await browser.newContext({ deviceScaleFactor: 1 });
	const tab = await context.newPage();
	const render = async (size: number, opaque: boolean) => {
		await tab.setViewportSize({ width: size, height: size });
		await tab.setContent(page(size, opaque));
		await tab.locator('img').evaluate((img: HTMLImageElement) => img.decode());
		return tab.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: !opaque });
	};
	for (const [file, size] of [
		['icons/icon-192.png', 192],
		['icons/icon-512.png', 512],
		['icons/apple-touch-icon.png', 180]
	] as const) {
		writeFileSync(`static/${file}`, await render(size, true));
		console.log(`static/${file} (${size} × ${size})`);
	}
	writeFileSync('static/favicon.ico', icoOf(await render(32, false), 32));
	console.log('static/favicon.ico (32 × 32)');
} finally {
	await browser.close();
}
