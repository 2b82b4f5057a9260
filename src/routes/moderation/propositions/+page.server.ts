import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { requireUser } from '$lib/server/http/form-failure';
import { moderationQueue } from '$lib/server/services/moderation.service';
import { KIND_LABELS } from '$lib/server/services/proposal-words';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const kindSchema = z.enum(Object.keys(KIND_LABELS) as [keyof typeof KIND_LABELS, ...(keyof typeof KIND_LABELS)[]]);

/** The queue's items of one kind (a dashboard figure's list); reviewing happens on /moderation. */
export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const kind = kindSchema.safeParse(url.searchParams.get('type'));
	if (!kind.success) error(400, { message: m.newsroom_prop_unknown_type({ type: url.searchParams.get('type') ?? '' }) });
	return { kind: kind.data, items: moderationQueue(getDb(), user).filter((q) => q.kind === kind.data) };
}) satisfies PageServerLoad;
