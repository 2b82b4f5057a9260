import type { Db } from '../../src/lib/server/db/index';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';

/** An account for a benchmark's own copy of a database (invited by the command line, as a newsroom would). */
export function benchAccount(db: Db, email: string, displayName: string, role: AccountUser['role']): AccountUser {
	return { id: inviteUser(db, 'cli', { email, displayName, role }).userId, email, displayName, role };
}
