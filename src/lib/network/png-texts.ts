/**
 * The words of the « Image PNG » export (export-png.ts draws them): a title that names the path's ends or
 * the focused actor with their articles (« De la Couveuse des Puys au Cowork des Dômes », « Le voisinage
 * d'Arverflow »), a line of counts agreed with their numbers, the date as France writes it (« Exporté le
 * 1er mars 2026 ») and the credit. Written through the French-phrasing module.
 */
import { capitalise, countOf, formatDay, frenchSpacing, parisToday, withPreposition, type Nameable } from '$lib/domain/french';
import { relationLabel } from '$lib/domain/vocabulary';
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

export function pngTexts(f: PngFacts): Pick<PngFrame, 'title' | 'subtitle' | 'credit' | 'date' | 'demoNotice'> {
	const title = f.path
		? capitalise(`${withPreposition('de', f.path.from)} ${withPreposition('à', f.path.to)}`)
		: f.focus
			? `Le voisinage ${withPreposition('de', f.focus)}`
			: NETWORK_TITLE;
	const relations = f.year != null ? `${countOf(f.relations, 'relation active', 'relations actives')} en ${f.year}` : countOf(f.relations, 'relation');
	const facts = [
		`${countOf(f.actors, 'acteur')}, ${relations}`,
		// The filter's own words: a type's name whatever its source (a person keeps « incubé·e par »).
		...(f.types.length ? [`relations : ${f.types.map(relationLabel).join(', ')}`] : []),
		...(f.confirmed ? ['relations confirmées seulement'] : []),
		...(f.path ? [`chemin ${f.path.index + 1} sur ${f.path.count}`] : [])
	];
	return {
		title,
		subtitle: frenchSpacing(facts.join(' · ')),
		credit: frenchSpacing(
			f.demo
				? 'Connecteur Carto — données de démonstration, fictives'
				: 'Connecteur Carto — données : Le Connecteur et les acteurs (chaque relation cite sa source)'
		),
		date: `Exporté le ${formatDay(f.today ?? parisToday())}`,
		demoNotice: f.demo ? frenchSpacing('Données de démonstration : les acteurs, personnes et relations de cette image sont fictifs.') : null
	};
}
