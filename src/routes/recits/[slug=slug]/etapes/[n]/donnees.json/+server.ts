import { getDb } from '$lib/server/db/connection';
import { apiGet } from '$lib/server/http/api';
import { frozenStepAnswers } from '$lib/server/services/story.service';
import type { RequestHandler } from './$types';

/** A frozen step's answers by address ({} when the step shows today's data): the reader's map and graph draw from them. */
export const GET: RequestHandler = apiGet(({ params, locals }) => frozenStepAnswers(getDb(), params.slug, Number(params.n) - 1, locals.user));
