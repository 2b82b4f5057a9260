/**
 * Timings and camera of the récit's reader, for its browser test and `npm run bench:recits`: when a step was asked
 * (scrolled to), when its view was drawn, where the map went. Read through `window.__storyProbe`; nothing else uses them.
 */
export interface StoryProbe {
	marks: { what: string; step: number; at: number; camera?: { lng: number; lat: number; zoom: number } }[];
}

export function markStoryStep(what: string, step: number, camera?: { lng: number; lat: number; zoom: number }): void {
	if (typeof window === 'undefined') return;
	const w = window as unknown as { __storyProbe?: StoryProbe };
	w.__storyProbe ??= { marks: [] };
	w.__storyProbe.marks.push({ what, step, at: performance.now(), ...(camera ? { camera } : {}) });
}
