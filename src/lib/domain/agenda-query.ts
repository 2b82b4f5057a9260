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
	past: flag('past').meta({ description: 'Les événements passés (archive), du plus récent au plus ancien.' }),
	free: flag('free').meta({ description: '1 : les événements gratuits seulement.' }),
	attendance: z
		.enum(['on_site', 'online'], { error: () => m.agenda_bad_attendance() })
		.optional()
		.meta({ description: 'on_site : sur place (ou les deux) ; online : en ligne (ou les deux).' }),
	organiser: z
		.string()
		.trim()
		.max(200, { error: () => m.agenda_bad_organiser() })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: () => m.agenda_bad_organiser() })
		.optional()
		.meta({
			description: 'Adresse (slug) d’un acteur : ses événements seulement (qu’il organise, accueille ou auxquels il s’associe).',
			examples: ['la-cordee']
		}),
	view: z
		.enum(['list', 'month'], { error: () => m.agenda_bad_view() })
		.optional()
		.transform((v) => v ?? 'list'),
	month: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: () => m.agenda_bad_month() })
		.optional()
		.meta({ description: 'Le mois affiché par la vue calendrier (AAAA-MM).', examples: ['2027-03'] })
});
export type AgendaQuery = z.output<typeof agendaQuerySchema>;
