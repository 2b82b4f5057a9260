/** Relations written out for people: « Volcabio a été incubé·e par Incubateur des Dômes (de 2019 à 2020 ; source : …) ». */
import { formatPeriod } from '$lib/domain/partial-date';
import { relationType } from '$lib/domain/vocabulary';
import type { GraphEdge } from './graph-index';

const confirmationWords: Record<string, string> = { confirmed: 'confirmée par les deux parties', disputed: 'contestée' };

/** One French sentence in the relation's own direction (source, verb, target), with dates, confirmation and source. */
export function relationSentence(edge: GraphEdge, sourceName: string, targetName: string): string {
	const term = relationType(edge.type);
	const verb = term ? (edge.endDate ? term.pastLabel : term.presentLabel) : edge.type;
	const details = [formatPeriod(edge.startDate, edge.endDate)];
	const confirmation = confirmationWords[edge.confirmation];
	if (confirmation) details.push(confirmation);
	details.push(edge.sourceRef ? `source : ${edge.sourceRef}` : 'source non renseignée');
	return `${sourceName} ${verb} ${targetName} (${details.join(' ; ')})`;
}
