/**
 * Issue 20, part 1: press articles tied to the actors they cover, on a real SQLite file built by the migrations.
 * Editors add an article by hand or from its page's own metadata, import a feed (RSS, WordPress export) from a
 * local HTTP server, confirm or reject the names found; the public side (actor and territory pages, the
 * « angles morts » filter, a relation's source) shows confirmed mentions only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { articleMentions, articles } from '../../src/lib/server/db/schema';
import { createEntities, createRelations } from '../../src/lib/server/services/entity-write.service';
import { ForbiddenError, ValidationError } from '../../src/lib/server/services/errors';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import {
	addArticle,
	addMention,
	articleForEditor,
	articlesApi,
	articlesForEditor,
	decideMention,
	importArticles,
	pressOfEntity,
	pressOfTerritory,
	readArticlePage
} from '../../src/lib/server/services/article.service';
import { graphRevision, filteredEntityIds } from '../../src/lib/server/repos/graph.repo';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { graphView } from '../../src/lib/server/services/graph.service';
import { mergeEntities } from '../../src/lib/server/services/moderation.service';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let partner: AccountUser;
let couveuse: number;
let volcabio: number;
let cap: number;
let fromage: number;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}

const article = (over: Record<string, string> = {}) => ({
	url: 'https://le-connecteur.example/2026/volcabio',
	title: 'Comment Volcabio a grandi avec la Couveuse des Puys',
	publishedAt: '2026-10-14',
	outlet: '',
	author: 'Rédaction',
	excerpt: 'De l’idée au premier client, à Aurillac.',
	imageUrl: '',
	language: 'fr',
	...over
});

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[couveuse, volcabio, cap, fromage] = createEntities(
		db,
		[
			{ slug: 'la-couveuse-des-puys', kind: 'organisation', category: 'incubator', name: 'La Couveuse des Puys', communeCode: '63113', status: 'published' },
			{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', communeCode: '15014', status: 'published', sectors: ['agrifood'] },
			{ slug: 'cap', kind: 'organisation', category: 'company', name: 'Cap', communeCode: '63113', status: 'published' },
			{ slug: 'fromagerie-de-salers', kind: 'organisation', category: 'company', name: 'Fromagerie de Salers', communeCode: '15014', status: 'published' }
		] as never,
		{ actor: SYSTEM_ACTOR, reason: 'test' }
	) as [number, number, number, number];
	editor = account('redaction@example.org', 'Rédaction', 'editor');
	partner = account('partenaire@example.org', 'Partenaire', 'partner');
});
afterEach(() => ctx.close());

describe('an article added by hand', () => {
	it('is saved with the names found in its title and text proposed, and « Cap » is not found inside « Capital »', () => {
		const { id, proposed } = addArticle(db, editor, article(), 'Volcabio lève son capital auprès de la couveuse des Puys.');
		expect(proposed).toBe(2);
		const { article: row, mentions } = articleForEditor(db, editor, id);
		expect(row.outlet).toBe('Le Connecteur');
		expect(mentions.map((x) => [x.name, x.status])).toEqual(
			expect.arrayContaining([
				['Volcabio', 'proposed'],
				['La Couveuse des Puys', 'proposed']
			])
		);
		expect(mentions.some((x) => x.name === 'Cap')).toBe(false);
		const listed = articlesForEditor(db, editor, 1, false);
		expect(listed.articles.map((a) => [a.title, a.waiting, a.confirmed])).toEqual([['Comment Volcabio a grandi avec la Couveuse des Puys', 2, 0]]);
		expect(listed.toReviewCount).toBe(1);
	});

	it('refuses, in French and field by field, what cannot be an article, and writes nothing', () => {
		const bad = () => addArticle(db, editor, article({ url: 'javascript:alert(1)', title: ' ', publishedAt: '14/10/2026' }));
		expect(bad).toThrow(ValidationError);
		try {
			bad();
		} catch (e) {
			const issues = (e as ValidationError).issues.join(' | ');
			expect(issues).toContain('l’adresse de l’article doit commencer par http:// ou https://');
			expect(issues).toContain('le titre est obligatoire');
			expect(issues).toContain('la date de publication doit être une date');
		}
		addArticle(db, editor, article());
		expect(() => addArticle(db, editor, article({ title: 'Autre titre' }))).toThrow(/un article a déjà cette adresse/);
		expect(db.select().from(articles).all()).toHaveLength(1);
	});

	it('is for editors only', () => {
		expect(() => addArticle(db, partner, article())).toThrow(ForbiddenError);
	});
});

describe('confirmed mentions are public, proposed and rejected ones are not', () => {
	it('shows on the actor page, the territory page, the « angles morts » filter and the graph revision', () => {
		const { id } = addArticle(db, editor, article(), 'Volcabio et la Couveuse des Puys.');
		const mentions = articleForEditor(db, editor, id).mentions;
		const ofVolcabio = mentions.find((x) => x.entityId === volcabio)!;
		const ofCouveuse = mentions.find((x) => x.entityId === couveuse)!;
		expect(pressOfEntity(db, volcabio).total).toBe(0);

		const before = graphRevision(db);
		decideMention(db, editor, ofVolcabio.id, 'confirmed');
		decideMention(db, editor, ofCouveuse.id, 'rejected');
		expect(graphRevision(db)).toBeGreaterThan(before);

		const press = pressOfEntity(db, volcabio);
		expect(press.total).toBe(1);
		expect(press.portraits.map((a) => a.title)).toEqual(['Comment Volcabio a grandi avec la Couveuse des Puys']);
		expect(pressOfEntity(db, couveuse).total).toBe(0);

		// Cantal (15) has Volcabio; Puy-de-Dôme (63) only the rejected incubator.
		expect(pressOfTerritory(db, '15').map((a) => a.actors.map((x) => x.slug))).toEqual([['volcabio']]);
		expect(pressOfTerritory(db, '63')).toEqual([]);

		const blind = filteredEntityIds(db, entityFiltersSchema.parse({ press: 'none' }));
		expect(blind).not.toContain(volcabio);
		expect(blind).toEqual(expect.arrayContaining([couveuse, cap, fromage]));
		expect(filteredEntityIds(db, entityFiltersSchema.parse({ press: 'covered' }))).toEqual([volcabio]);
		// The graph sizes its nodes by coverage from the same confirmed mentions (the revision moved: rebuilt).
		const nodes = graphView(db, new URLSearchParams()).nodes;
		expect(nodes.find((n) => n.id === volcabio)?.coverage).toBe(1);
		expect(nodes.find((n) => n.id === couveuse)?.coverage).toBe(0);

		// The API: the confirmed actors only, by actor or territory.
		const api = articlesApi(db, new URLSearchParams('entity=volcabio'));
		expect(api.total).toBe(1);
		expect(api.items[0]?.actors).toEqual([{ slug: 'volcabio', name: 'Volcabio' }]);
		expect(articlesApi(db, new URLSearchParams('territory=63')).total).toBe(0);
		expect(articlesApi(db, new URLSearchParams()).items[0]?.actors).toHaveLength(1);
	});

	it('an actor the detection missed is added by the editor, confirmed at once', () => {
		const { id } = addArticle(db, editor, article());
		addMention(db, editor, id, fromage);
		expect(pressOfEntity(db, fromage).total).toBe(1);
	});

	it('a merged duplicate’s press moves to the listing kept', () => {
		const { id } = addArticle(db, editor, article({ title: 'La Fromagerie de Salers ouvre' }));
		const m = articleForEditor(db, editor, id).mentions.find((x) => x.entityId === fromage)!;
		decideMention(db, editor, m.id, 'confirmed');
		mergeEntities(db, editor, cap, fromage);
		expect(pressOfEntity(db, cap).total).toBe(1);
		expect(db.select().from(articleMentions).where(eq(articleMentions.entityId, fromage)).all()).toEqual([]);
	});

	it('a relation sourced by an article names it on the actor page', () => {
		const [relationId] = createRelations(
			db,
			[
				{ type: 'incubated_by', sourceId: volcabio, targetId: couveuse, source: 'https://le-connecteur.example/2026/volcabio', confirmation: 'confirmed' }
			] as never,
			{ actor: SYSTEM_ACTOR, reason: 'test' }
		);
		addArticle(db, editor, article());
		const portrait = getPortrait(db, 'volcabio');
		const shown = portrait.relationGroups.flatMap((g) => g.relations).find((r) => r.id === relationId)!;
		expect(shown.sourceArticle?.title).toBe('Comment Volcabio a grandi avec la Couveuse des Puys');
	});
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Le Connecteur</title><link>https://le-connecteur.example</link><language>fr-FR</language>
<item><title>Volcabio, l&#8217;agroalimentaire qui monte</title><link>https://le-connecteur.example/2026/11/volcabio-monte/</link>
<pubDate>Tue, 03 Nov 2026 08:00:00 +0000</pubDate><dc:creator><![CDATA[Camille]]></dc:creator>
<description><![CDATA[<p>Portrait d’une startup du Cantal.</p>]]></description>
<content:encoded><![CDATA[<p>À Aurillac, <strong>Volcabio</strong> travaille avec la Fromagerie de Salers.</p>]]></content:encoded></item>
<item><title>Sans lien</title><description>Pas d’adresse</description></item>
</channel></rss>`;

describe('a feed imported', () => {
	let server: Server;
	let base: string;
	beforeAll(async () => {
		server = createServer((req, res) => {
			if (req.url === '/feed/') {
				res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' });
				res.end(RSS);
			} else if (req.url === '/article') {
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				res.end(`<!doctype html><html lang="fr"><head><title>Titre de repli</title>
<meta property="og:title" content="La Couveuse des Puys fête ses dix ans">
<meta property="og:description" content="Dix ans d’accompagnement à Clermont-Ferrand.">
<meta property="og:site_name" content="Le Courrier des Puys">
<meta property="article:published_time" content="2025-06-02T07:30:00+02:00">
<meta property="og:image" content="/images/couveuse.jpg"></head>
<body><article><p>La Couveuse des Puys a accompagné Volcabio.</p></article></body></html>`);
			} else {
				res.writeHead(404);
				res.end();
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('adds each new article once, proposes the names it finds, and says which items it skipped', async () => {
		const first = await importArticles(db, editor, { url: `${base}/feed/` }, { allowPrivateAddresses: true });
		expect(first.added).toBe(1);
		expect(first.proposed).toBe(2);
		expect(first.problems.join(' ')).toMatch(/2/);
		const row = db.select().from(articles).get()!;
		expect(row.title).toBe('Volcabio, l’agroalimentaire qui monte');
		expect(row.publishedAt).toBe('2026-11-03');
		expect(row.author).toBe('Camille');
		const again = await importArticles(db, editor, { text: RSS });
		expect(again).toMatchObject({ added: 0, alreadyThere: 1 });
	});

	it('refuses a private address by default, and a page that is no feed, in French', async () => {
		await expect(importArticles(db, editor, { url: `${base}/feed/` })).rejects.toThrow(/privée/);
		await expect(importArticles(db, editor, { text: '<html><body>Bonjour</body></html>' })).rejects.toThrow(ValidationError);
		expect(db.select().from(articles).all()).toEqual([]);
	});

	it('reads a page’s Open Graph metadata to fill the form', async () => {
		const read = await readArticlePage(editor, `${base}/article`, { allowPrivateAddresses: true });
		expect('draft' in read && read.draft).toMatchObject({
			title: 'La Couveuse des Puys fête ses dix ans',
			outlet: 'Le Courrier des Puys',
			publishedAt: '2025-06-02',
			imageUrl: `${base}/images/couveuse.jpg`,
			language: 'fr'
		});
		const missing = await readArticlePage(editor, `${base}/nulle-part`, { allowPrivateAddresses: true });
		expect('error' in missing && missing.error).toMatch(/La page n’a pas pu être lue/);
	});
});
