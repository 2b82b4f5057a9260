import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { dashboardDuplicates, editorsDashboard } from '../../src/lib/server/services/dashboard.service';
import { suspectedDuplicatePairs } from '../../src/lib/server/services/duplicate-pairs.service';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { readWorkersStarted } from '../../src/lib/server/worker/read-worker';

let db: Db;
demoDbForFile((d) => (db = d));

const account = (email: string, role: AccountUser['role']): AccountUser => ({
	id: inviteUser(db, 'cli', { email, displayName: email, role }).userId,
	email,
	displayName: email,
	role
});

describe('whole-directory reads in a worker thread (issue 18)', () => {
	it('the suspected duplicates come from a thread of their own, kept until the next write', async () => {
		const editor = account('redaction@worker.test', 'editor');
		const before = readWorkersStarted();
		const pairs = await dashboardDuplicates(db, editor);
		expect(readWorkersStarted()).toBe(before + 1);
		expect(pairs).toEqual(suspectedDuplicatePairs(db));
		// Kept: a second editor's visit starts nothing; the dashboard counts the same pairs.
		expect(await dashboardDuplicates(db, editor)).toEqual(pairs);
		expect((await editorsDashboard(db, editor)).duplicates).toBe(pairs.length);
		expect(readWorkersStarted()).toBe(before + 1);

		// A listing repeating an older one (same name, same commune): seen at the next visit.
		const older = db.$client
			.prepare("SELECT name, commune_code AS communeCode FROM entities WHERE kind = 'organisation' AND commune_code IS NOT NULL LIMIT 1")
			.get() as {
			name: string;
			communeCode: string;
		};
		createEntity(db, { slug: 'doublon-pour-le-test', kind: 'organisation', category: 'company', name: older.name, communeCode: older.communeCode });
		const after = await dashboardDuplicates(db, editor);
		expect(readWorkersStarted()).toBe(before + 2);
		expect(after.length).toBe(pairs.length + 1);
		expect(after.some((p) => p.other.slug === 'doublon-pour-le-test')).toBe(true);
	});

	it('refuses a partner before anything runs', async () => {
		const partner = account('partenaire@worker.test', 'partner');
		const before = readWorkersStarted();
		await expect(dashboardDuplicates(db, partner)).rejects.toThrow();
		expect(readWorkersStarted()).toBe(before);
	});
});
