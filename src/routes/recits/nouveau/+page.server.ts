import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { formAction, pageLoad } from '$lib/server/http/page';
import { assertEditor } from '$lib/server/services/managers.service';
import { createStory } from '$lib/server/services/story.service';
import { localHref } from '$lib/i18n/locale-href';
import { typedStory } from '../story-form';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	assertEditor(user);
	setHeaders({ 'cache-control': 'private, no-store' });
	return { view: url.searchParams.get('vue')?.slice(0, 2000) ?? '', author: user.displayName };
}) satisfies PageServerLoad;

export const actions = {
	default: formAction(
		({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const view = String(form.get('view') ?? '').trim();
			const { slug } = createStory(getDb(), user, typedStory(form), view || undefined);
			redirect(303, localHref(`/recits/${slug}/modifier${view ? '#etape-1' : ''}`));
		},
		(e, form) => formFailure(e, { values: typedStory(form), view: String(form.get('view') ?? '').slice(0, 2000) })
	)
} satisfies Actions;
