import type { Reroute } from '@sveltejs/kit';
import { routePath } from '$lib/i18n/locale-href';

/** /en/carte is the /carte route rendered in English (the server hook and the client both read the prefix). */
export const reroute: Reroute = ({ url }) => routePath(url.pathname);
