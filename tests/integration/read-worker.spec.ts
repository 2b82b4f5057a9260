import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { dashboardDuplicates, dashboardDuplicatesPage, editorsDashboard } from '../../src/lib/server/services/dashboard.service';
import { suspectedDuplicatePairs } from '../../src/lib/server/services/duplicate-pairs.service';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { readTaskNow, readWorkersStarted } from '../../src/lib/server/worker/read-worker';

let db: Db;
demoDbForFile((d) => (db = d));

const account = (email: string, role: AccountUser['role']): AccountUser => ({
	id: inviteUser(db, 'cli', { email, displayName: email, role }).userId,
	email,
	displayName: email,
	role
});

/** A new listing repeating an older organisation (the `nth` with a commune): same name, same commune, a duplicate pair. */
function repeatAnOlderOrganisation(nth: number, slug: string): void {
	const older = db.$client
		.prepare("SELECT name, commune_code AS communeCode FROM entities WHERE kind = 'organisation' AND commune_code IS NOT NULL LIMIT 1 OFFSET ?")
		.get(nth) as { name: string; communeCode: string };
	createEntity(db, { slug, kind: 'organisation', category: 'company', name: older.name, communeCode: older.communeCode });
}

describe('whole-directory reads in a worker thread (issue 18)', () => {
	it('the suspected duplicates come from a thread of their own, kept until the next write', async () => {
		const editor = account('redaction@worker.test', 'editor');
		const before = readWorkersStarted();
		const pairs = await dashboardDuplicates(db, editor);
		expect(readWorkersStarted()).toBe(before + 1);
		expect(pairs).toEqual(suspectedDuplicatePairs(db));
		// Kept: a second editor's visit starts nothing; the dashboard counts the same pairs.
		expect(await dashboardDuplicates(db, editor)).toEqual(pairs);
		expect(readWorkersStarted()).toBe(before + 1);
		// The dashboard's own figures run in a thread too (freshnessFigures): one more, none for the pairs.
		expect((await editorsDashboard(db, editor)).duplicates).toBe(pairs.length);
		expect(readWorkersStarted()).toBe(before + 2);

		// A listing repeating an older one (same name, same commune): seen at the next visit.
		repeatAnOlderOrganisation(0, 'doublon-pour-le-test');
		const after = await dashboardDuplicates(db, editor);
		expect(readWorkersStarted()).toBe(before + 3);
		expect(after.length).toBe(pairs.length + 1);
		expect(after.some((p) => p.other.slug === 'doublon-pour-le-test')).toBe(true);
	});

	it('the pairs page does not wait for them: « calcul en cours », the pairs found before meanwhile, then this revision’s', async () => {
		const editor = account('redaction@calcul.test', 'editor');
		const pairs = await readTaskNow(db, 'duplicatePairs');
		expect(pairs.current).toBe(true);
		expect(pairs.value).toEqual(suspectedDuplicatePairs(db));
		repeatAnOlderOrganisation(1, 'doublon-en-calcul');
		// No grace: the new revision's pairs are being computed, the previous ones are shown, said as not current.
		const meanwhile = await readTaskNow(db, 'duplicatePairs', { graceMs: 0 });
		expect(meanwhile.current).toBe(false);
		expect(meanwhile.value).toEqual(pairs.value);
		// A write while they are computed starts no second thread: the next request after this one ends does.
		const threads = readWorkersStarted();
		db.$client.prepare("UPDATE entities SET description = 'réécrite' WHERE slug = 'doublon-en-calcul'").run();
		expect((await readTaskNow(db, 'duplicatePairs', { graceMs: 0 })).current).toBe(false);
		expect(readWorkersStarted()).toBe(threads);
		// The page of a directory this small waits for the earlier thread, then for the current one (one more): the
		// same pairs as computed in place, the new one among them. Kept: the next visit starts none.
		const done = await dashboardDuplicatesPage(db, editor, 1);
		expect(readWorkersStarted()).toBe(threads + 1);
		expect(done.computing).toBe(false);
		expect(done.total).toBe(suspectedDuplicatePairs(db).length);
		expect(done.total).toBe(pairs.value!.length + 1);
		expect((await dashboardDuplicatesPage(db, editor, 1)).total).toBe(done.total);
		expect(readWorkersStarted()).toBe(threads + 1);
	});

	it('refuses a partner before anything runs', async () => {
		const partner = account('partenaire@worker.test', 'partner');
		const before = readWorkersStarted();
		await expect(dashboardDuplicates(db, partner)).rejects.toThrow();
		expect(readWorkersStarted()).toBe(before);
	});
});
