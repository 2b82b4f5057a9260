/**
 * Issue 20, part 2: récits. On the demo database built by the real migrations: the write path (versions, history,
 * featured actors, French refusals), publication, and freezing: a frozen récit's steps keep the answers of the
 * site's own API handlers (called here as the server calls them), so after the data changes the reader still
 * sees the old state, and « voir aujourd'hui » the new one.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, relations, stories, storyRevisions } from '../../src/lib/server/db/schema';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { decodePoints } from '../../src/lib/map/points-binary';
import { mapPoints, useAnswerBook } from '../../src/lib/map/map-data';

type Handler = (event: RequestEvent) => Promise<Response> | Response;

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let partner: AccountUser;
const previousUrl = process.env.DATABASE_URL;
let service: typeof import('../../src/lib/server/services/story.service');
let freeze: typeof import('../../src/lib/server/services/story-freeze.service');
let reader: typeof import('../../src/lib/server/services/story-reader.service');
let write: typeof import('../../src/lib/server/services/entity-write.service');
let routes: Record<string, Handler>;
let errors: typeof import('../../src/lib/server/services/errors');

/** The site's own GET handlers, asked as SvelteKit's `fetch` asks them inside an action (no network). */
const siteFetch = (async (input: string | URL | Request) => {
	const url = new URL(String(input), 'http://localhost');
	const handler = routes[url.pathname];
	if (!handler) return new Response('not found', { status: 404 });
	return handler({ url, request: new Request(url), params: {}, getClientAddress: () => '127.0.0.1', locals: { user: null } } as unknown as RequestEvent);
}) as typeof fetch;

beforeAll(async () => {
	ctx = freshDb();
	db = ctx.db;
	loadTerritories(db);
	seedDemo(db);
	vi.resetModules();
	process.env.DATABASE_URL = ctx.path;
	service = await import('../../src/lib/server/services/story.service');
	errors = await import('../../src/lib/server/services/errors');
	freeze = await import('../../src/lib/server/services/story-freeze.service');
	reader = await import('../../src/lib/server/services/story-reader.service');
	write = await import('../../src/lib/server/services/entity-write.service');
	routes = {
		'/api/v1/map/points.bin': (await import('../../src/routes/api/v1/map/points.bin/+server')).GET as Handler,
		'/api/v1/graph': (await import('../../src/routes/api/v1/graph/+server')).GET as Handler,
		'/api/v1/paths': (await import('../../src/routes/api/v1/paths/+server')).GET as Handler,
		'/api/v1/pathways/flows': (await import('../../src/routes/api/v1/pathways/flows/+server')).GET as Handler,
		'/reseau/apercu.svg': (await import('../../src/routes/reseau/apercu.svg/+server')).GET as Handler,
		'/reseau/apercu.json': (await import('../../src/routes/reseau/apercu.json/+server')).GET as Handler,
		'/carte/apercu.svg': (await import('../../src/routes/carte/apercu.svg/+server')).GET as Handler
	};
	const invite = (email: string, role: AccountUser['role']) => {
		const { userId } = inviteUser(db, 'cli', { email, displayName: email.split('@')[0]!, role });
		return { id: userId, email, displayName: email.split('@')[0]!, role };
	};
	editor = invite('redaction@example.org', 'editor');
	partner = invite('partenaire@example.org', 'partner');
}, 60_000);
afterAll(() => {
	process.env.DATABASE_URL = previousUrl;
	ctx.close();
});

const story = { title: 'Qui finance l’agroalimentaire du Cantal ?', subtitle: 'Enquête', author: 'Rédaction', coverUrl: '', intro: '' };
const cantalAgrifood = '/carte?sector=agrifood&territory=15&at=45.0300,2.6500,8.4';

describe('the write path', () => {
	it('creates a récit from a view, keeps its history, and works out the actors it features', () => {
		const startup = db.select().from(entities).where(eq(entities.category, 'startup')).get()!;
		const { id, slug } = service.createStory(db, editor, story, `http://localhost:3000/en${cantalAgrifood}`);
		expect(slug).toBe('qui-finance-l-agroalimentaire-du-cantal');
		service.addStep(db, editor, id, { text: `Voir [la fiche](/acteurs/${startup.slug}).`, view: `/reseau?focus=${startup.id}&depth=2` });
		const edit = service.storyForEditor(db, editor, id);
		expect(edit.steps.map((s) => [s.kind, s.view])).toEqual([
			['map', cantalAgrifood],
			['network', `/reseau?focus=${startup.id}&depth=2`]
		]);
		expect(edit.history.map((h) => h.version)).toEqual([2, 1]);
		expect(service.storiesFeaturing(db, startup.id)).toEqual([]); // not published yet
		service.setStoryStatus(db, editor, id, 'published', edit.story.version);
		expect(service.storiesFeaturing(db, startup.id).map((s) => s.slug)).toEqual([slug]);
		const listed = service.storyIndex(db, null).stories.find((s) => s.slug === slug);
		expect(listed?.steps).toBe(2);
	});

	it('refuses in French what cannot be a récit or a step, and a save from an old version, writing nothing', () => {
		expect(() => service.createStory(db, editor, { ...story, title: ' ' })).toThrow(/le titre est obligatoire/);
		const { id } = service.createStory(db, editor, { ...story, title: 'Brouillon' });
		expect(() => service.addStep(db, editor, id, { text: '', view: 'https://exemple.org/ailleurs' })).toThrow(/n’est pas une vue de récit/);
		expect(() => service.setStoryStatus(db, editor, id, 'published', 1)).toThrow(/sans étape ne peut pas être publié/);
		service.addStep(db, editor, id, { text: 'Un', view: '/carte' });
		expect(() => service.editStep(db, editor, id, 0, { text: 'Deux', view: '/carte' }, 1)).toThrow(/modifié entre-temps/);
		expect(service.storyForEditor(db, editor, id).steps[0]?.text).toBe('Un');
		expect(() => service.createStory(db, partner, story)).toThrow(errors.ForbiddenError);
	});

	it('keeps its history append-only', () => {
		expect(() => db.delete(storyRevisions).run()).toThrow(/append-only/);
	});

	it('shows a draft to editors only', () => {
		const { slug } = service.createStory(db, editor, { ...story, title: 'Pas encore' }, '/carte');
		expect(() => service.readStory(db, slug, null)).toThrow(errors.NotFoundError);
		expect(() => service.readStory(db, slug, partner)).toThrow(errors.NotFoundError);
		expect(service.readStory(db, slug, editor).story.status).toBe('draft');
	});
});

describe('a frozen récit', () => {
	it('keeps showing the state it was frozen on after the data changes; « voir aujourd’hui » shows today’s', async () => {
		const pathEnds = db.select({ id: entities.id, name: entities.name }).from(entities).where(eq(entities.category, 'startup')).limit(1).all();
		const focus = pathEnds[0]!;
		const { id, slug } = service.createStory(db, editor, { ...story, title: 'Enquête figée' }, cantalAgrifood);
		service.addStep(db, editor, id, { text: 'Son entourage.', view: `/reseau?focus=${focus.id}&depth=1` });
		service.addStep(db, editor, id, { text: 'Les flux.', view: '/parcours/flux?sector=agrifood' });
		const linked = db.select({ from: relations.sourceId, to: relations.targetId }).from(relations).where(eq(relations.type, 'incubated_by')).get()!;
		service.addStep(db, editor, id, { text: 'Le chemin.', view: `/reseau?from=${linked.from}&to=${linked.to}` });
		let version = service.storyForEditor(db, editor, id).story.version;
		service.setStoryStatus(db, editor, id, 'published', version++);

		const answers = await freeze.freezeAnswers(db, editor, id, siteFetch);
		service.freezeStory(db, editor, id, answers, version++);
		const frozenPoints = service.frozenStepAnswers(db, slug, 0, null)['/api/v1/map/points.bin?sector=agrifood&territory=15'];
		expect(frozenPoints?.startsWith('b64:')).toBe(true);
		const before = decodePoints(Uint8Array.from(Buffer.from(frozenPoints!.slice(4), 'base64')).buffer).ids.length;
		expect(before).toBeGreaterThan(0);
		const graphKey = Object.keys(service.frozenStepAnswers(db, slug, 1, null)).find((k) => k.startsWith('/api/v1/graph?'))!;
		expect(graphKey).toContain(`focus=${focus.id}`);

		// The data changes: a new agrifood actor in Aurillac, and the focused actor renamed.
		write.createEntities(
			db,
			[
				{
					slug: 'nouvelle-fromagerie-test',
					kind: 'organisation',
					category: 'company',
					name: 'Nouvelle fromagerie (test)',
					communeCode: '15014',
					lon: 2.44,
					lat: 44.93,
					sectors: ['agrifood'],
					status: 'published'
				}
			] as never,
			{ actor: { userId: editor.id, label: 'test' }, reason: 'test' }
		);
		const row = db.select().from(entities).where(eq(entities.id, focus.id)).get()!;
		write.updateEntity(
			db,
			focus.id,
			{ name: `${focus.name} (renommée)` },
			{ actor: { userId: editor.id, label: 'test' }, reason: 'test', expectedVersion: row.version }
		);
		// An edit of a step's text keeps what was frozen with its view.
		service.editStep(db, editor, id, 0, { text: 'Les acteurs de la filière.', view: cantalAgrifood }, version++);

		const live = await siteFetch('/api/v1/map/points.bin?sector=agrifood&territory=15');
		expect(decodePoints(await live.arrayBuffer()).ids.length).toBe(before + 1);
		const kept = service.frozenStepAnswers(db, slug, 0, null);
		expect(decodePoints(Uint8Array.from(Buffer.from(kept['/api/v1/map/points.bin?sector=agrifood&territory=15']!.slice(4), 'base64')).buffer).ids.length).toBe(
			before
		);
		expect(service.frozenStepAnswers(db, slug, 1, null)[graphKey]).toContain(`"${focus.name}"`);
		expect(service.frozenStepAnswers(db, slug, 1, null)[graphKey]).not.toContain('(renommée)');

		// The reader's data layer draws the frozen points, not today's (no request made: the book answers).
		useAnswerBook(kept);
		expect((await mapPoints('sector=agrifood&territory=15')).points).toHaveLength(before);
		useAnswerBook(null);

		const frozenPage = await reader.readerStory(db, slug, null, 'fr');
		expect(frozenPage.story.frozenAt).not.toBeNull();
		expect(frozenPage.figures[0]?.picture).toBe(`/recits/${slug}/etapes/1/image.svg`);
		expect(service.frozenPicture(db, slug, 0, null)).toMatch(/^<svg/);
		// The path step's still draws the path (the colour of the live graph's highlight).
		expect(service.frozenPicture(db, slug, 3, null)).toContain('#b4236b');
		expect(frozenPage.figures[2]?.flows?.links.length).toBeGreaterThanOrEqual(0);
		const today = await reader.readerStory(db, slug, null, 'fr', true);
		expect(today.figures[0]?.picture).toMatch(/^\/carte\/apercu\.svg\?/);

		service.unfreezeStory(db, editor, id, version);
		expect(service.frozenStepAnswers(db, slug, 0, null)).toEqual({});
		expect(db.select({ frozenAt: stories.frozenAt }).from(stories).where(eq(stories.id, id)).get()?.frozenAt).toBeNull();
	}, 60_000);

	it('refuses to freeze a step whose data cannot be read, and freezes nothing', async () => {
		const { id, slug } = service.createStory(db, editor, { ...story, title: 'Vue cassée' }, '/reseau?focus=999999&depth=1');
		await expect(freeze.freezeAnswers(db, editor, id, siteFetch)).rejects.toThrow(errors.ValidationError);
		expect(service.readStory(db, slug, editor).story.frozenAt).toBeNull();
	});
});
