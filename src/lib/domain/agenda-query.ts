import { z } from './zod';
import { entityFiltersSchema } from './filters';
import { flag } from './explore-params';
import { m } from '$lib/paraglide/messages';

/**
 * The agenda's address: the directory's filters (territory, sector, category, stage, free text; the kind is
 * always « événement ») and a date window, in Paris days: `?territory=63&from=2027-01-01&to=2027-03-31`.
 * `past=1` is the archive (« ils se sont rencontrés ici »), newest first.
 */
const day = (name: string) =>
	z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: () => m.agenda_bad_day({ name }) })
		.optional()
		.transform((v) => (v ? v : undefined));

export const agendaQuerySchema = entityFiltersSchema.omit({ kind: true }).extend({
	from: day('from').meta({ description: 'Premier jour (AAAA-MM-JJ, heure de Paris).', examples: ['2027-01-01'] }),
	to: day('to').meta({ description: 'Dernier jour compris (AAAA-MM-JJ, heure de Paris).', examples: ['2027-03-31'] }),
	past: flag('past').meta({ description: 'Les événements passés (archive), du plus récent au plus ancien.' })
});
export type AgendaQuery = z.output<typeof agendaQuerySchema>;
