import { redirect } from '@sveltejs/kit';
import { finderQuerySchema, PATHWAY_ARRAY_KEYS } from '$lib/domain/pathway-query';
import { radiusCircle } from '$lib/geo/distance';
import type { CommuneChoice, FinderIssue } from '$lib/components/finder/finder-answers';
import { matchWords } from '$lib/components/commune-lookup';
import type { FinderResult } from '$lib/pathways/types';
import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import type { Db } from '$lib/server/db';
import { ValidationError } from '$lib/server/services/errors';
import { resolutionMessage } from '$lib/geo/commune-match';
import { findCommunes, resolveCommuneText, type CommuneHit } from '$lib/server/services/map.service';
import { paramIssues } from '$lib/server/services/params';
import { describeIssue, pageLoad } from '$lib/server/http/page';
import { findRoute } from '$lib/server/services/pathway.service';
import { pathwaysReady } from '$lib/server/pathways/pathway-cache';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { eventsNear, type NearbyEvent } from '$lib/server/services/agenda.service';
import type { PageServerLoad } from './$types';

/** The four questions, as URL parameters; a visit without any of them is a first visit (form only). */
const QUESTIONS = ['stage', 'sector', 'commune', 'need'] as const;
/** Field names in the request's language (the server answers in the page's). */
const FIELD_LABELS: Record<string, () => string> = {
	stage: m.pathways_field_stage,
	sector: m.pathways_field_sector,
	commune: m.pathways_field_commune,
	need: m.pathways_field_need
};
const INSEE_COMMUNE_RE = /^\d[0-9AB]\d{3}$/;
/** Most people using this page start a project: the route then covers every later stage. */
const DEFAULT_STAGE = 'creation';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "sector.0 : secteur inconnu" (a no-break space before the colon) -> « Secteur : secteur inconnu », tied to its field; a message that is
 * already a sentence (« Indiquez votre commune. ») stands alone.
 */
function formIssue(issue: string): FinderIssue {
	const match = /^([A-Za-z]+)(?:\.\d+)*[ \u00a0]: (.*)$/s.exec(issue);
	const field = match?.[1];
	const message = match?.[2];
	const label = field ? FIELD_LABELS[field] : undefined;
	if (field && message && label) return { field, text: /^\p{Lu}/u.test(message) ? message : m.pathways_issue_field({ field: label(), message }) };
	const named = QUESTIONS.find((q) => new RegExp(`^${q}\\b`).test(issue));
	return { field: named ?? null, text: capitalised(describeIssue(issue)) };
}

/** The route's address (in the page's language) for a commune; `lieu` (what was typed) stays only when it was a code, so the page can say which. */
const withCommune = (params: URLSearchParams, code: string, typedCode: string | null = null) => {
	const next = new URLSearchParams(params);
	next.set('commune', code);
	next.delete('lieu');
	if (typedCode) next.set('lieu', typedCode);
	return localHref(`/parcours?${next}`);
};

const typedCode = (c: CommuneHit) => (c.match === 'name' ? null : c.matchedCode);

/**
 * `commune` is the canonical address (an INSEE code); what a person types goes in `lieu`: a name, a postcode
 * or an INSEE code, resolved here without JavaScript (the autocomplete's own search and rule). One commune:
 * its address; several (a postcode shared by ten communes, homonyms): the visitor picks, each choice saying
 * how it matched; none: a message. An older address with a name in `commune` is read as typed.
 */
function resolveCommune(
	db: Db,
	params: URLSearchParams
): { code: string } | { choices: CommuneChoice[]; issue: string } | { issue: string } | { redirect: string } {
	const canonical = params.get('commune')?.trim() ?? '';
	if (INSEE_COMMUNE_RE.test(canonical.toUpperCase())) return { code: canonical.toUpperCase() };
	const text = canonical || (params.get('lieu')?.trim() ?? '');
	if (text === '') return { code: '' };
	if (text.length > 100) return { issue: m.pathways_issue_name_too_long() };
	const { resolution } = resolveCommuneText(db, text);
	// resolveCommuneText trims the text to 100 characters; longer ones were refused above.
	const message = resolutionMessage(text.trim(), resolution) ?? '';
	if (resolution.status === 'one') return { redirect: withCommune(params, resolution.commune.code, typedCode(resolution.commune)) };
	if (resolution.status === 'several') {
		return {
			issue: message,
			choices: resolution.choices.slice(0, 30).map((c) => ({
				code: c.code,
				name: c.name,
				departementCode: c.departementCode,
				matchLabel: matchWords(c.match, c.matchedCode),
				href: withCommune(params, c.code, typedCode(c))
			}))
		};
	}
	return { issue: message };
}

/** « code postal 43200 » when the commune was reached by a code typed in `lieu` (said next to the route's title). */
function matchOf(db: Db, code: string, typed: string | null): string | null {
	if (!typed) return null;
	const found = findCommunes(db, typed, 50).find((c) => c.code === code && c.match !== 'name');
	return found ? matchWords(found.match, found.matchedCode) : null;
}

/** While the commune is being sorted out, the other answers are checked too: every message at once. */
const otherIssues = (params: URLSearchParams): FinderIssue[] =>
	paramIssues(finderQuerySchema.omit({ commune: true }), params, PATHWAY_ARRAY_KEYS).map(formIssue);

/** Name of a commune code, to show it again in the form next to a message about another answer. */
function communeName(db: Db, code: string): string | null {
	if (!INSEE_COMMUNE_RE.test(code)) return null;
	return findCommunes(db, code, 50).find((c) => c.code === code)?.name ?? null;
}

/** The visitor's answers as typed, and an empty result: what the page shows before (or instead of) a route. */
function firstAnswers(url: URL) {
	const params = url.searchParams;
	const typed = {
		stage: params.get('stage') ?? DEFAULT_STAGE,
		sectors: params.getAll('sector'),
		needs: params.getAll('need'),
		communeText: params.get('lieu')?.trim() || (params.get('commune')?.trim() ?? '')
	};
	const empty = {
		basemap: basemapSetting(),
		result: null as FinderResult | null,
		reach: null as GeoJSON.Feature<GeoJSON.Polygon> | null,
		issues: [] as FinderIssue[],
		choices: [] as CommuneChoice[],
		communeMatch: null as string | null,
		meetings: [] as NearbyEvent[]
	};
	return { typed, empty };
}

export const load = pageLoad(
	async ({ url }) => {
		const db = getDb();
		const params = url.searchParams;
		const { typed, empty } = firstAnswers(url);
		if (![...QUESTIONS, 'lieu'].some((q) => params.has(q))) return { ...empty, answers: { ...typed, commune: null } };
		const commune = resolveCommune(db, params);
		// Typed without JavaScript: answer on the canonical address (INSEE code), the one worth sharing.
		if ('redirect' in commune) redirect(303, commune.redirect);
		if ('issue' in commune) {
			return {
				...empty,
				answers: { ...typed, commune: null },
				issues: [{ field: 'commune', text: commune.issue }, ...otherIssues(params)],
				choices: 'choices' in commune ? commune.choices : []
			};
		}
		// Only a commune (a link « qui peut m'aider autour de … » from its page): the form, filled with it.
		if (commune.code && !['stage', 'sector', 'need'].some((q) => params.has(q))) {
			const name = communeName(db, commune.code);
			if (name) return { ...empty, answers: { ...typed, communeText: name, commune: { code: commune.code, name } } };
		}
		await pathwaysReady(db);
		const result = findRoute(db, params);
		const { origin, query } = result;
		return {
			...empty,
			answers: { stage: query.stage, sectors: query.sectors, needs: query.needs, communeText: origin.name, commune: { code: origin.code, name: origin.name } },
			communeMatch: matchOf(db, origin.code, params.get('lieu')),
			result,
			reach: radiusCircle([origin.lon, origin.lat], result.reachKm),
			meetings: eventsNear(db, { stage: query.stage, lon: origin.lon, lat: origin.lat, km: result.reachKm }, 5)
		};
	},
	// Answers the service could not use: the form again, with what to correct next to each field.
	(e, { url }) => {
		if (!(e instanceof ValidationError)) return;
		const { typed, empty } = firstAnswers(url);
		const code = (url.searchParams.get('commune')?.trim() ?? '').toUpperCase();
		const name = communeName(getDb(), code);
		return { ...empty, answers: { ...typed, commune: name ? { code, name } : null }, issues: e.issues.map(formIssue) };
	}
) satisfies PageServerLoad;
