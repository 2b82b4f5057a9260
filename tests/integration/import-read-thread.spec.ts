import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../src/lib/import/decode';
import { readImportFile } from '../../src/lib/server/import/read-file';
import { OFF_THREAD_BYTES, readImportFileOffThread } from '../../src/lib/server/import/read-file-thread';
import { UnreadableFileError } from '../../src/lib/server/services/errors';
import { tiersLieuxSheet } from '../../scripts/lib/tiers-lieux-sheet';

/*
 * A large file is read in a worker thread so the server keeps answering (issue 18). What comes back must be
 * what reading it on the spot gives, and a file that cannot be read is refused with the same French reason.
 */

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const communes = [
	{ code: '63113', name: 'Clermont-Ferrand', lon: 3.08, lat: 45.78 },
	{ code: '15014', name: 'Aurillac', lon: 2.44, lat: 44.93 }
];

describe('reading a large import file off the server thread', () => {
	it('gives the same rows, headers, encoding and problems as reading it on the spot (Windows-1252 CSV of 5,000 rows)', async () => {
		const bytes = encodeWindows1252(tiersLieuxSheet(communes, 5000).text);
		expect(bytes.byteLength).toBeGreaterThan(OFF_THREAD_BYTES);
		const there = await readImportFileOffThread(bytes);
		const here = readImportFile(bytes);
		expect(there).toEqual(here);
		expect(there.format).toBe('csv');
		if (there.format !== 'json') expect(there.rows.length).toBe(5000);
	}, 60_000);

	it('reads workbooks and portal JSON there too, with the sheet asked for', async () => {
		for (const name of ['tiers-lieux.xlsx', 'tiers-lieux.ods', 'tiers-lieux-portail.json']) {
			const bytes = fixture(name);
			expect(await readImportFileOffThread(bytes, {}, 0), name).toEqual(readImportFile(bytes));
		}
	}, 60_000);

	it('refuses an unreadable file with the same French reason', async () => {
		const binary = new Uint8Array(OFF_THREAD_BYTES + 10).map((_, i) => (i * 7) % 9);
		const refusal = await readImportFileOffThread(binary).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(UnreadableFileError);
		expect(() => readImportFile(binary)).toThrow((refusal as Error).message);
		expect((refusal as Error).message).toMatch(/ni un fichier texte/);
	}, 60_000);
});
