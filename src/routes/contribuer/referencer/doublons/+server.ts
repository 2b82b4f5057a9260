import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/connection';
import { publicDuplicate } from '$lib/server/services/newcomer.service';
import type { RequestHandler } from './$types';

/**
 * The referencing form asks, as the visitor types, whether the structure is probably listed already
 * (the importer's rules). Answers a published listing only: { duplicate: { slug, name, why } | null }.
 */
export const GET = (({ url, setHeaders }) => {
	const p = (name: string, max: number) => (url.searchParams.get(name) ?? '').trim().slice(0, max);
	const communeCode = p('communeCode', 5);
	const duplicate = publicDuplicate(getDb(), {
		name: p('name', 200),
		communeCode: /^[0-9][0-9AB][0-9]{3}$/.test(communeCode) ? communeCode : null,
		website: p('website', 300) || null,
		siret: p('siret', 20).replace(/\s/g, '') || null
	});
	setHeaders({ 'cache-control': 'no-store' });
	return json({ duplicate: duplicate && { slug: duplicate.slug, name: duplicate.name, why: duplicate.why } });
}) satisfies RequestHandler;
