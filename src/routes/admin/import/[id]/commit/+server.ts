import { getDb } from '$lib/server/db/connection';
import { geocoderFromEnv } from '$lib/server/geocode';
import { idFrom } from '$lib/server/http/form-failure';
import { commitImport } from '$lib/server/services/import.service';
import { m } from '$lib/paraglide/messages';
import { progressStream, refusal, sameOrigin } from '../../import-request.server';
import type { RequestHandler } from './$types';

/** The commit with progress (NDJSON), for the report page when JavaScript runs; `?/commit` does the same without. */
export const POST = (async ({ request, url, locals, params }) => {
	// A body-less POST escapes SvelteKit's CSRF check (form content types only): the Origin is checked here.
	if (!sameOrigin(request, url)) return refusal(403, m.newsroom_import_cross_site());
	const user = locals.user;
	if (!user) return refusal(401, m.newsroom_import_sign_in());
	const jobId = idFrom(params.id);
	return progressStream(async (onProgress) => {
		const { job } = await commitImport(getDb(), user, jobId, { geocoder: geocoderFromEnv(), onProgress });
		return job.id;
	});
}) satisfies RequestHandler;
