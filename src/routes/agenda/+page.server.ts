import { getDb } from '$lib/server/db/connection';
import { pageLoad } from '$lib/server/http/page';
import { agendaPage } from '$lib/server/services/agenda.service';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { PageServerLoad } from './$types';

export const load = pageLoad(({ url }) => {
	const places = territoryOptions(getDb());
	// The territory filter offers départements and EPCI: an event's commune is one of thousands.
	return { agenda: agendaPage(getDb(), url.searchParams), places: { departements: places.departements, epcis: places.epcis } };
}) satisfies PageServerLoad;
