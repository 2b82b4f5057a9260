import { z } from './zod';

/**
 * `lang` on a download meant for people (a CSV opened in a spreadsheet): the language of its column names
 * and labels. The English pages' links carry `lang=en`; the file keeps one address for everyone.
 */
export const fileLanguageSchema = z.object({
	lang: z
		.enum(['fr', 'en'], { error: 'lang : « fr » ou « en ».' })
		.default('fr')
		.describe('Langue des noms de colonnes et des libellés : fr (par défaut) ou en.')
});
