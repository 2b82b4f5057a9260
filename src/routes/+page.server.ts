import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { nextEvents } from '$lib/server/services/agenda.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(() => ({ nextEvents: nextEvents(getDb(), 3) })) satisfies PageServerLoad;
