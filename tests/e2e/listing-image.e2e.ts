import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * A partner puts the photo of their listing online from a phone: a file that is not an image and a
 * missing description are refused in French, the photo (taken with a GPS position in its EXIF) waits for
 * an editor, and once approved the public page shows it, in WebP, without any of its metadata.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ALT = 'La façade vitrée de la startup, vue de la rue';

interface Listing {
	id: number;
	slug: string;
	name: string;
}

async function api<T>(path: string): Promise<T> {
	return (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
}

async function bothSizes(page: Page, name: string): Promise<void> {
	await screenshot(page, `${name}-desktop`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `${name}-phone`);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} : la page déborde en largeur`).toBe(true);
	await page.setViewportSize(DESKTOP);
}

/** An image once it has loaded: its natural width (0 for a broken image). */
const naturalWidth = (page: Page, testid: string) =>
	page
		.getByTestId(testid)
		.locator('img')
		.or(page.locator(`img[data-testid="${testid}"]`))
		.first()
		.evaluate(async (img: HTMLImageElement) => {
			if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
			return img.naturalWidth;
		});

describe('logo ou photo d’une fiche', () => {
	let browser: Browser;
	let editor: Page;
	let partner: Page;
	let listing: Listing;
	let photo: Buffer;

	beforeAll(async () => {
		browser = await launchBrowser();
		editor = await newPage(browser);
		partner = await newPage(browser);
		const startups = await api<{ items: Listing[] }>('/api/v1/entities?category=startup&limit=60');
		listing = startups.items.at(-1)!;
		// A phone photo: JPEG with the camera's maker and a GPS position in EXIF.
		photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6f97' } })
			.composite([{ input: { create: { width: 700, height: 500, channels: 3, background: '#f4a261' } }, left: 450, top: 350 }])
			.jpeg({ quality: 88 })
			.withExif({
				IFD0: { Make: 'VolcaCam' },
				IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 46/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '3/1 5/1 10/1' }
			})
			.toBuffer();
		expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('VolcaCam');

		const editorLink = createAccount('editor', 'ines.image@exemple.fr', 'Inès Éditrice');
		const partnerLink = createAccount('partner', 'paul.photo@exemple.fr', 'Paul Photo');
		await choosePassword(editor, editorLink);
		await editor.goto('/moderation');
		const grant = editor.getByRole('form', { name: 'Confier une fiche à un partenaire' });
		await grant.getByRole('combobox', { name: 'Fiche' }).fill(listing.name);
		await grant
			.getByRole('option')
			.filter({ has: editor.getByText(listing.name, { exact: true }) })
			.click();
		await grant.getByLabel('E-mail du partenaire').fill('paul.photo@exemple.fr');
		await grant.getByRole('button', { name: 'Confier' }).click();
		await editor.getByTestId('grant-done').waitFor();
		await choosePassword(partner, partnerLink);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('le partenaire envoie sa photo ; un faux « .jpg » et une photo sans description sont refusés', async () => {
		await partner.setViewportSize(PHONE);
		await partner.goto(`/espace/fiches/${listing.id}`);
		const form = partner.getByRole('form', { name: 'Logo ou photo' });
		expect(await partner.getByTestId('image-published').innerText()).toContain('Aucune image publiée.');

		await form
			.getByTestId('image-file')
			.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Ceci est un texte, pas une photo.\n'.repeat(30)) });
		await form.getByLabel('Texte alternatif').fill(ALT);
		await form.getByRole('button', { name: 'Envoyer l’image' }).click();
		expect(await partner.getByTestId('image-error').innerText()).toBe('Format non reconnu\u00a0: JPEG, PNG ou WebP.');
		// What was typed stays.
		expect(await partner.getByRole('form', { name: 'Logo ou photo' }).getByLabel('Texte alternatif').inputValue()).toBe(ALT);

		const again = partner.getByRole('form', { name: 'Logo ou photo' });
		await again.getByTestId('image-file').setInputFiles({ name: 'IMG_2024.JPG', mimeType: 'image/jpeg', buffer: photo });
		await again.getByLabel('Texte alternatif').fill('');
		await again.getByRole('button', { name: 'Envoyer l’image' }).click();
		expect(await partner.getByTestId('image-error').innerText()).toMatch(/^Texte alternatif obligatoire/);
		await screenshot(partner, 'listing-image-error-phone');

		const third = partner.getByRole('form', { name: 'Logo ou photo' });
		await third.getByTestId('image-file').setInputFiles({ name: 'IMG_2024.JPG', mimeType: 'image/jpeg', buffer: photo });
		await third.getByLabel('Texte alternatif').fill(ALT);
		await third.getByRole('button', { name: 'Envoyer l’image' }).click();
		expect(await partner.getByTestId('image-done').innerText()).toBe('Image envoyée\u00a0: elle sera publiée après relecture par l’équipe.');
		// The partner sees what they sent, waiting; nothing public yet.
		expect(await partner.getByTestId('image-proposed').innerText()).toContain('en attente de validation');
		expect(await naturalWidth(partner, 'image-proposed')).toBeGreaterThan(0);
		await partner.setViewportSize(DESKTOP);
		await partner.getByTestId('image-proposed').scrollIntoViewIfNeeded();
		await bothSizes(partner, 'listing-image-pending');
		await partner.goto(`/acteurs/${listing.slug}`);
		expect(await partner.getByTestId('listing-image').count()).toBe(0);
	});

	it('l’éditrice valide ; la page publique montre l’image, en WebP et sans EXIF', async () => {
		await editor.goto('/moderation');
		const item = editor.getByTestId('queue-item').filter({ hasText: listing.name });
		expect(await item.getByTestId('queue-title').innerText()).toMatch(/logo ou photo/);
		await item.getByRole('button', { name: 'Accepter' }).click();
		await editor.getByTestId('moderation-done').waitFor();

		await partner.goto(`/acteurs/${listing.slug}`);
		const img = partner.getByTestId('listing-image');
		expect(await img.getAttribute('alt')).toBe(ALT);
		expect(await img.getAttribute('srcset')).toMatch(/^\/images\/[0-9a-f]{16}\/160 160w, \/images\/[0-9a-f]{16}\/480 480w, \/images\/[0-9a-f]{16}\/960 960w$/);
		expect(await naturalWidth(partner, 'listing-image')).toBeGreaterThan(0);
		await bothSizes(partner, 'listing-image-public');

		const src = await img.evaluate((i: HTMLImageElement) => i.currentSrc);
		const response = await fetch(src);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('cache-control')).toMatch(/max-age=31536000/);
		const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
		expect(meta.format).toBe('webp');
		expect(meta.exif).toBeUndefined();
		expect((await fetch(`${baseUrl()}/images/..%2F..%2Fe2e.db/160`)).status).toBe(404);
	});
});
