import { relations } from '../db/schema';

/**
 * A relation's public columns as the repos select them (a listing's relations, the graph of a set, exports,
 * pathways): named once, so a new public column reaches every reader. The description, long text, is added
 * by the readers that show it.
 */
export const relationColumns = {
	id: relations.id,
	type: relations.type,
	sourceId: relations.sourceId,
	targetId: relations.targetId,
	startDate: relations.startDate,
	endDate: relations.endDate,
	source: relations.source,
	confirmation: relations.confirmation
};
