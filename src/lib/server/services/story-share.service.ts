import sharp from 'sharp';
import { parseStoryView } from '$lib/domain/story-view';
import { PICTURE, viewPictureUrl } from '$lib/stories/view-answers';
import type { Db } from '../db';
import * as repo from '../repos/story.repo';
import { NotFoundError } from './errors';
import { m } from '$lib/paraglide/messages';

/*
 * A published récit's share image (Open Graph, 1200 × 630), drawn here: its cover when it is one of the site's
 * own images, else the still of its first map or network view (frozen or today's), under its title. Nothing is
 * fetched from elsewhere: `fetch` is SvelteKit's, asking the site's own pages.
 */

const WIDTH = 1200;
const HEIGHT = 630;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** The title cut in lines of about `width` characters (no hyphenation: words stay whole). */
function lines(text: string, width: number, max: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && (line + ' ' + word).length > width) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) out.push(line);
	if (out.length > max)
		out.splice(
			max - 1,
			out.length,
			`${out
				.slice(max - 1)
				.join(' ')
				.slice(0, width - 1)}…`
		);
	return out;
}

function banner(title: string, subtitle: string): Buffer {
	const titleLines = lines(title, 38, 3);
	const top = HEIGHT - 96 - titleLines.length * 58 - (subtitle ? 40 : 0);
	const text = titleLines.map((l, i) => `<text x="56" y="${top + 50 + i * 58}" class="t">${escapeXml(l)}</text>`).join('');
	const sub = subtitle ? `<text x="56" y="${top + 50 + titleLines.length * 58}" class="s">${escapeXml(lines(subtitle, 80, 1)[0] ?? '')}</text>` : '';
	return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<style>.t{font:700 48px sans-serif;fill:#fff}.s{font:400 26px sans-serif;fill:#f1ede6}.b{font:600 24px sans-serif;fill:#fff}</style>
<rect x="0" y="${top}" width="${WIDTH}" height="${HEIGHT - top}" fill="#1d2b36" fill-opacity="0.86"/>
${text}${sub}
<text x="56" y="${HEIGHT - 24}" class="b">Le Connecteur · Récits · Connecteur Carto</text>
</svg>`);
}

async function firstPicture(db: Db, storyId: number, fetch: typeof globalThis.fetch): Promise<Buffer | null> {
	const steps = repo.stepsOf(db, storyId);
	for (const step of steps) {
		const frozen = step.frozenData ? (JSON.parse(step.frozenData) as Record<string, string>)[PICTURE] : undefined;
		if (frozen) return Buffer.from(frozen);
		const view = parseStoryView(step.view);
		const url = view && viewPictureUrl(view);
		if (!url) continue;
		const res = await fetch(url);
		if (res.ok) return Buffer.from(await res.arrayBuffer());
	}
	return null;
}

export async function storyShareImage(db: Db, slug: string, fetch: typeof globalThis.fetch): Promise<Uint8Array> {
	const row = repo.storyBySlug(db, slug);
	if (!row || row.status !== 'published') throw new NotFoundError(m.stories_error_not_found());
	let background: Buffer | null = null;
	if (row.coverUrl?.startsWith('/images/')) {
		const res = await fetch(row.coverUrl);
		if (res.ok) background = Buffer.from(await res.arrayBuffer());
	}
	background ??= await firstPicture(db, row.id, fetch);
	const base = background
		? sharp(background, { density: 96 }).resize(WIDTH, HEIGHT, { fit: 'cover', position: 'centre' })
		: sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#f4efe8' } });
	return base
		.composite([{ input: banner(row.title, row.subtitle), top: 0, left: 0 }])
		.png()
		.toBuffer();
}
