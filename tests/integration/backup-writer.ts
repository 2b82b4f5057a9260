/**
 * A partner saving listings as fast as the database lets it, in a process of its own (as the server would
 * be): `tsx tests/integration/backup-writer.ts <database>`. Prints « ack <id> » once each write is committed
 * through the service that records history, and stops on SIGTERM.
 */
import { openDb } from '../../src/lib/server/db/index';
import { createEntity } from '../../src/lib/server/services/entity-write.service';

const db = openDb(process.argv[2]!);
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
let n = 0;
const tick = () => {
	if (stopping) {
		db.$client.close();
		process.exit(0);
	}
	n++;
	const id = createEntity(db, {
		slug: `ecrite-pendant-la-sauvegarde-${process.pid}-${n}`,
		kind: 'organisation',
		category: 'company',
		name: `Écrite pendant la sauvegarde ${n}`
	});
	process.stdout.write(`ack ${id}\n`);
	setTimeout(tick, 2);
};
tick();
