/**
 * Issue 18: at scale, the search's typo vocabulary (0.6 s to read at 100,000 actors) is read again in the read
 * worker, while the one in use keeps answering; it then replaces it without any further write. Turned on here
 * for the demo's few hundred actors (rebuildInBackground's threshold at 0).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { search } from '../../src/lib/server/services/search.service';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import { rebuildInBackground } from '../../src/lib/server/worker/background';

let db: Db;
demoDbForFile((d) => (db = d));
afterAll(() => {
	vi.useRealTimers();
	rebuildInBackground(false);
});

describe('vocabulaire des fautes de frappe à grande échelle', () => {
	it('is read again in the worker while the one in use answers, then corrects the new word', async () => {
		rebuildInBackground(true, 0);
		// The vocabulary in use, read on the first search (nothing to serve yet).
		expect(search(db, 'zorbaflex').hits).toEqual([]);
		createEntity(db, { slug: 'atelier-zorbaflex', kind: 'organisation', category: 'company', name: 'Atelier Zorbaflex' });
		// Found as typed at once (the full-text index); a typo of it is not corrected yet (the vocabulary is up to 30 s old).
		expect(search(db, 'zorbaflex').hits.map((h) => h.slug)).toContain('atelier-zorbaflex');
		expect(search(db, 'zorbaflx').suggestion).toBeNull();
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 31_000);
		// Due now: this search is still answered with the vocabulary in use (not read again on this thread)…
		expect(search(db, 'zorbaflx').suggestion).toBeNull();
		// …and the new one, read in the worker, corrects the typo without any write.
		await vi.waitFor(() => expect(search(db, 'zorbaflx').suggestion).toBe('zorbaflex'), { timeout: 30_000, interval: 100 });
	}, 60_000);
});
