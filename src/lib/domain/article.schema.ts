import { z } from './zod';
import { m } from '$lib/paraglide/messages';

/** The outlet an article belongs to when none is said: the newsroom's own. */
export const HOME_OUTLET = 'Le Connecteur';

const optionalText = (max: number, tooLong: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.transform((v) => v || null)
		.nullable();

const httpUrl = (bad: () => string) =>
	z
		.string()
		.trim()
		.max(2000, { error: bad })
		.refine((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v) && URL.canParse(v), { error: bad });

/** One article as an editor types it (or as the page's metadata filled it): the form and the API share it. */
export const articleInputSchema = z.object({
	url: httpUrl(() => m.press_error_url()),
	title: z
		.string()
		.trim()
		.min(1, { error: () => m.press_error_title() })
		.max(300, { error: () => m.press_error_title_long() }),
	publishedAt: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), { error: () => m.press_error_date() })
		.transform((v) => v || null)
		.nullable(),
	outlet: z
		.string()
		.trim()
		.max(120, { error: () => m.press_error_outlet() })
		.transform((v) => v || HOME_OUTLET),
	author: optionalText(120, () => m.press_error_author()),
	excerpt: z
		.string()
		.trim()
		.max(600, { error: () => m.press_error_excerpt() }),
	imageUrl: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v) && v.length <= 2000), { error: () => m.press_error_image() })
		.transform((v) => v || null)
		.nullable(),
	language: z.enum(['fr', 'en'], { error: () => m.press_error_language() })
});
export type ArticleInput = z.output<typeof articleInputSchema>;
export type ArticleFormValues = z.input<typeof articleInputSchema>;

/** An article as the public pages list it (an actor's press, a territory's). */
export interface PressArticle {
	id: number;
	url: string;
	title: string;
	publishedAt: string | null;
	outlet: string;
	author: string | null;
	excerpt: string;
	language: string;
	isDemo: boolean;
}
