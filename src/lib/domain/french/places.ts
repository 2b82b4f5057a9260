/**
 * Territory names in sentences: « du Puy-de-Dôme », « de la Haute-Loire », « de l'Allier »,
 * « en Haute-Loire », « dans le Cantal »; communes with their own article contract
 * (« au Puy-en-Velay », « du Puy-en-Velay », « aux Ancizes-Comps ») and others elide (« d'Aurillac »);
 * intercommunalities follow their leading noun (« de la CC du Haut Lignon », « de Clermont Auvergne Métropole »).
 */
import { namePart, nounPhrase, type NounPhrase } from './names';
import { elides, que } from './typography';

/** Every département whose name takes « le » or « les », or none; the others are feminine (« la », « l' »). */
const MASCULINE = new Set([
	'Ain',
	'Allier',
	'Aveyron',
	'Bas-Rhin',
	'Calvados',
	'Cantal',
	'Cher',
	'Doubs',
	'Eure-et-Loir',
	'Finistère',
	'Gard',
	'Gers',
	'Haut-Rhin',
	'Hérault',
	'Jura',
	'Loir-et-Cher',
	'Loiret',
	'Lot',
	'Lot-et-Garonne',
	'Maine-et-Loire',
	'Morbihan',
	'Nord',
	'Pas-de-Calais',
	'Puy-de-Dôme',
	'Rhône',
	'Tarn',
	'Tarn-et-Garonne',
	'Territoire de Belfort',
	"Val-d'Oise",
	'Val-de-Marne',
	'Var',
	'Vaucluse'
]);
const PLURAL = new Set([
	'Alpes-de-Haute-Provence',
	'Alpes-Maritimes',
	'Ardennes',
	'Bouches-du-Rhône',
	"Côtes-d'Armor",
	'Deux-Sèvres',
	'Hautes-Alpes',
	'Hautes-Pyrénées',
	'Hauts-de-Seine',
	'Landes',
	'Pyrénées-Atlantiques',
	'Pyrénées-Orientales',
	'Vosges',
	'Yvelines'
]);
const NO_ARTICLE = new Set(['Paris', 'Mayotte']);
/** Regions that are not feminine (« le Grand Est », « les Hauts-de-France »). */
const MASCULINE_REGIONS = new Set(['Grand Est', 'Centre-Val de Loire']);
const PLURAL_REGIONS = new Set(['Hauts-de-France', 'Pays de la Loire']);

export type TerritoryKind = 'region' | 'departement' | 'epci' | 'commune' | string;

const norm = (name: string) => name.replace(/’/g, "'").trim();

/** A territory as a noun phrase (names.ts), its article from the tables above or from its own name. */
export function territoryPhrase(name: string, kind: TerritoryKind): NounPhrase {
	const base: NounPhrase = { name, article: null, articleInName: false, gender: 'f', plural: false, person: false, place: false };
	const n = norm(name);
	if (kind === 'departement' || kind === 'region') {
		if (NO_ARTICLE.has(n) || /^(la|le|les)\s|^l'/i.test(n)) return kind === 'departement' && !NO_ARTICLE.has(n) ? nounPhrase({ name, kind: 'place' }) : base;
		const masculine = kind === 'departement' ? MASCULINE.has(n) : MASCULINE_REGIONS.has(n);
		const plural = kind === 'departement' ? PLURAL.has(n) : PLURAL_REGIONS.has(n);
		const article = plural ? 'les' : elides(n) ? "l'" : masculine ? 'le' : 'la';
		return { ...base, article, gender: masculine || plural ? 'm' : 'f', plural };
	}
	// A commune is a proper name unless it carries its own article; an EPCI reads like any structure.
	if (kind === 'commune') {
		const own = /^(le|la|les)\s|^l'/i.test(n);
		return own ? nounPhrase({ name, kind: 'place' }) : base;
	}
	return nounPhrase({ name, kind: 'place' });
}

/** « du Puy-de-Dôme », « de l'Allier », « d'Aurillac », « du Puy-en-Velay », « de la CC du Haut Lignon ». */
export function ofTerritory(name: string, kind: TerritoryKind): string {
	const { before, name: rest } = namePart('de', territoryPhrase(name, kind));
	return before + rest;
}

/**
 * Where: « à Aurillac », « au Puy-en-Velay », « à La Bourboule »; « en Haute-Loire », « dans le Cantal »,
 * « dans l'Allier », « dans les Landes »; « dans la CC du Haut Lignon ».
 */
export function inTerritory(name: string, kind: TerritoryKind): string {
	const p = territoryPhrase(name, kind);
	if (kind === 'commune') {
		const { before, name: rest } = namePart('à', p);
		return before + rest;
	}
	if ((kind === 'departement' || kind === 'region') && p.gender === 'f' && !p.plural && !p.articleInName && p.article) return `en ${name}`;
	const { before, name: rest } = namePart('dans', p);
	return before + rest;
}

/** « Retour à … »: « à Clermont-Ferrand », « au Puy-de-Dôme », « à la Haute-Loire », « à l'Allier ». */
export function toTerritory(name: string, kind: TerritoryKind): string {
	const { before, name: rest } = namePart('à', territoryPhrase(name, kind));
	return before + rest;
}

/**
 * A comparison: « dans la même commune qu'Aurillac », « que Brioude », « que Le Puy-en-Velay »,
 * « que la Haute-Loire », « que l'Allier ».
 */
export function thanTerritory(name: string, kind: TerritoryKind): string {
	const { before, name: rest } = namePart(null, territoryPhrase(name, kind));
	return before ? `que ${before}${rest}` : que(rest);
}
