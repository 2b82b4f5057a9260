/**
 * The words of the « Image PNG » export (export-png.ts draws them): a title that names the path's ends or
 * the focused actor with their articles (« De la Couveuse des Puys au Cowork des Dômes », « Le voisinage
 * d'Arverflow »), a line of counts agreed with their numbers, the date as France writes it (« Exporté le
 * 1er mars 2026 ») and the credit. French through the French-phrasing module, English from the catalogue.
 */
import { capitalise, frenchSpacing, parisToday, withPreposition, type Nameable } from '$lib/domain/french';
import { relationLabel, relationType } from '$lib/domain/vocabulary';
import { phrasing } from '$lib/i18n/phrasing';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import type { PngFrame } from './export-png';

export interface PngFacts {
	/** The path drawn, if any: its ends, which one of how many. */
	path: { from: Nameable; to: Nameable; index: number; count: number } | null;
	/** The actor whose neighbourhood is shown, if any (a path wins). */
	focus: Nameable | null;
	/** Actors and relations drawn (the year's, when a year is chosen). */
	actors: number;
	relations: number;
	year: number | null;
	/** Relation-type filter (vocabulary codes) and « confirmées seulement ». */
	types: string[];
	confirmed: boolean;
	demo: boolean;
	/** A Paris ISO day; today by default. */
	today?: string;
}

export const NETWORK_TITLE = 'Le réseau de l’innovation en Auvergne';

/** The title: French names take their articles (« De la Couveuse des Puys au Cowork des Dômes »), English ones none. */
function title(f: PngFacts, locale: Locale): string {
	if (locale === 'en') {
		if (f.path) return m.network_png_path_title({ from: f.path.from.name, to: f.path.to.name }, { locale });
		return f.focus ? m.network_png_focus_title({ name: f.focus.name }, { locale }) : m.network_png_title({}, { locale });
	}
	if (f.path) return capitalise(`${withPreposition('de', f.path.from)} ${withPreposition('à', f.path.to)}`);
	return f.focus ? `Le voisinage ${withPreposition('de', f.focus)}` : NETWORK_TITLE;
}

export function pngTexts(f: PngFacts, locale: Locale = getLocale()): Pick<PngFrame, 'title' | 'subtitle' | 'credit' | 'date' | 'demoNotice'> {
	const o = { locale };
	const relations =
		f.year != null ? m.network_png_active_relations({ count: f.relations, year: String(f.year) }, o) : m.network_relations({ count: f.relations }, o);
	// The filter's own words: a type's name whatever its source (a person keeps « incubé·e par »).
	const typeLabel = (code: string) => (locale === 'en' ? (relationType(code)?.labelEn ?? code) : relationLabel(code));
	const facts = [
		m.network_png_counts({ actors: m.network_actors({ count: f.actors }, o), relations }, o),
		...(f.types.length ? [m.network_png_types({ types: f.types.map(typeLabel).join(', ') }, o)] : []),
		...(f.confirmed ? [m.network_png_confirmed({}, o)] : []),
		...(f.path ? [m.network_png_path({ index: String(f.path.index + 1), count: String(f.path.count) }, o)] : [])
	];
	return {
		title: title(f, locale),
		subtitle: frenchSpacing(facts.join(' · ')),
		credit: frenchSpacing(f.demo ? m.network_png_credit_demo({}, o) : m.network_png_credit({}, o)),
		date: m.network_png_date({ date: phrasing(locale).formatDay(f.today ?? parisToday()) }, o),
		demoNotice: f.demo ? frenchSpacing(m.network_png_demo_notice({}, o)) : null
	};
}
