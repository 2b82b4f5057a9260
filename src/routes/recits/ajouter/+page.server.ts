import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction, pageLoad } from '$lib/server/http/page';
import { parseStoryView } from '$lib/domain/story-view';
import { addStep, storiesToAddTo } from '$lib/server/services/story.service';
import { localHref } from '$lib/i18n/locale-href';
import type { Actions, PageServerLoad } from './$types';

/** « Ajouter au récit »: the page's address arrives in `vue`; the editor picks the récit (or starts one). */
export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const view = url.searchParams.get('vue')?.slice(0, 2000) ?? '';
	return { view, parsed: parseStoryView(view), stories: storiesToAddTo(getDb(), user) };
}) satisfies PageServerLoad;

export const actions = {
	default: formAction(
		({ locals, url }, form) => {
			const user = requireUser(locals.user, url);
			const db = getDb();
			const storyId = idFrom(form.get('storyId'));
			const { position } = addStep(db, user, storyId, { text: '', view: String(form.get('view') ?? '') });
			const slug = storiesToAddTo(db, user).find((s) => s.id === storyId)?.slug;
			redirect(303, localHref(`/recits/${slug}/modifier#etape-${position + 1}`));
		},
		(e) => formFailure(e)
	)
} satisfies Actions;
