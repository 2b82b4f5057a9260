/**
 * A récit's step shows a view: the address of a page's state, as the page itself writes it in its URL
 * (`/carte?sector=agrifood&territory=15&at=2.6,45.1,8.2`). Keeping the address, not a copy of the state, keeps the
 * view valid and editable: « Ajouter au récit » sends the page's address, « Modifier la vue » opens it.
 */

export const STORY_VIEW_KINDS = ['map', 'network', 'explorer', 'flows', 'pathway'] as const;
export type StoryViewKind = (typeof STORY_VIEW_KINDS)[number];

export interface StoryView {
	kind: StoryViewKind;
	/** The page's path without the language prefix: '/carte', '/acteurs/volcabio'. */
	path: string;
	/** Its query, in the page's own order. */
	search: string;
	/** path + search: what is stored and linked. */
	href: string;
	/** The actor of a pathway view (its slug). */
	slug: string | null;
}

const PAGES: Record<string, StoryViewKind> = { '/carte': 'map', '/reseau': 'network', '/explorer': 'explorer', '/parcours/flux': 'flows' };
const ACTOR_PAGE = /^\/acteurs\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const MAX_LENGTH = 2000;

/**
 * Reads what an editor pasted or a page sent: a whole address (any host: the site's own, copied from the browser),
 * a path, with or without the English prefix. Null when it is not a view a récit can show.
 */
export function parseStoryView(input: string): StoryView | null {
	const text = input.trim();
	if (!text || text.length > MAX_LENGTH) return null;
	let url: URL;
	try {
		url = new URL(text, 'http://recit.invalid');
	} catch {
		return null;
	}
	if (!/^https?:$/.test(url.protocol)) return null;
	const path = url.pathname.replace(/^\/en(?=\/|$)/, '').replace(/\/+$/, '') || '/';
	// As the page wrote it (`at=45.03,2.65,8.4`): re-encoding would turn its commas into %2C.
	const search = url.search.length > 1 ? url.search : '';
	const kind = PAGES[path];
	if (kind) return { kind, path, search, href: path + search, slug: null };
	const actor = ACTOR_PAGE.exec(path);
	if (actor) return { kind: 'pathway', path, search: '', href: path, slug: actor[1] as string };
	return null;
}

/** The actors a view names (its selection, focus, path ends): ids or slugs as the address says them. */
export function viewActorRefs(view: StoryView): string[] {
	const params = new URLSearchParams(view.search);
	const refs = ['actor', 'focus', 'from', 'to'].map((k) => params.get(k)).filter((v): v is string => Boolean(v));
	if (view.slug) refs.push(view.slug);
	return [...new Set(refs)];
}
