/**
 * The filter form's commune field (/acteurs, /carte, /reseau) without JavaScript: what was typed travels as
 * `lieu` (a name, a postcode or an INSEE code) and becomes the `territory` filter when it names one commune.
 * The form then says which commune and how it matched, or why it could not choose and what to pick.
 */
import type { CommuneField } from '$lib/components/commune-field';
import { TERRITORY_CODE_RE } from '$lib/domain/filters';
import type { Db } from '../db';
import { findCommunes, resolveCommuneText, type CommuneHit } from './map.service';

const COMMUNE_CODE_RE = /^\d[0-9AB]\d{3}$/;
const typedCode = (c: CommuneHit) => (c.match === 'name' ? null : c.matchedCode);

/**
 * Reads `lieu` (and a commune `territory`) from a filter URL: the parameters to parse, with the commune's
 * code in `territory` when the text names one, and what the form shows about it (null: no commune asked).
 */
export function resolveCommuneField(db: Db, params: URLSearchParams, path: string): { params: URLSearchParams; field: CommuneField | null } {
	const text = params.get('lieu')?.trim().slice(0, 100) ?? '';
	const territory = params.getAll('territory').at(-1)?.trim().toUpperCase() ?? '';
	const out = new URLSearchParams(params);
	out.delete('lieu');
	const named = (c: CommuneHit, label: string | null): CommuneField => ({
		text,
		commune: { code: c.code, name: c.name, departementCode: c.departementCode },
		matchLabel: label,
		message: null,
		choices: []
	});

	if (!text) {
		if (!COMMUNE_CODE_RE.test(territory)) return { params: out, field: null };
		const hit = findCommunes(db, territory, 50).find((c) => c.code === territory);
		return { params: out, field: hit ? named(hit, null) : null };
	}
	// A choice made among several: the commune is in the URL, the text says how it was found.
	if (COMMUNE_CODE_RE.test(territory)) {
		const hit = findCommunes(db, text, 50).find((c) => c.code === territory);
		if (hit) return { params: out, field: named(hit, hit.matchLabel) };
	}
	const { resolution, message } = resolveCommuneText(db, text);
	if (resolution.status === 'one') {
		out.delete('territory');
		out.set('territory', resolution.commune.code);
		return { params: out, field: named(resolution.commune, resolution.commune.matchLabel) };
	}
	// Nothing chosen: the typed text does not filter (a département or intercommunality chosen in the list still does).
	if (TERRITORY_CODE_RE.test(territory) && !COMMUNE_CODE_RE.test(territory)) {
		out.delete('territory');
		out.set('territory', territory);
	} else out.delete('territory');
	const choices = resolution.status === 'several' ? resolution.choices.slice(0, 30) : [];
	return {
		params: out,
		field: {
			text,
			commune: null,
			matchLabel: null,
			message,
			choices: choices.map((c) => {
				const next = new URLSearchParams(out);
				next.set('territory', c.code);
				const code = typedCode(c);
				if (code) next.set('lieu', code);
				return { code: c.code, name: c.name, departementCode: c.departementCode, matchLabel: c.matchLabel, href: `${path}?${next}` };
			})
		}
	};
}
