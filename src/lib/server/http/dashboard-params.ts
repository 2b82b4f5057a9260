import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/*
 * The query parameters of the dashboard's lists, validated once: ?fraicheur=recente|moyenne|ancienne|jamais|a-verifier|rappel-equipe,
 * ?departement=63 (or « aucun »: listings without a commune), ?gestionnaire=aucun, ?page=2.
 */
const schema = z.object({
	fraicheur: z.enum(['recente', 'moyenne', 'ancienne', 'jamais', 'a-verifier', 'rappel-equipe']).optional(),
	departement: z
		.string()
		.regex(/^(\d{2}|2[AB]|97\d|aucun)$/, { error: () => m.errors_departement_unknown() })
		.optional(),
	gestionnaire: z.literal('aucun').optional(),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});

export function dashboardParams(url: URL) {
	const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		error(400, {
			message: m.errors_dashboard_param({
				issues: parsed.error.issues.map((i) => m.errors_dashboard_issue({ path: i.path.join('.'), message: i.message })).join(', ')
			})
		});
	const p = parsed.data;
	return {
		band: p.fraicheur === 'rappel-equipe' ? undefined : p.fraicheur,
		remindedToEditors: p.fraicheur === 'rappel-equipe',
		departement: p.departement === 'aucun' ? '' : p.departement,
		withoutManager: p.gestionnaire === 'aucun',
		page: p.page,
		query: p
	};
}

/** The URL parameter of a département column ('' is « aucun »). */
export const departementParam = (code: string) => (code === '' ? 'aucun' : code);
