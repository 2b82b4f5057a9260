import type { Locale } from '$lib/paraglide/runtime';
import { PICTURE, viewAnswerUrls, viewPictureUrl } from '$lib/stories/view-answers';
import type { StepFigure } from '$lib/stories/types';
import type { Db } from '../db';
import { pathwaysReady } from '../pathways/pathway-cache';
import { entityPathway, pathwayFlows } from './pathway.service';
import { frozenAnswers, readStory } from './story.service';
import type { AccountUser } from './users.service';

/*
 * What the reader's page needs beyond the récit itself: each step's still picture (the server's SVG of its map or
 * network: the page without JavaScript, and print), and the flows and pathways drawn by the page itself (their
 * diagrams are Svelte SVG, rendered on the server). A frozen step uses what was kept when it was frozen.
 */

/** `today`: the reader asked « voir aujourd'hui » — a frozen récit's views drawn from today's data. */
export async function readerStory(db: Db, slug: string, user: AccountUser | null, locale: Locale, today = false) {
	const read = readStory(db, slug, user);
	const figures: StepFigure[] = [];
	for (const step of read.steps) {
		const frozen = step.frozen && !today ? frozenAnswers(db, slug, step.index, user) : null;
		const figure: StepFigure = { picture: null, flows: null, pathway: null };
		if (step.view.kind === 'flows' || step.view.kind === 'pathway') {
			const [url] = viewAnswerUrls(step.view);
			if (frozen && url && frozen[url]) {
				if (step.view.kind === 'flows') figure.flows = JSON.parse(frozen[url]) as StepFigure['flows'];
				else figure.pathway = JSON.parse(frozen[url]) as StepFigure['pathway'];
			} else {
				await pathwaysReady(db);
				if (step.view.kind === 'flows') figure.flows = pathwayFlows(db, new URLSearchParams(step.view.search));
				else figure.pathway = step.view.slug ? entityPathway(db, step.view.slug) : null;
			}
		} else {
			figure.picture = frozen?.[PICTURE] ? `/recits/${slug}/etapes/${step.index + 1}/image.svg` : viewPictureUrl(step.view, locale === 'en' ? 'en' : 'fr');
		}
		figures.push(figure);
	}
	return { ...read, figures };
}
