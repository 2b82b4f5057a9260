import { getDb } from '$lib/server/db/connection';
import { headerPermissions } from '$lib/server/auth/policy';
import { hasDemoData } from '$lib/server/services/site.service';
import { unreadNotifications } from '$lib/server/services/notifications.service';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	demo: hasDemoData(getDb()),
	// Every page receives this, so only what the header shows: never the e-mail or the id.
	user: locals.user ? { displayName: locals.user.displayName, role: locals.user.role, unread: unreadNotifications(getDb(), locals.user) } : null,
	// What the header may offer, said by the policy (the header's own role checks can read these instead).
	may: headerPermissions(locals.user)
})) satisfies LayoutServerLoad;
