/**
 * `npm run bench:recits [-- --db=/tmp/scale/10k.db] [-- --runs=3]`: a récit of 12 steps at the 10,000-actor scale
 * (issue 20), read in headless Chromium rendering in software (the e2e flags: no GPU, CPU 2D canvas). A benchmark,
 * not a timed test. A copy of the seeded database (`db-seed -- --scale 10000`) gets a 12-step récit through the
 * story service (maps, networks, a path, the explorer, flows, a pathway), the app is started as the README does,
 * and each run opens the récit in a fresh context and steps through it with the keyboard. Reported, as medians
 * and p95 over runs and steps:
 * - first step readable: navigation start -> the first step's text painted and its view shown: its still (the
 *   server's picture of the view) or the live map/graph, whichever first (budget 1.5 s); the live view's time too;
 * - each step transition: the step asked (key pressed) -> its view shown (still or live; budget 300 ms), and ->
 *   its live view drawn: map moved, graph placed, flows or pathway shown.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { openDb } from '../src/lib/server/db/index';
import { addStep, createStory, setStoryStatus, storyForEditor } from '../src/lib/server/services/story.service';
import { inviteUser } from '../src/lib/server/services/users.service';
import { CHROMIUM_PATH } from './lib/chromium';
import { CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG, startApp } from './lib/local-server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SOURCE = arg('db', '/tmp/scale/10k.db');
const RUNS = Number(arg('runs', '3'));
const FIRST_BUDGET = 1500;
const STEP_BUDGET = 300;

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const ms = (x: number) => `${Math.round(x)} ms`;

if (!existsSync(SOURCE)) {
	console.error(`Base introuvable : ${SOURCE}. Créez-la avec « DATABASE_URL=${SOURCE} npm run db:seed -- --scale 10000 ».`);
	process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'bench-recits-'));
const path = join(dir, 'bench.db');
copyFileSync(SOURCE, path);
const db = openDb(path);
const { userId } = inviteUser(db, 'cli', { email: 'bench.recits@exemple.fr', displayName: 'Banc récits', role: 'editor' });
const editor = { id: userId, email: 'bench.recits@exemple.fr', displayName: 'Banc récits', role: 'editor' as const };

// Actors the views name: the most connected organisation, a startup with a pathway, a path between two of them.
const one = (query: ReturnType<typeof sql>) => db.get<{ id: number; slug: string }>(query);
const hub = one(
	sql`select e.id, e.slug from entities e join relations r on r.source_id = e.id or r.target_id = e.id where e.deleted_at is null and e.kind = 'organisation' group by e.id order by count(*) desc limit 1`
)!;
const startup = one(
	sql`select e.id, e.slug from entities e join relations r on r.source_id = e.id and r.type = 'incubated_by' where e.deleted_at is null and e.category = 'startup' limit 1`
)!;
const funder = one(
	sql`select r.target_id as id, '' as slug from relations r where r.source_id = ${startup.id} and r.type in ('funded_by', 'incubated_by') limit 1`
)!;
const views = [
	'/carte?sector=agrifood&territory=15',
	'/carte?sector=agrifood&stat=rate&level=epci&at=45.0300,2.6500,8.4',
	`/reseau?focus=${hub.id}&depth=1`,
	`/reseau?from=${startup.id}&to=${funder.id}`,
	'/explorer?sector=health&territory=63',
	'/parcours/flux?sector=agrifood',
	`/acteurs/${startup.slug}`,
	'/carte?kind=third_place',
	'/reseau?type=funded_by&sector=agrifood',
	`/carte?actor=${hub.id}&near=63113&radius=30`,
	'/explorer?kind=third_place&territory=43',
	'/carte'
];
const { id, slug } = createStory(db, editor, { title: 'Banc des récits : douze étapes', subtitle: '', author: '', coverUrl: '', intro: '' }, views[0]);
for (const view of views.slice(1)) addStep(db, editor, id, { text: `Étape : ${view}`, view });
setStoryStatus(db, editor, id, 'published', storyForEditor(db, editor, id).story.version);
db.$client.close();
console.log(`Récit de ${views.length} étapes à l'échelle de ${SOURCE} : /recits/${slug}`);

type Mark = { what: string; step: number; at: number };
const app = await startApp({ ...process.env, DATABASE_URL: path });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_BASE_ARGS, CPU_2D_CANVAS_ARG] });
const firsts: number[] = [];
const firstsLive: number[] = [];
const texts: number[] = [];
let missedPresses = 0;
const transitions: { step: number; kind: string; ms: number; live: number }[] = [];
try {
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		await page.goto(`/recits/${slug}`);
		const marks = () => page.evaluate(() => (window as unknown as { __storyProbe?: { marks: Mark[] } }).__storyProbe?.marks ?? []);
		/**
		 * When step `i` could be read, and when its live view was drawn (map moved, graph placed; flows and pathways are
		 * drawn by the page). Readable: its still (the server's picture of the same view) or its live view, whichever first.
		 */
		const drawn = async (i: number, kind: string): Promise<{ readable: number; live: number }> => {
			if (kind === 'flows' || kind === 'pathway') {
				await page.waitForFunction((n) => document.querySelector('[data-testid="story-stage"]')?.getAttribute('data-shown') === String(n), i);
				const at = await page.evaluate(() => performance.now());
				return { readable: at, live: at };
			}
			const wanted = kind === 'map' ? ['camera'] : kind === 'network' ? ['graph'] : ['camera', 'graph'];
			await page.waitForFunction(
				({ n, wanted }) => {
					const m = (window as unknown as { __storyProbe?: { marks: Mark[] } }).__storyProbe?.marks ?? [];
					return wanted.every((w) => m.some((x) => x.step === n && x.what === w));
				},
				{ n: i, wanted }
			);
			const m = await marks();
			const live = Math.max(...wanted.map((w) => m.find((x) => x.step === i && x.what === w)!.at));
			const still = m.find((x) => x.step === i && x.what === 'still')?.at ?? Infinity;
			return { readable: Math.min(still, live), live };
		};
		const kinds = views.map((v) =>
			v.startsWith('/carte')
				? 'map'
				: v.startsWith('/reseau')
					? 'network'
					: v.startsWith('/explorer')
						? 'explorer'
						: v.startsWith('/parcours')
							? 'flows'
							: 'pathway'
		);
		const first = await drawn(0, kinds[0]!).catch(async (e: Error) => {
			console.error(`Première étape jamais dessinée : ${JSON.stringify(await marks())}`);
			throw e;
		});
		// Readable: the first step's text painted (FCP) and its view shown.
		const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
		firsts.push(Math.max(fcp, first.readable));
		firstsLive.push(first.live);
		texts.push(fcp);
		for (let i = 1; i < views.length; i++) {
			// A press during a heavy step at this scale is sometimes not taken (left to investigate: issue 20's note);
			// pressed again after 5 s, at most three times. The transition counts from the step actually asked.
			let missed = 0;
			for (let tries = 0; tries < 3; tries++) {
				await page.keyboard.press('ArrowRight');
				const asked = await page
					.waitForFunction(
						(n) => (window as unknown as { __storyProbe?: { marks: Mark[] } }).__storyProbe?.marks.some((m) => m.step === n && m.what === 'asked'),
						i,
						{
							timeout: 5_000
						}
					)
					.then(
						() => true,
						() => false
					);
				if (asked) break;
				missed++;
			}
			if (missed) missedPresses += missed;
			const end = await drawn(i, kinds[i]!).catch(async (e: Error) => {
				const stage = await page.evaluate(
					() =>
						`${document.querySelector('[data-testid="story-stage"]')?.outerHTML.slice(0, 120)} focus=${document.activeElement?.outerHTML.slice(0, 120)} scrollY=${scrollY}`
				);
				console.error(
					`Étape ${i + 1} (${views[i]}) jamais dessinée : ${e.message.split('\n')[0]}\n${stage}\n${JSON.stringify((await marks()).filter((m) => m.step >= i - 1))}`
				);
				throw e;
			});
			const asked = (await marks()).find((x) => x.step === i && x.what === 'asked')!.at;
			transitions.push({ step: i + 1, kind: kinds[i]!, ms: end.readable - asked, live: end.live - asked });
		}
		await context.close();
	}
} finally {
	await browser.close();
	await app.stop();
	rmSync(dir, { recursive: true, force: true });
}
const all = transitions.map((t) => t.ms);
const allLive = transitions.map((t) => t.live);
const line = (label: string, xs: number[]) => `${label} : médiane ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}`;
console.log(`Premier affichage du texte (FCP) : médiane ${ms(percentile(texts, 50))}`);
console.log(`${line('Première étape lisible (texte et vue montrée)', firsts)} (budget ${FIRST_BUDGET} ms)`);
console.log(`  ${line('vue vivante (carte ou graphe interactifs) dessinée', firstsLive)}`);
console.log(`${line("Passage d'une étape à la suivante, vue montrée", all)} (budget ${STEP_BUDGET} ms), ${all.length} passages`);
console.log(`  ${line('jusqu’à la vue vivante dessinée', allLive)}`);
if (missedPresses) console.log(`Touches → non prises (pressées de nouveau après 5 s) : ${missedPresses}`);
for (const kind of ['map', 'network', 'explorer', 'flows', 'pathway']) {
	const of = transitions.filter((t) => t.kind === kind);
	if (of.length)
		console.log(
			`  vers ${kind} : ${line(
				'montrée',
				of.map((t) => t.ms)
			)} ; ${line(
				'vivante',
				of.map((t) => t.live)
			)}`
		);
}
