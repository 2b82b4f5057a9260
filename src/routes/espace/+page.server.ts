import { redirect } from '@sveltejs/kit';
import { roleLabels } from '$lib/server/services/users.service';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	if (!locals.user) redirect(303, `/connexion?next=${encodeURIComponent(url.pathname)}`);
	// A personal page: never stored by a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { user: { displayName: locals.user.displayName, email: locals.user.email, roleLabel: roleLabels[locals.user.role] } };
}) satisfies PageServerLoad;
