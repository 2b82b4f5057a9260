import type { FlowsResult, Pathway } from '$lib/pathways/types';

/**
 * A step's still: the address of its picture (the server's SVG of its map or network), or the flows or the pathway
 * the page draws itself. What a reader without JavaScript sees, and what prints.
 */
export interface StepFigure {
	picture: string | null;
	flows: FlowsResult | null;
	pathway: Pathway | null;
}
