import { NotFoundError, ValidationError } from '$lib/server/services/errors';
import { MAX_IMPORT_BYTES, type ImportSettingsInput } from '$lib/server/services/import.service';
import { ForbiddenError } from '$lib/server/services/users.service';
import type { ImportProgress } from '$lib/server/import/plan';
import { m } from '$lib/paraglide/messages';

/*
 * What the import page's form actions and its two streamed endpoints share: reading the upload form the
 * same way, and answering a long run as NDJSON progress lines.
 */

/** In the request's language: called while answering it. */
export const tooBig = () => m.newsroom_import_too_big({ max: MAX_IMPORT_BYTES / 1024 / 1024 });
/** Multipart framing around the file: a request this much larger than the limit cannot hold a valid file. */
const FORM_OVERHEAD = 64 * 1024;

export const tooLarge = (request: Request) => Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + FORM_OVERHEAD;

/** Settings from the upload and remap forms; the service validates them (fields, category) with its schema. */
export function settingsFrom(form: FormData): ImportSettingsInput {
	const entries = [...form.entries()].filter(([name]) => name.startsWith('map:'));
	const mapping = entries.length ? Object.fromEntries(entries.map(([name, value]) => [name.slice(4), String(value) || null])) : null;
	const category = String(form.get('category') ?? '');
	// « value:category:Café-librairie » = coworking: a category chosen for one of the file's own words.
	const chosen = [...form.entries()].filter(([name, value]) => name.startsWith('value:category:') && String(value));
	const values = { category: Object.fromEntries(chosen.map(([name, value]) => [name.slice('value:category:'.length), String(value)])) };
	// The upload form sends a preset (« » = none), the remap form does not: the job keeps it. Both show the skip box
	// (`skipUnlistedShown`, since an unticked box sends nothing).
	const choices = {
		...(form.has('preset') ? { preset: String(form.get('preset')) || null } : {}),
		...(form.has('skipUnlistedShown') ? { skipUnlisted: form.get('skipUnlisted') === '1' } : {})
	};
	// The file's encoding and a workbook's sheet: empty means « detect » and « the first sheet ».
	const encoding = String(form.get('encoding') ?? '') || null;
	const sheet = String(form.get('sheet') ?? '') || null;
	return {
		mapping: mapping as ImportSettingsInput['mapping'],
		defaults: { category: category || null },
		values,
		strict: form.get('strict') === '1',
		encoding: encoding as ImportSettingsInput['encoding'],
		sheet,
		placeless: form.get('placeless') === '1',
		...choices
	};
}

/** The uploaded file, or the reason why there is none. */
export async function uploadFrom(form: FormData): Promise<{ file: { name: string; bytes: Uint8Array } } | { problem: string; status: number }> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return { problem: m.newsroom_import_choose_file(), status: 400 };
	if (file.size > MAX_IMPORT_BYTES) return { problem: tooBig(), status: 413 };
	return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/** A refusal before any streaming starts: plain JSON `{ message }`, never cached. */
export function refusal(status: number, message: string): Response {
	return new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/**
 * SvelteKit's own CSRF check only covers form content types (multipart, urlencoded, text/plain): it
 * protects the upload, not a body-less POST such as the commit. Checking the Origin here covers both.
 */
export const sameOrigin = (request: Request, url: URL) => request.headers.get('origin') === url.origin;

const PROGRESS_INTERVAL_MS = 50;

function failureMessage(e: unknown): string {
	if (e instanceof ValidationError) {
		const text = e.issues.join(' ; ');
		return text.charAt(0).toUpperCase() + text.slice(1);
	}
	if (e instanceof ForbiddenError || e instanceof NotFoundError) return e.message;
	console.error('Import interrompu par une erreur inattendue', e);
	return m.newsroom_import_unexpected();
}

/**
 * Runs a long import step and answers it as `application/x-ndjson`: one line per progress event (at most
 * one every 50 ms within a phase), then `{ "done": true, "jobId": n }` or `{ "error": "…" }`.
 * The status is decided before the first line: a refusal the service raises before doing any work
 * (not an editor, no such job) is a real 403/404, not a line in a 200.
 */
export async function progressStream(run: (onProgress: (p: ImportProgress) => void) => Promise<number>): Promise<Response> {
	const encoder = new TextEncoder();
	const buffered: unknown[] = [];
	let write = (line: unknown) => void buffered.push(line);
	let lastSent = 0;
	let lastPhase = '';
	let held: ImportProgress | null = null;
	let started = () => {};
	const firstEvent = new Promise<void>((resolve) => (started = resolve));

	const onProgress = (p: ImportProgress) => {
		started();
		const now = Date.now();
		if (p.phase === lastPhase && now - lastSent < PROGRESS_INTERVAL_MS) {
			held = p;
			return;
		}
		held = null;
		lastPhase = p.phase;
		lastSent = now;
		write(p);
	};

	let settled = false;
	let failure: unknown = null;
	const outcome = run(onProgress);
	outcome.then(
		() => (settled = true),
		(e: unknown) => ((settled = true), (failure = e))
	);
	await Promise.race([firstEvent, outcome.catch(() => undefined)]);
	if (settled && (failure instanceof ForbiddenError || failure instanceof NotFoundError)) {
		return refusal(failure instanceof ForbiddenError ? 403 : 404, failure.message);
	}

	let open = true;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			write = (line: unknown) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
				} catch {
					open = false;
				}
			};
			for (const line of buffered.splice(0)) write(line);
			// Not awaited: lines flow to the client while the import runs. A client that goes away does not
			// stop it (a commit finishes its transaction either way); its lines are then dropped.
			void outcome
				.then(
					(jobId) => {
						if (held) write(held);
						write({ done: true, jobId });
					},
					(e: unknown) => write({ error: failureMessage(e) })
				)
				.finally(() => {
					if (open) controller.close();
					open = false;
				});
		},
		cancel() {
			open = false;
		}
	});
	return new Response(body, {
		headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
	});
}
