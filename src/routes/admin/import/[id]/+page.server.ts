import { getDb } from '$lib/server/db/connection';
import { formAction, pageLoad } from '$lib/server/http/page';
import { geocoderFromEnv } from '$lib/server/geocode';
import { idFrom, requireUser } from '$lib/server/http/form-failure';
import { commitImport, importJobView, importPresets, reanalyseImport, undoImport } from '$lib/server/services/import.service';
import type { AccountUser } from '$lib/server/services/users.service';
import { settingsFrom } from '../import-request.server';
import { placementParam } from '$lib/import/placement-words';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The page lists this many rows and problems; the counts say how many more the report holds. */
const SHOWN_ROWS = 500;
const SHOWN_PROBLEMS = 1000;

export const load = pageLoad(({ locals, url, params, setHeaders }) => {
	const user = requireUser(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	// « voir »: the rows placed one way, or ignored as outside the territory (?lieu=coordinates…).
	const place = placementParam(url.searchParams.get('lieu'));
	const { report, ...job } = importJobView(getDb(), user, idFrom(params.id));
	const preset = importPresets().find((p) => p.id === job.settings.preset) ?? null;
	const rows = report ? (place ? report.rows.filter((r) => r.place === place) : report.rows) : [];
	return {
		job,
		presetLabel: preset?.label ?? null,
		place,
		report: report && {
			...report,
			rows: rows.slice(0, SHOWN_ROWS),
			problems: report.problems.slice(0, SHOWN_PROBLEMS),
			relations: [],
			rowsTotal: rows.length,
			problemsTotal: report.problems.length
		}
	};
}) satisfies PageServerLoad;

/** One action = read the form, call one service, say what happened; failures go through formFailure. */
function action(run: (user: AccountUser, jobId: number, form: FormData) => Promise<string> | string) {
	return formAction(async ({ locals, url, params }: RequestEvent, form) => ({ done: await run(requireUser(locals.user, url), idFrom(params.id), form) }));
}

export const actions = {
	remap: action(async (user, jobId, form) => {
		await reanalyseImport(getDb(), user, jobId, settingsFrom(form), { geocoder: geocoderFromEnv() });
		return m.newsroom_job_remapped();
	}),
	/** Without JavaScript; with it, the page posts to ./commit and shows the progress. */
	commit: action(async (user, jobId) => {
		await commitImport(getDb(), user, jobId, { geocoder: geocoderFromEnv() });
		return m.newsroom_job_committed();
	}),
	undo: action(async (user, jobId, form) => {
		const { deleted, restored } = await undoImport(getDb(), user, jobId, String(form.get('reason') ?? ''));
		return m.newsroom_job_undone({ deleted: m.newsroom_job_deleted_count({ count: deleted }), restored: m.newsroom_job_restored_count({ count: restored }) });
	})
} satisfies Actions;
