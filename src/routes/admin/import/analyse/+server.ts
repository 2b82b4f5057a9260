import { getDb } from '$lib/server/db/connection';
import { geocoderFromEnv } from '$lib/server/geocode';
import { previewImport } from '$lib/server/services/import.service';
import { m } from '$lib/paraglide/messages';
import { progressStream, refusal, sameOrigin, settingsFrom, tooBig, tooLarge, uploadFrom } from '../import-request.server';
import type { RequestHandler } from './$types';

/** The dry run with progress, for the page when JavaScript runs: the same form as `?/analyse`, answered as NDJSON. */
export const POST = (async ({ request, url, locals }) => {
	if (!sameOrigin(request, url)) return refusal(403, m.newsroom_import_cross_site());
	const user = locals.user;
	if (!user) return refusal(401, m.newsroom_import_sign_in());
	if (tooLarge(request)) return refusal(413, tooBig());
	const form = await request.formData();
	const upload = await uploadFrom(form);
	if ('problem' in upload) return refusal(upload.status, upload.problem);
	const settings = settingsFrom(form);
	return progressStream(async (onProgress) => {
		const { job } = await previewImport(getDb(), user, upload.file, settings, { geocoder: geocoderFromEnv(), onProgress });
		return job.id;
	});
}) satisfies RequestHandler;
