import { json, type RequestEvent } from '@sveltejs/kit';
import { ConflictError, NotFoundError, ValidationError } from '../services/errors';
import { ForbiddenError } from '../services/users.service';

export interface ApiErrorBody {
	status: number;
	message: string;
	issues?: string[];
}

export function apiError(status: number, message: string, issues?: string[]) {
	const body: ApiErrorBody = { status, message, ...(issues ? { issues } : {}) };
	return json(body, { status });
}

/**
 * Wraps a read-only JSON endpoint: expected failures become French 400/404 bodies;
 * anything else goes to handleError (logged, generic 500) without leaking details.
 */
export function apiGet<E extends RequestEvent>(handler: (event: E) => unknown) {
	return async (event: E): Promise<Response> => {
		try {
			const body = await handler(event);
			return json(body, { headers: { 'cache-control': 'no-store' } });
		} catch (err) {
			return expectedFailure(err);
		}
	};
}

function expectedFailure(err: unknown): Response {
	if (err instanceof ValidationError) return apiError(400, 'Paramètres invalides.', err.issues);
	if (err instanceof NotFoundError) return apiError(404, err.message);
	if (err instanceof ForbiddenError) return apiError(403, err.message);
	if (err instanceof ConflictError) return apiError(409, err.message);
	throw err;
}

export interface FileBody {
	body: string;
	contentType: string;
	/** Plain ASCII file name offered to the browser's download. */
	filename: string;
	/** Shown by the browser (an image in the page) rather than offered as a download. */
	inline?: boolean;
}

/** Like apiGet, for a downloaded file (exports): same French JSON errors when the parameters are wrong. */
export function apiFile<E extends RequestEvent>(handler: (event: E) => FileBody | Promise<FileBody>) {
	return async (event: E): Promise<Response> => {
		try {
			const file = await handler(event);
			return new Response(file.body, {
				headers: {
					'content-type': file.contentType,
					'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
					'cache-control': 'no-store'
				}
			});
		} catch (err) {
			return expectedFailure(err);
		}
	};
}
