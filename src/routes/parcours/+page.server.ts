import { redirect } from '@sveltejs/kit';
import { finderQuerySchema, PATHWAY_ARRAY_KEYS } from '$lib/domain/pathway-query';
import { radiusCircle } from '$lib/geo/distance';
import { samePlaceName } from '$lib/geo/place-name';
import type { CommuneChoice, FinderIssue } from '$lib/components/finder/finder-answers';
import type { FinderResult } from '$lib/pathways/types';
import { basemapSetting } from '$lib/server/config';
import { getDb } from '$lib/server/db/connection';
import type { Db } from '$lib/server/db';
import { ValidationError } from '$lib/server/services/errors';
import { searchCommunes } from '$lib/server/services/map.service';
import { parseParams } from '$lib/server/services/params';
import { describeIssue } from '$lib/server/services/page-errors.service';
import { findRoute } from '$lib/server/services/pathway.service';
import type { PageServerLoad } from './$types';

/** The four questions, as URL parameters; a visit without any of them is a first visit (form only). */
const QUESTIONS = ['stage', 'sector', 'commune', 'need'] as const;
const FIELD_LABELS: Record<string, string> = { stage: 'Stade du projet', sector: 'Secteur', commune: 'Commune', need: 'Besoins' };
const INSEE_COMMUNE_RE = /^\d[0-9AB]\d{3}$/;
/** Most people using this page start a project: the route then covers every later stage. */
const DEFAULT_STAGE = 'creation';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "sector.0 : secteur inconnu" -> « Secteur : secteur inconnu », tied to its field; a message that is
 * already a sentence (« Indiquez votre commune. ») stands alone.
 */
function formIssue(issue: string): FinderIssue {
	const match = /^([A-Za-z]+)(?:\.\d+)* : (.*)$/s.exec(issue);
	const field = match?.[1];
	const message = match?.[2];
	if (field && message && FIELD_LABELS[field]) return { field, text: /^\p{Lu}/u.test(message) ? message : `${FIELD_LABELS[field]} : ${message}` };
	const named = QUESTIONS.find((q) => new RegExp(`^${q}\\b`).test(issue));
	return { field: named ?? null, text: capitalised(describeIssue(issue)) };
}

const withCommune = (params: URLSearchParams, code: string) => {
	const next = new URLSearchParams(params);
	next.set('commune', code);
	return `/parcours?${next}`;
};

/**
 * Without JavaScript the commune field holds whatever was typed: an INSEE code goes through, a name is
 * looked up among the communes of the scope (the autocomplete's own search). One match: its code; several:
 * the visitor picks; none: a message.
 */
function resolveCommune(db: Db, params: URLSearchParams): { code: string } | { choices: CommuneChoice[]; issue: string } | { issue: string } {
	const text = params.get('commune')?.trim() ?? '';
	if (text === '' || INSEE_COMMUNE_RE.test(text.toUpperCase())) return { code: text.toUpperCase() };
	if (text.length > 100) return { issue: 'Commune : ce nom est trop long (100 caractères au plus).' };
	const { items } = searchCommunes(db, new URLSearchParams({ q: text, limit: '20' }));
	const same = items.filter((c) => samePlaceName(c.name, text));
	const candidates = same.length > 0 ? same : items;
	const [only] = candidates;
	if (candidates.length === 1 && only) return { code: only.code };
	if (candidates.length === 0) {
		return { issue: `Commune : aucune commune du territoire couvert ne s'appelle « ${text} ». Vérifiez l'orthographe ou saisissez son code INSEE.` };
	}
	return {
		issue: `Commune : plusieurs communes correspondent à « ${text} ». Choisissez la vôtre ci-dessous.`,
		choices: candidates.slice(0, 8).map((c) => ({ code: c.code, name: c.name, departementCode: c.departementCode, href: withCommune(params, c.code) }))
	};
}

/** While the commune is being sorted out, the other answers are checked too: every message at once. */
function otherIssues(params: URLSearchParams): FinderIssue[] {
	try {
		parseParams(finderQuerySchema.omit({ commune: true }), params, PATHWAY_ARRAY_KEYS);
		return [];
	} catch (e) {
		if (e instanceof ValidationError) return e.issues.map(formIssue);
		throw e;
	}
}

/** Name of a commune code, to show it again in the form next to a message about another answer. */
function communeName(db: Db, code: string): string | null {
	if (!INSEE_COMMUNE_RE.test(code)) return null;
	const [hit] = searchCommunes(db, new URLSearchParams({ q: code, limit: '1' })).items;
	return hit?.code === code ? hit.name : null;
}

export const load = (({ url }) => {
	const db = getDb();
	const params = url.searchParams;
	const basemap = basemapSetting();
	const typed = {
		stage: params.get('stage') ?? DEFAULT_STAGE,
		sectors: params.getAll('sector'),
		needs: params.getAll('need'),
		communeText: params.get('commune')?.trim() ?? ''
	};
	const empty = { basemap, result: null as FinderResult | null, reach: null as GeoJSON.Feature<GeoJSON.Polygon> | null, issues: [] as FinderIssue[], choices: [] as CommuneChoice[] };
	if (!QUESTIONS.some((q) => params.has(q))) return { ...empty, answers: { ...typed, commune: null } };

	try {
		const commune = resolveCommune(db, params);
		if ('issue' in commune) {
			return {
				...empty,
				answers: { ...typed, commune: null },
				issues: [{ field: 'commune', text: commune.issue }, ...otherIssues(params)],
				choices: 'choices' in commune ? commune.choices : []
			};
		}
		// A name typed without JavaScript: answer on the canonical address (INSEE code), the one worth sharing.
		if (commune.code !== (params.get('commune') ?? '')) redirect(303, withCommune(params, commune.code));

		const result = findRoute(db, params);
		const { origin, query } = result;
		return {
			...empty,
			answers: { stage: query.stage, sectors: query.sectors, needs: query.needs, communeText: origin.name, commune: { code: origin.code, name: origin.name } },
			result,
			reach: radiusCircle([origin.lon, origin.lat], result.reachKm)
		};
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const code = typed.communeText.toUpperCase();
		const name = communeName(db, code);
		return { ...empty, answers: { ...typed, commune: name ? { code, name } : null }, issues: e.issues.map(formIssue) };
	}
}) satisfies PageServerLoad;
