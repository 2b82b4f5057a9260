import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http/api';

/** Unknown API paths answer in JSON, in French, rather than with the HTML 404 page. */
export const fallback: RequestHandler = ({ params }) => apiError(404, `Ressource /api/v1/${params.rest} inconnue.`);
