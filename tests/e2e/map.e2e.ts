import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';

/** The map is idle with the points of the current filters drawn (window hook set by MapView / ActorPointsLayer). */
async function mapSettled(page: Page) {
	await page.waitForFunction(() => {
		const probe = window.__cartoMap;
		return Boolean(probe?.idle && probe.dataKey !== null && probe.map?.loaded());
	});
}

const countOf = async (page: Page) => Number((await page.getByTestId('map-count').innerText()).replace(/\s/g, '').match(/^(\d+)/)?.[1]);

describe('carte des acteurs', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dessine les territoires et les acteurs (pixels lus sur le canevas)', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const pixels = await page.evaluate(() => {
			const source = window.__cartoMap?.map?.getCanvas() as HTMLCanvasElement;
			const copy = document.createElement('canvas');
			copy.width = source.width;
			copy.height = source.height;
			const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
			ctx.drawImage(source, 0, 0);
			const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
			const colours = new Map<string, number>();
			let notBackground = 0;
			for (let i = 0; i < data.length; i += 4 * 7) {
				const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
				// Background paper is #f4efe8.
				if (Math.abs(r - 0xf4) + Math.abs(g - 0xef) + Math.abs(b - 0xe8) > 12) notBackground++;
				const key = `${r >> 5},${g >> 5},${b >> 5}`;
				colours.set(key, (colours.get(key) ?? 0) + 1);
			}
			return { notBackground, sampled: data.length / 28, colours: [...colours.values()].filter((n) => n > 3).length };
		});
		expect(pixels.notBackground / pixels.sampled).toBeGreaterThan(0.15);
		expect(pixels.colours).toBeGreaterThanOrEqual(4);
		// Labels are HTML: département names and at least one préfecture.
		const labels = page.getByTestId('place-label');
		await labels.filter({ hasText: 'Puy-de-Dôme' }).waitFor();
		await labels.filter({ hasText: 'Clermont-Ferrand' }).waitFor();
		await screenshot(page, 'map-desktop');
	});

	it('ouvre la fiche d’un acteur au clic sur son point, Échap la ferme', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		// The most isolated precisely located actor: alone on the map once zoomed in.
		const target = await page.evaluate(async () => {
			const body = (await (await fetch('/api/v1/map/points')).json()) as { points: [number, number, number, number, number][] };
			const precise = body.points.filter((p) => p[4] === 0);
			let best = precise[0] as [number, number, number, number, number];
			let bestGap = -1;
			for (const p of precise) {
				let gap = Infinity;
				for (const q of body.points) if (q !== p) gap = Math.min(gap, Math.hypot(q[1] - p[1], q[2] - p[2]));
				if (gap > bestGap) [best, bestGap] = [p, gap];
			}
			return { id: best[0], lon: best[1], lat: best[2] };
		});
		const expected = (await (await fetch(`${baseUrl()}/api/v1/entities/${target.id}`)).json()) as { name: string };
		await page.evaluate(({ lon, lat }) => window.__cartoMap?.map?.jumpTo({ center: [lon, lat], zoom: 14 }), target);
		await mapSettled(page);
		const point = await page.evaluate(({ lon, lat }) => {
			const map = window.__cartoMap?.map;
			const p = map?.project([lon, lat]);
			const box = map?.getCanvas().getBoundingClientRect();
			return { x: (box?.left ?? 0) + (p?.x ?? 0), y: (box?.top ?? 0) + (p?.y ?? 0) };
		}, target);
		await page.mouse.click(point.x, point.y);
		await page.waitForURL((url) => url.searchParams.get('actor') === String(target.id));
		const card = page.getByTestId('actor-card');
		await card.waitFor();
		expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(expected.name);
		expect(await card.getByRole('link', { name: 'Voir la fiche complète' }).getAttribute('href')).toMatch(/^\/acteurs\//);
		// Focus moved to the card: Escape closes it.
		await page.keyboard.press('Escape');
		await page.waitForURL((url) => !url.searchParams.has('actor'));
		await page.getByTestId('actor-panel').waitFor({ state: 'detached' });
	});

	it('un filtre change le nombre et l’adresse ; recharger l’adresse restaure les filtres', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const all = await countOf(page);
		expect(all).toBeGreaterThan(50);
		const filters = page.getByRole('complementary', { name: 'Filtres' });
		await filters.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).check();
		await page.waitForURL((url) => url.searchParams.get('kind') === 'third_place');
		await page.waitForFunction((n) => !document.querySelector('[data-testid="map-count"]')?.textContent?.trim().startsWith(`${n} `), all);
		await mapSettled(page);
		const filtered = await countOf(page);
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(all);
		expect(await page.evaluate(() => window.__cartoMap?.dataKey)).toBe('kind=third_place');
		// The downloads follow the filters, the actors' relations too (issue 12).
		const downloads = page.getByTestId('map-exports');
		expect(await downloads.getByRole('link', { name: 'CSV (Excel)' }).getAttribute('href')).toBe('/api/v1/export.csv?kind=third_place');
		expect(await downloads.getByRole('link', { name: 'leurs relations (CSV)' }).getAttribute('href')).toBe('/api/v1/export.relations.csv?kind=third_place');
		const listed = await page.getByTestId('actor-list').getByRole('button').count();
		expect(listed).toBe(Math.min(50, filtered));

		await page.reload();
		await mapSettled(page);
		expect(await countOf(page)).toBe(filtered);
		expect(await filters.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).isChecked()).toBe(true);
		expect(await filters.getByRole('checkbox', { name: 'Organisation', exact: true }).isChecked()).toBe(false);
	});

	it('statistiques territoriales : taux par intercommunalité avec sa légende de classes', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		await page.getByLabel('Mesure').selectOption('rate');
		await page.waitForURL((url) => url.searchParams.get('stat') === 'rate');
		await page.getByLabel('Niveau').selectOption('epci');
		await page.waitForURL((url) => url.searchParams.get('level') === 'epci');
		const legend = page.getByTestId('stats-legend');
		await legend.getByText('par intercommunalité').waitFor();
		const classes = await legend.getByRole('listitem').allInnerTexts();
		expect(classes.length).toBeGreaterThanOrEqual(2);
		expect(classes[0]).toMatch(/^≤ \d/);
		expect(classes[1]).toMatch(/\d – \d/);
		await mapSettled(page);
		await screenshot(page, 'map-stats-epci');

		await page.getByLabel('Mesure').selectOption('count');
		await page.getByLabel('Niveau').selectOption('departement');
		// The canonical address leaves a default out (issue 15's codec): no `level` means by département.
		await page.waitForURL((url) => url.searchParams.get('stat') === 'count' && (url.searchParams.get('level') ?? 'departement') === 'departement');
		await legend.getByText("Nombre d'acteurs, par département").waitFor();

		// The same figures as a table, for keyboard and screen-reader users.
		const table = page.getByTestId('stats-table');
		await table.getByText('Tableau des chiffres (4 territoires)').click();
		const rows = table.getByRole('row');
		expect(await rows.count()).toBe(5);
		const first = (await rows.nth(1).innerText()).split('\t');
		expect(first[0]).toBe('Puy-de-Dôme');
	});

	it('autour d’une commune : Aurillac, 30 km, structures par distance croissante', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const commune = page.getByRole('combobox', { name: 'Commune', exact: true });
		await commune.fill('Aurill');
		await page.getByRole('option', { name: /^Aurillac/ }).click();
		await page.getByLabel('Rayon (km)').fill('30');
		await page.getByRole('button', { name: 'Chercher' }).click();
		await page.waitForURL((url) => url.searchParams.get('near') === '15014' && url.searchParams.get('radius') === '30');
		const list = page.getByTestId('nearby-list');
		await list.locator('[data-km]').first().waitFor();
		const km = await list.locator('[data-km]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))));
		expect(km.length).toBeGreaterThan(0);
		expect(km).toEqual([...km].sort((a, b) => a - b));
		expect(Math.max(...km)).toBeLessThanOrEqual(30);
		expect(await page.getByRole('heading', { name: /À moins de 30 km d'Aurillac/ }).count()).toBe(1);
		await mapSettled(page);
		await screenshot(page, 'map-nearby');
	});

	it('sur téléphone : la fiche devient un panneau en bas de l’écran', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		const body = (await (await fetch(`${baseUrl()}/api/v1/map/points?kind=third_place`)).json()) as { list: { items: { id: number; name: string }[] } };
		const first = body.list.items[0] as { id: number; name: string };
		await phone.goto(`/carte?kind=third_place&actor=${first.id}`);
		await mapSettled(phone);
		const panel = phone.getByTestId('actor-panel');
		await panel.getByRole('heading', { name: first.name }).waitFor();
		const box = await panel.boundingBox();
		expect(box?.width).toBeGreaterThan(380);
		expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(830);
		await phone.screenshot({ path: 'test-results/e2e-map-phone.png' });
		await context.close();
	});

	it('la liste suit la carte au-delà de 50 noms, et mène à l’annuaire avec les mêmes filtres', async () => {
		await page.goto('/carte?kind=organisation');
		await mapSettled(page);
		const total = await countOf(page);
		expect(total).toBeGreaterThan(100);
		const list = page.getByTestId('actor-list');
		const entries = list.getByRole('button');
		expect(await entries.count()).toBe(50);
		await page.getByRole('button', { name: 'Voir les 50 suivants' }).click();
		await expect.poll(() => entries.count()).toBe(100);
		// Keyboard users land on the first new name.
		const fifty = await entries.nth(50).getAttribute('data-actor-id');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-actor-id'))).toBe(fifty);
		const ids = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')));
		expect(new Set(ids).size).toBe(100);
		expect(await page.getByText(`Les 100 premiers sur ${total}, par ordre alphabétique.`).count()).toBe(1);
		// Past the end, no button.
		while (await page.getByRole('button', { name: /^Voir (les \d+ suivants|le suivant)$/ }).count()) {
			const before = await entries.count();
			await page.getByRole('button', { name: /^Voir (les \d+ suivants|le suivant)$/ }).click();
			await expect.poll(() => entries.count()).toBeGreaterThan(before);
		}
		expect(await entries.count()).toBe(total);
		// The list entry opens the card on the map.
		await entries.nth(60).click();
		await page.getByTestId('actor-card').waitFor();
		await screenshot(page, 'map-list-more');

		const directory = page.getByTestId('actor-list-directory');
		expect(await directory.getAttribute('href')).toBe('/acteurs?kind=organisation');
		await directory.click();
		await page.waitForURL((url) => url.pathname === '/acteurs' && url.searchParams.get('kind') === 'organisation');
		expect(await page.getByText(new RegExp(`${total}\\s+acteurs?`)).count()).toBeGreaterThan(0);
	});

	it('statistiques par intercommunalité : cercles et groupes dessinés tous deux, lisibles, cliquables, et la légende dessine les mêmes symboles', async () => {
		await page.goto('/carte?stat=count&level=epci');
		await mapSettled(page);
		await page.getByTestId('stats-size-key').waitFor();
		// Clermont: its intercommunality's circle and the cluster drawn at the same place.
		const found = await page.evaluate(() => {
			const map = window.__cartoMap?.map;
			if (!map) return null;
			const circles = map.queryRenderedFeatures(undefined, { layers: ['stats-circles'] });
			const clusters = map.queryRenderedFeatures(undefined, { layers: ['actors-clusters'] });
			const circle = circles.sort((a, b) => (b.properties.radius as number) - (a.properties.radius as number))[0];
			const cluster = clusters.sort((a, b) => (b.properties.point_count as number) - (a.properties.point_count as number))[0];
			if (!circle || !cluster || circle.geometry.type !== 'Point' || cluster.geometry.type !== 'Point') return null;
			const c = map.project(circle.geometry.coordinates as [number, number]);
			const k = map.project(cluster.geometry.coordinates as [number, number]);
			const box = map.getCanvas().getBoundingClientRect();
			const radiusStep = map.getPaintProperty('actors-clusters', 'circle-radius') as unknown[];
			return {
				circle: {
					x: c.x,
					y: c.y,
					left: box.left,
					top: box.top,
					radius: circle.properties.radius as number,
					color: circle.properties.color as string,
					name: circle.properties.name as string
				},
				cluster: { x: k.x, y: k.y, count: cluster.properties.point_count as number },
				paint: {
					clusterColor: map.getPaintProperty('actors-clusters', 'circle-color'),
					clusterOpacity: map.getPaintProperty('actors-clusters', 'circle-opacity'),
					clusterStroke: map.getPaintProperty('actors-clusters', 'circle-stroke-width'),
					radiusStep,
					circleOpacity: map.getPaintProperty('stats-circles', 'circle-opacity'),
					ringWidth: map.getPaintProperty('stats-circle-lines', 'circle-stroke-width')
				},
				zoom: map.getZoom(),
				order: map.getStyle().layers.map((l) => l.id)
			};
		});
		expect(found).not.toBeNull();
		const { circle, cluster, paint, order } = found!;
		expect(Math.hypot(circle.x - cluster.x, circle.y - cluster.y)).toBeLessThan(circle.radius);
		// Fills under the actors, outlines over them.
		expect(order.indexOf('stats-circles')).toBeLessThan(order.indexOf('actors-clusters'));
		expect(order.indexOf('stats-circle-lines')).toBeGreaterThan(order.indexOf('actors-clusters'));

		// Pixels: the cluster's centre is the cluster's grey; the circle's outline is the circle's colour.
		const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
		const pixels = await page.evaluate(
			({ circle, cluster }) => {
				const canvas = window.__cartoMap?.map?.getCanvas() as HTMLCanvasElement;
				const copy = document.createElement('canvas');
				copy.width = canvas.width;
				copy.height = canvas.height;
				const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
				ctx.drawImage(canvas, 0, 0);
				const ratio = canvas.width / canvas.clientWidth;
				const at = (x: number, y: number) => [...ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data].slice(0, 3);
				// Each of 12 directions, read across the 2 px stroke (the disc is drawn from tile coordinates: it may sit a pixel off its projected centre).
				const ring = Array.from({ length: 12 }, (_, i) => {
					const a = (i * Math.PI) / 6;
					return [-0.5, 0.5, 1.5, 2.5].map((d) => at(circle.x + Math.cos(a) * (circle.radius + d), circle.y + Math.sin(a) * (circle.radius + d)));
				});
				return { centre: at(cluster.x, cluster.y), ring };
			},
			{ circle, cluster }
		);
		const near = (a: number[], b: number[], tolerance: number) => a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] as number)), 0) <= tolerance;
		expect(near(pixels.centre, rgb(String(paint.clusterColor)), 60), `centre ${pixels.centre}`).toBe(true);
		expect(
			pixels.ring.filter((across) => across.some((p) => near(p, rgb(circle.color), 60))).length,
			`anneau ${JSON.stringify(pixels.ring)}`
		).toBeGreaterThanOrEqual(10);

		// The legend draws the same symbols: colours, opacities, strokes and sizes read from the map.
		const legend = page.getByTestId('map-legend');
		const sample = legend.locator('[data-symbol="cluster"] circle');
		expect(await sample.getAttribute('fill')).toBe(paint.clusterColor);
		expect(Number(await sample.getAttribute('fill-opacity'))).toBe(paint.clusterOpacity);
		expect(Number(await sample.getAttribute('stroke-width'))).toBe(paint.clusterStroke);
		// The radius of a 12-actor cluster on the map (its step expression) is the sample's.
		const steps = (paint.radiusStep as unknown[]).slice(2) as number[];
		let twelve = steps[0] as number;
		for (let i = 1; i < steps.length; i += 2) if (12 >= (steps[i] as number)) twelve = steps[i + 1] as number;
		expect(Number(await legend.locator('[data-symbol="cluster"]').getAttribute('data-radius'))).toBe(twelve);
		const sizes = legend.getByTestId('stats-size-key').locator('circle');
		expect(await sizes.count()).toBeGreaterThanOrEqual(2);
		const stats = (await (await fetch(`${baseUrl()}/api/v1/map/stats?level=epci&measure=count`)).json()) as {
			max: number;
			items: { name: string; count: number }[];
		};
		const labels = await legend.getByTestId('stats-size-key').locator('text').allTextContents();
		for (let i = 0; i < (await sizes.count()); i++) {
			const s = sizes.nth(i);
			expect(await s.getAttribute('fill')).toBe(circle.color);
			expect(Number(await s.getAttribute('fill-opacity'))).toBe(paint.circleOpacity);
			expect(Number(await s.getAttribute('stroke-width'))).toBe(paint.ringWidth);
			// Same scale as the map: the largest circle is the maximum's; areas follow the values.
			const value = Number((labels[i] as string).replace(/\s/g, ''));
			expect(Number(await s.getAttribute('data-radius'))).toBeCloseTo(circle.radius * Math.sqrt(value / stats.max), 5);
		}
		await screenshot(page, 'map-stats-epci-count');

		// Both stay usable: the circle answers on hover, the cluster zooms on click.
		const viewport = { x: circle.left + circle.x, y: circle.top + circle.y };
		await page.mouse.move(viewport.x + circle.radius - 3, viewport.y);
		await page.locator('.carto-tooltip').getByText(circle.name).waitFor();
		const zoom = found!.zoom;
		await page.mouse.click(circle.left + cluster.x, circle.top + cluster.y);
		// (to the zoom where the group splits: the next one up)
		await expect.poll(() => page.evaluate(() => window.__cartoMap?.map?.getZoom() ?? 0)).toBeGreaterThan(zoom + 0.05);
	});

	it('la fiche de la carte montre offres, stades, site web et contacts publics, jamais des coordonnées privées', async () => {
		const file = new Database(inject('databaseUrl'), { readonly: true, fileMustExist: true });
		let org: { id: number; website: string; email: string; offers: string; stages: string };
		let secretPerson: { id: number; email: string };
		let openPerson: { id: number; email: string };
		try {
			org = file
				.prepare(
					"select id, website, email, offers, stages from entities where kind = 'organisation' and website is not null and email is not null and json_array_length(offers) >= 2 and json_array_length(stages) >= 2 and deleted_at is null limit 1"
				)
				.get() as typeof org;
			secretPerson = file
				.prepare("select id, email from entities where kind = 'person' and email is not null and contact_public = 0 and deleted_at is null limit 1")
				.get() as typeof secretPerson;
			openPerson = file
				.prepare("select id, email from entities where kind = 'person' and email is not null and contact_public = 1 and deleted_at is null limit 1")
				.get() as typeof openPerson;
		} finally {
			file.close();
		}
		expect(org && secretPerson && openPerson).toBeTruthy();
		const detail = (await (await fetch(`${baseUrl()}/api/v1/entities/${org.id}`)).json()) as { offers: { label: string }[]; stages: { label: string }[] };

		await page.goto(`/carte?actor=${org.id}`);
		const card = page.getByTestId('actor-card');
		const facts = card.getByTestId('actor-card-facts');
		await facts.waitFor();
		const terms = await facts.locator('dt').allInnerTexts();
		expect(terms).toEqual(expect.arrayContaining(['Offres', 'Stades accompagnés', 'Site web', 'Contact']));
		expect(new Set(terms).size).toBe(terms.length);
		const text = await facts.innerText();
		for (const label of [...detail.offers, ...detail.stages].map((t) => t.label)) expect(text.split(label).length - 1, label).toBe(1);
		expect(await facts.getByRole('link', { name: org.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''), exact: true }).getAttribute('href')).toBe(
			org.website
		);
		expect(await facts.getByRole('link', { name: org.email, exact: true }).getAttribute('href')).toBe(`mailto:${org.email}`);
		await screenshot(page, 'map-card-facts');

		await page.goto(`/carte?actor=${openPerson.id}`);
		await card.getByRole('link', { name: openPerson.email }).waitFor();
		await page.goto(`/carte?actor=${secretPerson.id}`);
		await card.getByRole('heading', { level: 2 }).waitFor();
		expect(await page.content()).not.toContain(secretPerson.email);
		expect(await card.getByText('Contact', { exact: true }).count()).toBe(0);
	});

	it('la fiche de la carte dit ses relations en français, accordées, sans point médian (issue 12)', async () => {
		const file = new Database(inject('databaseUrl'), { readonly: true, fileMustExist: true });
		let startup: { id: number; target: string; start: string | null };
		let person: { id: number };
		try {
			// A startup incubated by a « Couveuse … » (a feminine noun that takes « la ») and a person trained or mentored.
			startup = file
				.prepare(
					`select s.id, t.name target, r.start_date start from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id
					 where r.type = 'incubated_by' and s.category = 'startup' and t.name like 'Couveuse %' and r.deleted_at is null and s.status = 'published' and t.status = 'published'
					 and (select count(*) from relations x where (x.source_id = s.id or x.target_id = s.id) and x.deleted_at is null) <= 6 limit 1`
				)
				.get() as typeof startup;
			person = file
				.prepare(
					`select s.id from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id
					 where r.type in ('trained_by', 'mentored_by') and s.kind = 'person' and r.deleted_at is null and s.status = 'published' and t.status = 'published'
					 and (select count(*) from relations x where (x.source_id = s.id or x.target_id = s.id) and x.deleted_at is null) <= 6 limit 1`
				)
				.get() as typeof person;
		} finally {
			file.close();
		}
		expect(startup && person, 'une startup incubée par une couveuse et une personne formée ou accompagnée, dans la démo').toBeTruthy();

		await page.goto(`/carte?actor=${startup.id}`);
		const card = page.getByTestId('actor-card');
		const lines = card.getByTestId('actor-card-relation');
		await lines.first().waitFor();
		const incubation = lines.filter({ has: page.getByRole('link', { name: startup.target, exact: true }) });
		// « Est incubée par la Couveuse … depuis 2021 », « A été incubée par la Couveuse … de 2019 à 2020 »…
		expect(await incubation.innerText()).toMatch(new RegExp(`^(Est|A été|Sera) incubée par la ${startup.target}`));
		if (startup.start) expect(await incubation.innerText()).toContain(startup.start.slice(0, 4));
		for (const line of await lines.allInnerTexts()) expect(line).not.toMatch(/·|\bde [AEIOUÉaeioué]|\b(à|de) (le|les) /);
		await screenshot(page, 'map-card-relations');

		// A person: a noun rather than a participle with no recorded gender.
		await page.goto(`/carte?actor=${person.id}`);
		await lines.first().waitFor();
		const texts = await lines.allInnerTexts();
		expect(
			texts.some((t) => /^(Formation auprès d|Accompagnement par )/.test(t)),
			texts.join(' | ')
		).toBe(true);
		for (const line of texts) expect(line).not.toMatch(/·/);
	});

	it('les boutons de la carte parlent français', async () => {
		await page.goto('/carte');
		await mapSettled(page);
		const map = page.getByTestId('map');
		for (const name of ['Zoom avant', 'Zoom arrière', 'Afficher en plein écran']) {
			const button = map.getByRole('button', { name, exact: true });
			expect(await button.count(), name).toBe(1);
			expect(await button.getAttribute('title')).toBe(name);
		}
		// The compact attribution's toggle is a <summary>, labelled the same way.
		expect(await map.getByTitle('Afficher ou masquer les sources', { exact: true }).getAttribute('aria-label')).toBe('Afficher ou masquer les sources');
		const before = await page.evaluate(() => window.__cartoMap?.map?.getZoom() ?? 0);
		await map.getByRole('button', { name: 'Zoom avant' }).click();
		await expect.poll(() => page.evaluate(() => window.__cartoMap?.map?.getZoom() ?? 0)).toBeGreaterThan(before + 0.5);
	});

	it('sur téléphone : la carte d’abord, filtres et statistiques derrière un bouton (Échap referme, le focus revient)', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto('/carte');
		await mapSettled(phone);
		const mapBox = await phone.getByTestId('map').boundingBox();
		// Right under the title: most of the first screen is map.
		expect(mapBox!.y).toBeLessThan(844 / 2);
		expect(Math.min(mapBox!.y + mapBox!.height, 844) - mapBox!.y).toBeGreaterThan(400);
		const filters = phone.getByRole('complementary', { name: 'Filtres' });
		expect(await filters.isVisible()).toBe(false);
		expect(await drawnShare(phone, '[data-testid="map"] canvas')).toBeGreaterThan(0.15);
		await phone.screenshot({ path: 'test-results/e2e-map-phone-first.png' });

		const toggle = phone.getByRole('button', { name: /^Filtres et statistiques/ });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		await toggle.click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		const sheet = phone.getByRole('region', { name: 'Filtres et statistiques' });
		await filters.waitFor();
		await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('sheet-title');
		await sheet.getByRole('checkbox', { name: 'Tiers-lieu', exact: true }).check();
		await phone.waitForURL((url) => url.searchParams.get('kind') === 'third_place');
		await sheet.getByLabel('Mesure').selectOption('count');
		await phone.waitForURL((url) => url.searchParams.get('stat') === 'count');
		await sheet.getByRole('button', { name: /^Voir la carte \(\d+ acteurs?\)$/ }).waitFor();
		await phone.screenshot({ path: 'test-results/e2e-map-phone-sheet.png' });

		// Escape from a control inside the sheet closes it; focus goes back to the button.
		await sheet.getByLabel('Mesure').focus();
		await phone.keyboard.press('Escape');
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await filters.isVisible()).toBe(false);
		expect(await phone.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('carte-outils');
		expect(await toggle.innerText()).toMatch(/2/);
		// « Voir la carte » closes it too.
		await toggle.click();
		await sheet.getByRole('button', { name: /^Voir la carte/ }).click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		await mapSettled(phone);
		await phone.screenshot({ path: 'test-results/e2e-map-phone-filtered.png' });
		await context.close();
	});
});
