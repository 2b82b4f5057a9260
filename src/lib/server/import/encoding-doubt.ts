import { encodingLabels } from '$lib/import/detect-encoding';
import { error, type ImportProblem } from '$lib/import/problems';
import type { ReadingInfo } from './read-file';

/**
 * The report's word on a doubtful decoding: an error on the file (row 1), so that no commit stores « Cl‚mentel »
 * until the editor has chosen the encoding; it names the reading used and shows one of its lines.
 */
export function encodingDoubtProblem(reading: ReadingInfo): ImportProblem[] {
	if (!reading.encodingDoubtful) return [];
	const used = reading.encodingCandidates[0];
	const sample = used?.samples[0] ? ` (par exemple « ${used.samples[0]} »)` : '';
	const label = encodingLabels[reading.encoding as keyof typeof encodingLabels] ?? reading.encoding;
	return [
		error(
			1,
			null,
			'encoding',
			`le fichier a été lu en ${label}${sample}, mais ses caractères accentués ne ressemblent pas à du français ; choisissez l'encodage du fichier avant de valider`
		)
	];
}
