import { afterNavigate, goto, replaceState } from '$app/navigation';
import { untrack } from 'svelte';
import type { ExploreState } from './explore-state.svelte';

/**
 * Parameters that move often or say what is looked at rather than what is shown: their change replaces the
 * address (no history entry, no server load): the year slider, the open card, the path question, the camera.
 */
const QUIET = ['year', 'actor', 'from', 'to', 'path', 'at'];

const without = (href: string) => {
	const url = new URL(href, 'http://x');
	for (const key of QUIET) url.searchParams.delete(key);
	return url.pathname + url.search;
};

/**
 * Keeps a page's address and its explore state in step, both ways: a navigation (a link, back/forward, a
 * shared address) loads the state; a change of the state writes its canonical address, as a new history
 * entry when what is shown changes, in place for the quiet parameters above. Call it in the page's script.
 * `history: false` writes every change in place (the explorer: its panes load everything in the browser).
 */
export function keepAddress(state: ExploreState, { history = true }: { history?: boolean } = {}): void {
	afterNavigate(({ to }) => {
		if (to) state.load(to.url);
	});
	$effect(() => {
		const href = state.href;
		untrack(() => {
			const here = location.pathname + location.search;
			if (href === here) return;
			if (!history || without(href) === without(here)) replaceState(href, {});
			else void goto(href, { keepFocus: true, noScroll: true });
		});
	});
}
