import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { formAction, pageLoad } from '$lib/server/http/page';
import { geocoderFromEnv } from '$lib/server/geocode';
import { requireUser } from '$lib/server/http/form-failure';
import { importHistory, importPresets, MAX_IMPORT_BYTES, previewImport } from '$lib/server/services/import.service';
import { settingsFrom, tooBig, tooLarge, uploadFrom } from './import-request.server';
import { localHref } from '$lib/i18n/locale-href';
import type { Actions, PageServerLoad } from './$types';

export const load = pageLoad(({ locals, url, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
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
}) satisfies PageServerLoad;

export const actions = {
	/** Without JavaScript: the dry run, then the report page. With it, the page posts to ./analyse instead. */
	analyse: (event) => {
		const user = requireUser(event.locals.user, event.url);
		// Refused from its announced size, before the form (and its file) is read.
		if (tooLarge(event.request)) return fail(413, { message: tooBig() });
		return formAction(async (_: typeof event, form) => {
			const upload = await uploadFrom(form);
			if ('problem' in upload) return fail(upload.status, { message: upload.problem });
			const jobId = (await previewImport(getDb(), user, upload.file, settingsFrom(form), { geocoder: geocoderFromEnv() })).job.id;
			redirect(303, localHref(`/admin/import/${jobId}`));
		})(event);
	}
} satisfies Actions;
