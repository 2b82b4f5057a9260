import { parseStoryView } from '$lib/domain/story-view';
import { PICTURE, viewAnswerUrls, viewPictureUrl } from '$lib/stories/view-answers';
import type { Db } from '../db';
import * as repo from '../repos/story.repo';
import { ValidationError } from './errors';
import { assertEditor } from './managers.service';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/** Binary answers (the map's points) are kept as base64 behind this mark; JSON as its text. */
export const BASE64 = 'b64:';

/**
 * « Figer les données »: asks the site's own API (SvelteKit's `fetch` in the action: no network, same handlers)
 * each address a step's view is drawn from, and its still picture, so the reader sees them as they are now.
 * A step whose answers cannot be read is refused: a frozen récit must not show a hole.
 */
export async function freezeAnswers(db: Db, editor: AccountUser, storyId: number, fetch: typeof globalThis.fetch): Promise<(Record<string, string> | null)[]> {
	assertEditor(editor);
	const steps = repo.stepsOf(db, storyId);
	const out: (Record<string, string> | null)[] = [];
	for (const [i, step] of steps.entries()) {
		const view = parseStoryView(step.view);
		if (!view) {
			out.push(null);
			continue;
		}
		const answers: Record<string, string> = {};
		const picture = viewPictureUrl(view);
		for (const url of [...viewAnswerUrls(view), ...(picture ? [picture] : [])]) {
			const res = await fetch(url);
			if (!res.ok) throw new ValidationError([m.stories_error_freeze_step({ n: i + 1, status: res.status })]);
			const type = res.headers.get('content-type') ?? '';
			const key = url === picture ? PICTURE : url;
			answers[key] = /json|svg|text/.test(type) ? await res.text() : BASE64 + Buffer.from(await res.arrayBuffer()).toString('base64');
		}
		out.push(answers);
	}
	return out;
}
