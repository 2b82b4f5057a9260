import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/connection';
import { PICK_SCOPES, searchListings } from '$lib/server/services/listing-picker.service';
import type { RequestHandler } from './$types';

/** The listing pickers' suggestions (signed-in accounts only; the forms also work without them). */
const querySchema = z.object({
	q: z.string().max(200).default(''),
	scope: z.enum(PICK_SCOPES).catch('all'),
	exclude: z.coerce.number().int().positive().optional().catch(undefined),
	limit: z.coerce.number().int().min(1).max(20).catch(8)
});

export const GET: RequestHandler = ({ locals, url }) => {
	const headers = { 'cache-control': 'private, no-store' };
	if (!locals.user) return json({ status: 401, message: 'Connectez-vous pour chercher une fiche.' }, { status: 401, headers });
	const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return json({ status: 400, message: 'Recherche trop longue (200 caractères au plus).' }, { status: 400, headers });
	const { q, scope, exclude, limit } = parsed.data;
	return json(searchListings(getDb(), locals.user, q, { scope, exclude, limit }), { headers });
};
