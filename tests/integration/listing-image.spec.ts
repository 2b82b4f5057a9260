import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, pendingChanges, revisions } from '../../src/lib/server/db/schema';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { approvePendingChange, moderationQueue } from '../../src/lib/server/services/moderation.service';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { submitListingImage } from '../../src/lib/server/services/listing-image.service';
import { imageFilePath, MAX_IMAGE_BYTES } from '../../src/lib/server/uploads/listing-image';
import { uploadsDir } from '../../src/lib/server/uploads/uploads-dir';
import { GET as serveImage } from '../../src/routes/images/[key]/[size]/+server';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let dir: string;
let editor: AccountUser;
let alice: AccountUser;
let bruno: AccountUser;
let incub: number;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const entity = (id: number) => db.select().from(entities).where(eq(entities.id, id)).get()!;

/** A camera photo as phones send them: JPEG, 1600 × 1200, with the maker, a copyright and a GPS position in EXIF. */
async function photoWithGps(): Promise<Buffer> {
	return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6f97' } })
		.composite([{ input: { create: { width: 400, height: 300, channels: 3, background: '#f4a261' } }, left: 100, top: 100 }])
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'VolcaCam', Model: 'Puy 3000', Copyright: 'Alice' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 46/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '3/1 5/1 10/1' }
		})
		.toBuffer();
}

const files = () => readdirSync(dir).sort();

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	dir = mkdtempSync(join(tmpdir(), 'carto-uploads-'));
	insertSmallTerritories(db);
	[incub] = createEntities(db, [
		{ slug: 'incubateur-des-domes', kind: 'organisation', category: 'incubator', name: 'Incubateur des Dômes', communeCode: '63113' }
	]) as [number];
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Incubateur', 'partner');
	bruno = account('bruno@exemple.fr', 'Bruno Volcabio', 'partner');
	grantManager(db, editor, incub, alice.email);
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('uploads folder', () => {
	it('is CARTO_UPLOADS_DIR, else « uploads » next to the database file', () => {
		expect(uploadsDir({ CARTO_UPLOADS_DIR: '/srv/images' })).toBe('/srv/images');
		expect(uploadsDir({ DATABASE_URL: '/var/lib/carto/carto.db' })).toBe('/var/lib/carto/uploads');
		expect(uploadsDir({ DATABASE_URL: 'file:/var/lib/carto/carto.db' })).toBe('/var/lib/carto/uploads');
		expect(uploadsDir({})).toBe(join(process.cwd(), 'data', 'uploads'));
	});
});

describe('a listing’s logo or photo', () => {
	it('a moderated partner’s photo is resized to WebP without EXIF, waits, and is live once approved', async () => {
		const photo = await photoWithGps();
		const before = await sharp(photo).metadata();
		expect(before.exif?.toString('latin1')).toContain('VolcaCam');

		const r = await submitListingImage(db, alice, incub, { bytes: photo, alt: 'Logo de l’Incubateur des Dômes' }, 1, dir);
		expect(r.status).toBe('pending');
		expect(entity(incub).imageKey).toBeNull();
		const key = (db.select().from(pendingChanges).get()!.payload as { imageKey: string }).imageKey;
		expect(key).toMatch(/^[0-9a-f]{16}$/);
		expect(files()).toEqual([`${key}-160.webp`, `${key}-480.webp`, `${key}-960.webp`]);
		for (const [width, height] of [
			[160, 120],
			[480, 360],
			[960, 720]
		]) {
			const m = await sharp(join(dir, `${key}-${width}.webp`)).metadata();
			expect(m).toMatchObject({ format: 'webp', width, height });
			expect(m.exif).toBeUndefined();
			expect(m.xmp).toBeUndefined();
			expect(m.iptc).toBeUndefined();
		}

		const [item] = moderationQueue(db, editor);
		expect(item?.changes.map((c) => c.field).sort()).toEqual(['imageAlt', 'imageKey']);
		approvePendingChange(db, editor, item!.id);
		expect(entity(incub)).toMatchObject({ imageKey: key, imageAlt: 'Logo de l’Incubateur des Dômes', version: 2 });
		expect(getPortrait(db, 'incubateur-des-domes').image).toEqual({ key, alt: 'Logo de l’Incubateur des Dômes' });
		const last = db.select().from(revisions).where(eq(revisions.subjectId, incub)).all().at(-1)!;
		expect(JSON.parse(String(last.snapshot))).toMatchObject({ imageKey: key, imageAlt: 'Logo de l’Incubateur des Dômes' });
	});

	it('a photo taken sideways is turned upright; a small logo is not enlarged', async () => {
		setPartnerModerated(db, editor, alice.id, false);
		// EXIF orientation 6: the camera was held sideways, the pixels are stored 300 wide, 200 high.
		const sideways = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } })
			.jpeg()
			.withMetadata({ orientation: 6 })
			.toBuffer();
		const r = await submitListingImage(db, alice, incub, { bytes: sideways, alt: 'Photo' }, 1, dir);
		expect(r.status).toBe('applied');
		const key = entity(incub).imageKey!;
		expect(await sharp(join(dir, `${key}-160.webp`)).metadata()).toMatchObject({ width: 160, height: 240 });
		expect(await sharp(join(dir, `${key}-960.webp`)).metadata()).toMatchObject({ width: 200, height: 300 });
	});

	it('PNG and WebP are accepted; the alt text alone can change; the image can be removed', async () => {
		setPartnerModerated(db, editor, alice.id, false);
		const png = await sharp({ create: { width: 500, height: 500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
			.png()
			.toBuffer();
		await submitListingImage(db, alice, incub, { bytes: png, alt: 'Logo' }, 1, dir);
		await submitListingImage(db, alice, incub, { bytes: null, alt: 'Logo de l’incubateur' }, 2, dir);
		expect(entity(incub)).toMatchObject({ imageAlt: 'Logo de l’incubateur', version: 3 });
		const webp = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#0f0' } })
			.webp()
			.toBuffer();
		await submitListingImage(db, alice, incub, { bytes: webp, alt: 'Bannière' }, 3, dir);
		expect(files()).toHaveLength(6);
		await submitListingImage(db, alice, incub, { bytes: null, alt: '', remove: true }, 4, dir);
		expect(entity(incub)).toMatchObject({ imageKey: null, imageAlt: null, version: 5 });
	});

	it('refuses, in French and without writing anything: too heavy, not an image, no alt text, another partner', async () => {
		setPartnerModerated(db, editor, alice.id, false);
		const photo = await photoWithGps();
		const refusal = async (p: Promise<unknown>) => {
			const e = await p.then(
				() => null,
				(x: unknown) => x
			);
			expect(e).toBeInstanceOf(ValidationError);
			return (e as ValidationError).issues.join(' ');
		};
		const heavy = Buffer.alloc(Math.round(7.2 * 1024 * 1024), 1);
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: heavy, alt: 'Logo' }, 1, dir))).toBe(
			'Fichier trop lourd\u00a0: 7,2\u00a0Mo, 5\u00a0Mo au plus.'
		);
		const fakeJpeg = Buffer.from('Ceci est un fichier texte nommé photo.jpg\n'.repeat(20));
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: fakeJpeg, alt: 'Logo' }, 1, dir))).toBe('Format non reconnu\u00a0: JPEG, PNG ou WebP.');
		const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
			.gif()
			.toBuffer();
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: gif, alt: 'Logo' }, 1, dir))).toMatch(/Format non reconnu/);
		// A truncated JPEG: its header reads, its pixels do not.
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: photo.subarray(0, 400), alt: 'Logo' }, 1, dir))).toMatch(/Format non reconnu/);
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: photo, alt: '   ' }, 1, dir))).toMatch(/^Texte alternatif obligatoire/);
		expect(await refusal(submitListingImage(db, alice, incub, { bytes: null, alt: 'Logo' }, 1, dir))).toMatch(/Choisissez une image/);
		await expect(submitListingImage(db, bruno, incub, { bytes: photo, alt: 'Logo' }, 1, dir)).rejects.toThrow(ForbiddenError);
		expect(MAX_IMAGE_BYTES).toBe(5 * 1024 * 1024);
		expect(files()).toEqual([]);
		expect(entity(incub)).toMatchObject({ imageKey: null, version: 1 });
		expect(db.select().from(pendingChanges).all()).toEqual([]);
	});

	it('a pixel bomb (a tiny file claiming 100 million pixels) is refused before it is decoded', async () => {
		const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(bomb.byteLength).toBeLessThan(MAX_IMAGE_BYTES);
		const e = await submitListingImage(db, alice, incub, { bytes: bomb, alt: 'Logo' }, 1, dir).catch((x: unknown) => x);
		expect((e as ValidationError).issues[0]).toMatch(/^Image trop grande\u00a0: 10\u202f000 × 10\u202f000 pixels/);
		expect(files()).toEqual([]);
	});
});

describe('serving images', () => {
	const get = (key: string, size: string) => serveImage({ params: { key, size } } as never) as Promise<Response>;
	const status = (p: Promise<Response>) =>
		p.then(
			(r) => r.status,
			(e: { status: number }) => e.status
		);

	it('a stored size comes as WebP, cached a year, nosniff; no key outside the folder is ever read', async () => {
		setPartnerModerated(db, editor, alice.id, false);
		const previous = process.env.CARTO_UPLOADS_DIR;
		process.env.CARTO_UPLOADS_DIR = dir;
		try {
			await submitListingImage(db, alice, incub, { bytes: await photoWithGps(), alt: 'Logo' }, 1);
			const key = entity(incub).imageKey!;
			const r = await get(key, '480');
			expect(r.status).toBe(200);
			expect(r.headers.get('content-type')).toBe('image/webp');
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
			expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			expect((await sharp(Buffer.from(await r.arrayBuffer())).metadata()).width).toBe(480);
			for (const [k, s] of [
				[key, '481'],
				[key, '480.webp'],
				['../../etc/passwd', '480'],
				['..%2F..%2Ftest', '160'],
				[`${key}/..`, '160'],
				['0123456789abcdef', '160'],
				[key.toUpperCase(), '160']
			] as const) {
				expect(await status(get(k, s))).toBe(404);
			}
			expect(imageFilePath('../x', 160, dir)).toBeNull();
		} finally {
			if (previous === undefined) delete process.env.CARTO_UPLOADS_DIR;
			else process.env.CARTO_UPLOADS_DIR = previous;
		}
	});
});
