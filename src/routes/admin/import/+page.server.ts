import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { geocoderFromEnv } from '$lib/server/geocode';
import { formFailure, requireUser } from '$lib/server/http/form-failure';
import { importHistory, importPresets, MAX_IMPORT_BYTES, previewImport } from '$lib/server/services/import.service';
import { settingsFrom, tooLarge, TOO_BIG, uploadFrom } from './import-request.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	try {
		// The service authorises: a partner gets the 403 page.
		const history = importHistory(getDb(), user).map(({ id, status, fileName, format, counts, authorLabel, createdAt, committedAt, undoneAt }) => ({
			id,
			status,
			fileName,
			format,
			counts: counts as Record<string, number>,
			authorLabel,
			createdAt,
			committedAt,
			undoneAt
		}));
		return { history, presets: importPresets(), maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 };
	} catch (e) {
		return formFailure(e) as never;
	}
}) satisfies PageServerLoad;

export const actions = {
	/** Without JavaScript: the dry run, then the report page. With it, the page posts to ./analyse instead. */
	analyse: async ({ locals, url, request }) => {
		const user = requireUser(locals.user, url);
		if (tooLarge(request)) return fail(413, { message: TOO_BIG });
		const form = await request.formData();
		const upload = await uploadFrom(form);
		if ('problem' in upload) return fail(upload.status, { message: upload.problem });
		let jobId: number;
		try {
			jobId = (await previewImport(getDb(), user, upload.file, settingsFrom(form), { geocoder: geocoderFromEnv() })).job.id;
		} catch (e) {
			return formFailure(e);
		}
		redirect(303, `/admin/import/${jobId}`);
	}
} satisfies Actions;
