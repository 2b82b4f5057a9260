/**
 * Timings of the récit's reader for `npm run bench:recits`: when a step was asked (scrolled to) and when its view
 * was drawn. Read by the bench through `window.__storyProbe`; nothing else uses them.
 */
export interface StoryProbe {
	marks: { what: string; step: number; at: number }[];
}

export function markStoryStep(what: string, step: number): void {
	if (typeof window === 'undefined') return;
	const w = window as unknown as { __storyProbe?: StoryProbe };
	w.__storyProbe ??= { marks: [] };
	w.__storyProbe.marks.push({ what, step, at: performance.now() });
}
