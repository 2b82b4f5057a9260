import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { agendaPage } from '$lib/server/services/agenda.service';
import type { PageServerLoad } from './$types';

/** A list is read without a script: the embed is plain HTML, light in a partner's page. */
export const csr = false;

/** The same filters and list as /agenda (upcoming or archive); the embed shows the events only. */
export const load = pageLoad(({ url }) => {
	const agenda = agendaPage(getDb(), url.searchParams);
	return { weeks: agenda.weeks, today: agenda.today, past: agenda.query.past, count: agenda.count, filterKey: agenda.filterKey };
}) satisfies PageServerLoad;
