import type { RequestHandler } from './$types';
import { apiError, apiOptions } from '$lib/server/http/api';

/** CORS preflight for paths without a route of their own: reading only. */
export const OPTIONS: RequestHandler = () => apiOptions();

/** Unknown API paths answer in JSON, in French, rather than with the HTML 404 page. */
export const fallback: RequestHandler = ({ params }) => apiError(404, `Ressource /api/v1/${params.rest} inconnue.`);
