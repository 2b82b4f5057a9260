import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction, pageLoad } from '$lib/server/http/page';
import { STORY_STATUSES } from '$lib/domain/story.schema';
import { freezeAnswers } from '$lib/server/services/story-freeze.service';
import {
	addStep,
	deleteStory,
	editStep,
	freezeStory,
	moveStep,
	removeStep,
	setStoryStatus,
	storyForEditor,
	storyIdBySlug,
	unfreezeStory,
	updateStory
} from '$lib/server/services/story.service';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { typedStory } from '../../story-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = pageLoad(({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	return storyForEditor(db, user, storyIdBySlug(db, params.slug));
}) satisfies PageServerLoad;

const version = (form: FormData) => Number(form.get('version')) || 0;
const stepIndex = (form: FormData) => idFrom(String(Number(form.get('step')) + 1)) - 1;
const typedStep = (form: FormData) => ({ text: String(form.get('text') ?? '').slice(0, 6000), view: String(form.get('view') ?? '').slice(0, 2000) });

/** Each action: who, which récit, do it, say so. A refusal comes back with the step it was about and what was typed. */
function storyAction(scope: string, run: (e: RequestEvent, form: FormData, id: number) => string | Promise<string>) {
	return formAction(
		async (event: RequestEvent, form: FormData) => {
			requireUser(event.locals.user, event.url);
			const id = storyIdBySlug(getDb(), event.params.slug);
			const done = await run(event, form, id);
			return { scope, step: Number(form.get('step') ?? -1), ok: true, done };
		},
		(e, form) => formFailure(e, { scope, step: Number(form.get('step') ?? -1), ok: false, values: typedStory(form), typedStep: typedStep(form) })
	);
}

export const actions = {
	enregistrer: storyAction('fields', ({ locals }, form, id) => {
		updateStory(getDb(), locals.user!, id, typedStory(form), version(form));
		return m.stories_saved();
	}),
	etape: storyAction('step', ({ locals }, form, id) => {
		editStep(getDb(), locals.user!, id, stepIndex(form), typedStep(form), version(form));
		return m.stories_step_saved({ n: stepIndex(form) + 1 });
	}),
	monter: storyAction('move', ({ locals }, form, id) => {
		moveStep(getDb(), locals.user!, id, stepIndex(form), -1, version(form));
		return m.stories_step_moved();
	}),
	descendre: storyAction('move', ({ locals }, form, id) => {
		moveStep(getDb(), locals.user!, id, stepIndex(form), 1, version(form));
		return m.stories_step_moved();
	}),
	retirer: storyAction('move', ({ locals }, form, id) => {
		removeStep(getDb(), locals.user!, id, stepIndex(form), version(form));
		return m.stories_step_removed({ n: stepIndex(form) + 1 });
	}),
	ajouter: storyAction('add', ({ locals }, form, id) => {
		const { position } = addStep(getDb(), locals.user!, id, typedStep(form));
		return m.stories_step_added({ n: position + 1 });
	}),
	statut: storyAction('status', ({ locals }, form, id) => {
		const status = String(form.get('status'));
		if (!(STORY_STATUSES as readonly string[]).includes(status)) error(400, { message: m.stories_error_status() });
		setStoryStatus(getDb(), locals.user!, id, status as (typeof STORY_STATUSES)[number], version(form));
		return m.stories_status_saved();
	}),
	figer: storyAction('freeze', async (event, form, id) => {
		const db = getDb();
		const answers = await freezeAnswers(db, event.locals.user!, id, event.fetch);
		freezeStory(db, event.locals.user!, id, answers, version(form));
		return m.stories_frozen_done();
	}),
	liberer: storyAction('freeze', ({ locals }, form, id) => {
		unfreezeStory(getDb(), locals.user!, id, version(form));
		return m.stories_unfrozen_done();
	}),
	supprimer: formAction(({ locals, url, params }, form) => {
		const user = requireUser(locals.user, url);
		const db = getDb();
		deleteStory(db, user, storyIdBySlug(db, params.slug), version(form));
		redirect(303, localHref('/recits'));
	})
} satisfies Actions;
