import { getDb } from '$lib/server/db/connection';
import { categoryTerms, vocabularyIn } from '$lib/domain/vocabulary';
import { getLocale } from '$lib/paraglide/runtime';
import { suggest } from '$lib/server/services/search.service';
import type { PageServerLoad } from './$types';

/** « C'est ma structure » : find the listing to claim by its name. */
export const load = (({ url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const hits = q.length >= 2 ? suggest(getDb(), q, 20) : [];
	return { q, hits: hits.map((h) => ({ ...h, categoryLabel: categoryIn(h.categoryLabel) })) };
}) satisfies PageServerLoad;

/** suggest() names a hit's category in French (the search box's words): found again by that label, it is said in the page's language. */
function categoryIn(frenchLabel: string): string {
	const term = categoryTerms.find((t) => t.label === frenchLabel);
	return term ? vocabularyIn(getLocale()).category(term.code) : frenchLabel;
}
