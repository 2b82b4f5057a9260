import { z } from './zod';
import { m } from '$lib/paraglide/messages';
import { parseStoryView } from './story-view';

/** A récit's own fields, as the editor types them (the form and the service share this schema). */
export const storyInputSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, { error: () => m.stories_error_title() })
		.max(200, { error: () => m.stories_error_title_long() }),
	subtitle: z
		.string()
		.trim()
		.max(300, { error: () => m.stories_error_subtitle() }),
	author: z
		.string()
		.trim()
		.max(120, { error: () => m.stories_error_author() }),
	coverUrl: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v) && v.length <= 2000) || /^\/images\/[a-z0-9-]+\/\d+$/.test(v), {
			error: () => m.stories_error_cover()
		})
		.transform((v) => v || null),
	intro: z.string().max(10_000, { error: () => m.stories_error_intro() })
});
export type StoryInput = z.output<typeof storyInputSchema>;

/** One step: a Markdown text and a view (a page's address, checked by parseStoryView). */
export const storyStepSchema = z.object({
	text: z.string().max(5_000, { error: () => m.stories_error_step_text() }),
	view: z
		.string()
		.trim()
		.min(1, { error: () => m.stories_error_view_missing() })
		.transform((v, ctx) => {
			const view = parseStoryView(v);
			if (!view) {
				ctx.addIssue({ code: 'custom', message: m.stories_error_view({ view: v.slice(0, 120) }) });
				return z.NEVER;
			}
			return view.href;
		})
});
export type StoryStepInput = z.output<typeof storyStepSchema>;

export const STORY_STATUSES = ['draft', 'reviewed', 'published'] as const;
