/**
 * The writes `npm run bench:crash` interrupts, in a process of its own, through the services the server's
 * forms call (the same transactions, revisions and search triggers): a partner's proposal, an editor's
 * approval of it, and now and then an import of 40 rows committed at once. Each write is printed as
 * « ack … » only after the service returned: what the page would have confirmed to the person.
 * Usage: tsx scripts/lib/crash-writer.ts <database> <round>
 */
import { randomBytes } from 'node:crypto';
import { openDb } from '../../src/lib/server/db/index';
import { submitEntityUpdate } from '../../src/lib/server/services/contribution.service';
import { approvePendingChange } from '../../src/lib/server/services/moderation.service';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';

const [path, round] = [process.argv[2]!, Number(process.argv[3])];
const db = openDb(path);
const user = (email: string) => db.$client.prepare('SELECT id, email, display_name AS displayName, role FROM users WHERE email = ?').get(email) as AccountUser;
const editor = user('redaction@crash.test');
const partner = user('partenaire@crash.test');
const listing = (db.$client.prepare("SELECT id FROM entities WHERE slug = 'fiche-du-partenaire'").get() as { id: number }).id;
const versionOf = () => (db.$client.prepare('SELECT version FROM entities WHERE id = ?').get(listing) as { version: number }).version;
const say = (line: string) => process.stdout.write(`${line}\n`);

for (let n = 1; ; n++) {
	const summary = `Résumé ${round}-${n}`;
	const submitted = submitEntityUpdate(db, partner, listing, { summary }, versionOf());
	if (submitted.status !== 'pending') throw new Error(`proposition attendue en attente, reçu ${submitted.status}`);
	say(`ack proposal ${submitted.pendingId} ${summary}`);
	approvePendingChange(db, editor, submitted.pendingId);
	say(`ack approval ${submitted.pendingId} ${summary}`);
	if (n % 4 === 0) {
		const batch = `${round}-${n}`;
		// Names far apart (a hex token each), so the importer's duplicate finder sees 40 new places every time.
		const rows = Array.from({ length: 40 }, () => `Lieu ${randomBytes(6).toString('hex')};coworking;Aurillac`);
		const csv = ['Nom;Type;Commune', ...rows].join('\r\n');
		const { job } = await previewImport(db, editor, { name: `lot-${batch}.csv`, bytes: new TextEncoder().encode(csv) }, {});
		say(`start import ${job.id} ${batch}`);
		await commitImport(db, editor, job.id);
		say(`ack import ${job.id} ${batch}`);
	}
	await new Promise((r) => setImmediate(r));
}
