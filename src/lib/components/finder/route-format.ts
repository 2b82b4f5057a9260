import { m } from '$lib/paraglide/messages';
import type { FinderOption, FinderResult, ScorePart } from '$lib/pathways/types';

/** One colour per step, shared by the chain's numbers and the map's markers so the eye links them. */
export const STEP_COLOURS = ['#b4461b', '#1a5fb4', '#2f7d32', '#7b3fa0', '#8a6d00', '#00727a'];
export const stepColour = (order: number): string => STEP_COLOURS[(order - 1) % STEP_COLOURS.length] as string;

/** What the server says may be said of the option's distance, in the page's language (« 3,4 km », « ≈ 12 km », « dans la même intercommunalité »). */
export function optionDistance(option: Pick<FinderOption, 'distance'>): string {
	return option.distance?.text ?? m.pathways_distance_unknown();
}

export const scoreMax = (parts: ScorePart[]): number => parts.reduce((sum, p) => sum + p.max, 0);

/** The score's parts by name, in the page's language. */
export const PART_LABELS: Record<ScorePart['key'], () => string> = {
	stage: m.pathways_part_stage,
	sector: m.pathways_part_sector,
	offer: m.pathways_part_offer,
	distance: m.pathways_part_distance,
	history: m.pathways_part_history
};

/** Identifies the route drawn on the map (tests wait for the map to show this one). */
export const routeKey = (result: FinderResult): string =>
	[result.origin.code, ...result.steps.map((s) => `${s.order}:${s.options.map((o) => o.structure.id).join(',')}`)].join('|');
