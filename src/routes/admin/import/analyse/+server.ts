import { getDb } from '$lib/server/db/connection';
import { geocoderFromEnv } from '$lib/server/geocode';
import { previewImport } from '$lib/server/services/import.service';
import { progressStream, refusal, sameOrigin, settingsFrom, tooLarge, TOO_BIG, uploadFrom } from '../import-request.server';
import type { RequestHandler } from './$types';

/** The dry run with progress, for the page when JavaScript runs: the same form as `?/analyse`, answered as NDJSON. */
export const POST = (async ({ request, url, locals }) => {
	if (!sameOrigin(request, url)) return refusal(403, 'Requête refusée : elle ne vient pas de ce site.');
	const user = locals.user;
	if (!user) return refusal(401, 'Connectez-vous pour importer des données.');
	if (tooLarge(request)) return refusal(413, TOO_BIG);
	const form = await request.formData();
	const upload = await uploadFrom(form);
	if ('problem' in upload) return refusal(upload.status, upload.problem);
	const settings = settingsFrom(form);
	return progressStream(async (onProgress) => {
		const { job } = await previewImport(getDb(), user, upload.file, settings, { geocoder: geocoderFromEnv(), onProgress });
		return job.id;
	});
}) satisfies RequestHandler;
