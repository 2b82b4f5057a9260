/**
 * The editors' synonyms table (/admin/recherche) on a real database built by the migrations, which seed the
 * default groups: who may change it, the French messages for bad input, duplicates refused, nothing written
 * on a refusal, and a group added through the service counting from the next search.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { searchSynonyms } from '../../src/lib/server/db/schema';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { search } from '../../src/lib/server/services/search.service';
import { createSynonymGroup, deleteSynonymGroup, listSynonymGroups, updateSynonymGroup } from '../../src/lib/server/services/search-synonyms.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let admin: AccountUser;
let partner: AccountUser;

function account(email: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName: email, role });
	return { id: userId, email, displayName: email, role };
}

/** The table as stored, to prove a refusal wrote nothing. */
const table = () => db.select().from(searchSynonyms).all();

/** The French sentences of a refusal. */
function issuesOf(work: () => unknown): string[] {
	try {
		work();
	} catch (e) {
		if (e instanceof ValidationError) return e.issues;
		throw e;
	}
	throw new Error('accepted');
}

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	editor = account('edith@exemple.fr', 'editor');
	admin = account('ada@exemple.fr', 'admin');
	partner = account('paul@exemple.fr', 'partner');
	vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('synonyms table: rights', () => {
	it('lets editors and admins list and change it, and refuses anonymous visitors and partners', () => {
		const seeded = listSynonymGroups(db, editor);
		expect(seeded.length).toBeGreaterThan(20);
		expect(seeded.find((g) => g.terms.includes('tiers-lieu'))?.related).toBe(false);
		const before = table();
		for (const who of [null, partner]) {
			expect(() => listSynonymGroups(db, who)).toThrow(ForbiddenError);
			expect(() => createSynonymGroup(db, who, { terms: 'couveuse, incubateur', related: false })).toThrow(ForbiddenError);
			expect(() => updateSynonymGroup(db, who, seeded[0]!.id, { terms: 'a, b', related: false })).toThrow(ForbiddenError);
			expect(() => deleteSynonymGroup(db, who, seeded[0]!.id)).toThrow(ForbiddenError);
		}
		expect(table()).toEqual(before);
		const created = createSynonymGroup(db, admin, { terms: 'couveuse, incubateur', related: false });
		expect(created.terms).toEqual(['couveuse', 'incubateur']);
	});

	it('logs who changed which group', () => {
		const log = vi.mocked(console.log);
		const { id } = createSynonymGroup(db, editor, { terms: 'couveuse, incubateur', related: false });
		deleteSynonymGroup(db, editor, id);
		const events = log.mock.calls.map((c) => JSON.parse(String(c[0])));
		expect(events).toEqual([
			expect.objectContaining({ event: 'synonyms.created', groupId: id, terms: 'couveuse, incubateur', by: editor.id }),
			expect.objectContaining({ event: 'synonyms.deleted', groupId: id, by: editor.id })
		]);
	});
});

describe('synonyms table: validation', () => {
	it('explains in French what is wrong, naming the field, and writes nothing', () => {
		const before = table();
		const add = (terms: string) => issuesOf(() => createSynonymGroup(db, editor, { terms, related: false }));
		expect(add('couveuse')).toEqual(['Synonymes : il faut au moins deux mots ou expressions, séparés par des virgules.']);
		// Repeated terms count once, whatever their accents or case.
		expect(add('Pépinière, pepiniere ,  PÉPINIÈRE')).toEqual(['Synonymes : il faut au moins deux mots ou expressions, séparés par des virgules.']);
		expect(add(Array.from({ length: 13 }, (_, i) => `mot${i}`).join(', '))).toEqual([
			'Synonymes : douze mots ou expressions au plus (ce groupe en a 13) ; faites-en deux groupes.'
		]);
		expect(add(`couveuse, ${'a'.repeat(61)}`)[0]).toMatch(/^Synonymes : « a{20}… » dépasse 60 caractères\.$/);
		expect(add('c++, cpp <b>')[0]).toMatch(
			/^Synonymes\u00a0: «\u00a0\+\u00a0», «\u00a0<\u00a0», «\u00a0>\u00a0» non permis\u00a0; un mot ne contient que des lettres/
		);
		expect(issuesOf(() => createSynonymGroup(db, editor, { terms: 'a, b', related: 'oui' as never }))).toEqual(['Mots proches\u00a0: oui ou non attendu.']);
		expect(table()).toEqual(before);
	});

	it('accepts hyphens, apostrophes, phrases and new lines, and stores the terms tidied', () => {
		const group = createSynonymGroup(db, editor, { terms: " couveuse ;\nincubateur   d’entreprises, pré-incubation, l'incubateur ", related: true });
		expect(group).toMatchObject({ terms: ['couveuse', 'incubateur d’entreprises', 'pré-incubation', "l'incubateur"], related: true });
		expect(table().find((r) => r.id === group.id)?.terms).toBe("couveuse, incubateur d’entreprises, pré-incubation, l'incubateur");
	});

	it('keeps every seeded group valid, so saving one unchanged writes nothing', () => {
		for (const group of listSynonymGroups(db, editor)) {
			expect(updateSynonymGroup(db, editor, group.id, { terms: group.text, related: group.related }).updatedAt).toBe(group.updatedAt);
		}
	});

	it('refuses a group that already exists, in any order, case or accents, and leaves the table as it was', () => {
		createSynonymGroup(db, editor, { terms: 'couveuse, incubateur', related: false });
		const before = table();
		expect(issuesOf(() => createSynonymGroup(db, editor, { terms: 'Incubateur, COUVEUSE', related: true }))).toEqual([
			'Synonymes\u00a0: ce groupe existe déjà («\u00a0couveuse, incubateur\u00a0»).'
		]);
		const other = createSynonymGroup(db, editor, { terms: 'couveuse, nid', related: false });
		expect(issuesOf(() => updateSynonymGroup(db, editor, other.id, { terms: 'incubateur, couveuse', related: false }))).toEqual([
			'Synonymes\u00a0: ce groupe existe déjà («\u00a0couveuse, incubateur\u00a0»).'
		]);
		expect(table().filter((r) => r.id !== other.id)).toEqual(before);
		expect(table().find((r) => r.id === other.id)?.terms).toBe('couveuse, nid');
	});

	it('answers « n’existe plus » for a group deleted meanwhile', () => {
		const { id } = createSynonymGroup(db, editor, { terms: 'couveuse, incubateur', related: false });
		deleteSynonymGroup(db, editor, id);
		expect(() => updateSynonymGroup(db, editor, id, { terms: 'couveuse, incubateur', related: false })).toThrow(NotFoundError);
		expect(() => deleteSynonymGroup(db, editor, id)).toThrow(/n’existe plus/);
		expect(() => deleteSynonymGroup(db, editor, 0)).toThrow(NotFoundError);
	});
});

describe('synonyms table: the search follows it', () => {
	it('finds an incubator by « couveuse » once the group is added, and no longer once it is deleted', () => {
		createEntities(db, [
			{
				slug: 'incubateur-des-domes',
				kind: 'organisation',
				category: 'incubator',
				name: 'Incubateur des Dômes',
				summary: 'Accompagne les jeunes pousses.',
				communeCode: '63113'
			}
		]);
		const slugs = (q: string) => search(db, q).hits.map((h) => h.slug);
		expect(slugs('couveuse')).toEqual([]);
		const { id } = createSynonymGroup(db, editor, { terms: 'couveuse, incubateur', related: false });
		expect(slugs('couveuse')[0]).toBe('incubateur-des-domes');
		updateSynonymGroup(db, editor, id, { terms: 'couveuse, nid', related: false });
		expect(slugs('couveuse')).toEqual([]);
		updateSynonymGroup(db, editor, id, { terms: 'couveuse, incubateur', related: true });
		expect(slugs('couveuse')).toContain('incubateur-des-domes');
		deleteSynonymGroup(db, editor, id);
		expect(slugs('couveuse')).toEqual([]);
	});
});
