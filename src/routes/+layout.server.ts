import { getDb } from '$lib/server/db/connection';
import { hasDemoData } from '$lib/server/services/site.service';
import { unreadNotifications } from '$lib/server/services/notifications.service';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	demo: hasDemoData(getDb()),
	// Every page receives this, so only what the header shows: never the e-mail or the id.
	user: locals.user ? { displayName: locals.user.displayName, role: locals.user.role, unread: unreadNotifications(getDb(), locals.user) } : null
})) satisfies LayoutServerLoad;
