/**
 * Names in a French sentence: which article a name takes, and so which preposition
 * (« de la Couveuse des Puys », « du Club des dirigeants du Velay », « de l'Incubateur des Dômes »,
 * « d'Arverflow », « aux Ateliers Chabrolier »), and the gender a participle agrees with
 * (« Volcabio est incubée », « le Fablab est hébergé »).
 *
 * The rule, in order:
 * 1. A person takes no article and has no recorded gender: sentences about a person use a turn that needs
 *    none (« la Couveuse des Puys a incubé Camille Martin »), never an inclusive-writing dot.
 * 2. A name that starts with an article keeps it as written (« La Grange de Cournols », « Le Cowork des
 *    Dômes »); « le » and « les » contract after « de » and « à » (« au Cowork des Dômes »), as the
 *    Imprimerie nationale does with titles.
 * 3. A name that starts with a common noun of the lexicon below takes that noun's article and gender
 *    (« la Couveuse des Puys », « l'Hôtel d'entreprises »; « les Ateliers Chabrolier » are plural).
 * 4. Any other name is a proper name and takes no article (« Volcabio », « Puys Capital Innovation »),
 *    « de » elides before a vowel (« d'Arverflow »); its gender is its category's (« la startup »,
 *    « l'entreprise », « l'association » are feminine; « l'incubateur », « le financeur » masculine).
 */
import { elides } from './typography';
import { foldAccents } from '../fold';

export type Gender = 'm' | 'f';
export type Article = 'le' | 'la' | "l'" | 'les';

/** What a sentence needs to know about an actor or a place. */
export interface Nameable {
	name: string;
	/** person, organisation, third_place, event; anything else is read as a place name. */
	kind?: string | null;
	category?: string | null;
}

export interface NounPhrase {
	/** The name as written. */
	name: string;
	/** The definite article the name takes in a sentence; null for proper names and persons. */
	article: Article | null;
	/** The article is the name's own first word (« Le Cowork des Dômes »). */
	articleInName: boolean;
	/** null: unknown (a person). */
	gender: Gender | null;
	plural: boolean;
	/** The name is a person's. */
	person: boolean;
	/** A third-place: one is hosted « à » it. */
	place: boolean;
}

interface Noun {
	gender: Gender;
	plural?: boolean;
	/** « l'hôtel » (mute h) rather than « le hackathon » (aspirated h). */
	muteH?: boolean;
}

const m: Noun = { gender: 'm' };
const f: Noun = { gender: 'f' };
const mp: Noun = { gender: 'm', plural: true };
const fp: Noun = { gender: 'f', plural: true };

/**
 * Leading common nouns of structure, place and event names, without accents, lower case. Several words
 * are matched before one (« business angels » before « business »). Extend it when a new kind of name
 * comes in: a name whose first word is not here is read as a proper name.
 */
const LEXICON: Record<string, Noun> = {
	// Support structures
	incubateur: m,
	incubateurs: mp,
	couveuse: f,
	pepiniere: f,
	accelerateur: m,
	programme: m,
	tremplin: m,
	nid: m,
	club: m,
	reseau: m,
	cercle: m,
	collectif: m,
	'business angels': mp,
	fonds: m,
	caisse: f,
	banque: f,
	"prets d'honneur": mp,
	pret: m,
	pole: m,
	cluster: m,
	grappe: f,
	technopole: f,
	association: f,
	federation: f,
	union: f,
	fondation: f,
	comite: m,
	cooperative: f,
	mission: f,
	agence: f,
	chambre: f,
	communaute: f,
	conseil: m,
	region: f,
	departement: m,
	syndicat: m,
	office: m,
	service: m,
	direction: f,
	plateforme: f,
	metropole: f,
	ville: f,
	commune: f,
	cc: f,
	ca: f,
	cu: f,
	pays: m,
	parc: m,
	'french tech': f,
	initiative: f,
	// Research and teaching
	universite: f,
	laboratoire: m,
	laboratoires: mp,
	labo: m,
	unite: f,
	institut: m,
	ecole: f,
	campus: m,
	centre: m,
	lycee: m,
	college: m,
	observatoire: m,
	academie: f,
	'living lab': m,
	// Places
	fablab: m,
	'fab lab': m,
	'tiers-lieu': m,
	'tiers lieu': m,
	cowork: m,
	coworking: m,
	espace: m,
	maison: f,
	hotel: { gender: 'm', muteH: true },
	cite: f,
	atelier: m,
	ateliers: mp,
	comptoir: m,
	passerelle: f,
	bureau: m,
	bureaux: mp,
	fabrique: f,
	etabli: m,
	grange: f,
	relais: m,
	cafe: m,
	ferme: f,
	moulin: m,
	halle: f,
	usine: f,
	manufacture: f,
	gare: f,
	forge: f,
	friche: f,
	ruche: f,
	villa: f,
	chateau: m,
	abbaye: f,
	jardin: m,
	jardins: mp,
	// Companies
	groupe: m,
	societe: f,
	compagnie: f,
	entreprise: f,
	entreprises: fp,
	etablissements: mp,
	editions: fp,
	coutellerie: f,
	fromagerie: f,
	menuiserie: f,
	scierie: f,
	imprimerie: f,
	mecanique: f,
	chaudronnerie: f,
	salaisons: fp,
	transports: mp,
	laiterie: f,
	plasturgie: f,
	tannerie: f,
	brasserie: f,
	distillerie: f,
	ebenisterie: f,
	boulangerie: f,
	biscuiterie: f,
	confiserie: f,
	cave: f,
	domaine: m,
	studio: m,
	// Events
	rencontre: f,
	rencontres: fp,
	apero: m,
	forum: m,
	assises: fp,
	journee: f,
	journees: fp,
	hackathon: m,
	defi: m,
	formation: f,
	trophees: mp,
	concours: m,
	soiree: f,
	salon: m,
	festival: m,
	semaine: f,
	nuit: f,
	conference: f,
	colloque: m,
	seminaire: m,
	sommet: m,
	matinale: f,
	webinaire: m,
	prix: m,
	challenge: m,
	startup: f,
	'start-up': f,
	// Media and other nouns that open names (« la fiche n° 12 »: a listing whose name is unknown)
	fiche: f,
	gazette: f,
	journal: m,
	magazine: m,
	fil: m,
	amis: mp,
	pionniers: mp,
	bricoleurs: mp,
	ancienne: f,
	ancien: m,
	nouvelle: f,
	nouveau: m,
	petite: f,
	petit: m,
	grande: f,
	grand: m
};

/** Names that open with a lexicon noun yet take no article in use (« à Pôle emploi », « de Radio Sancy »). */
const NO_ARTICLE = /^(p[oô]le emploi|france travail|radio |bpi ?france|business france)/i;

/** Gender when the name says nothing: the category's generic noun (« la startup », « l'incubateur »). */
const CATEGORY_GENDER: Record<string, Gender> = {
	startup: 'f',
	company: 'f',
	large_company: 'm',
	lab: 'm',
	university: 'f',
	incubator: 'm',
	accelerator: 'm',
	funder: 'm',
	public_body: 'm',
	support_network: 'm',
	cluster: 'm',
	association: 'f',
	media: 'm',
	coworking: 'm',
	fablab: 'm',
	living_lab: 'm',
	makerspace: 'm',
	rural_third_place: 'm',
	incubation_space: 'f',
	meetup: 'f',
	conference: 'f',
	hackathon: 'm',
	training: 'f',
	pitch: 'm'
};
/** « l'organisation », « le lieu », « l'événement ». */
const KIND_GENDER: Record<string, Gender> = { organisation: 'f', third_place: 'm', event: 'm' };

const fold = (s: string) => foldAccents(s).replace(/’/g, "'");

/** The lexicon noun a text opens with (up to three words, longest first), if any. */
function leadingNoun(text: string): Noun | null {
	const words = fold(text).split(/\s+/);
	for (let n = Math.min(3, words.length); n >= 1; n--) {
		const head = words
			.slice(0, n)
			.join(' ')
			.replace(/[,:;.]+$/, '');
		const noun = LEXICON[head] ?? (n === 1 ? LEXICON[head.split("'")[0] as string] : undefined);
		if (noun) return noun;
	}
	// « 48 heures pour entreprendre »: a number of hours, days… is a feminine plural.
	if (/^\d+ (heures|journees|semaines)\b/.test(words.slice(0, 2).join(' '))) return fp;
	return null;
}

/** « Le Cowork », « Les Bricoleurs », « L'Établi »: an article written as the name's first word. */
const ARTICLE_IN_NAME = /^(?:(le|la|les)\s+|(l)['’]\s*)/i;

export function nounPhrase(e: Nameable): NounPhrase {
	const name = e.name.trim();
	const base = { name, articleInName: false, person: false, place: e.kind === 'third_place' };
	if (e.kind === 'person') return { ...base, article: null, gender: null, plural: false, person: true };
	const fallback: Gender = CATEGORY_GENDER[e.category ?? ''] ?? KIND_GENDER[e.kind ?? ''] ?? 'm';
	const own = ARTICLE_IN_NAME.exec(name);
	if (own) {
		const word = own[1] ? own[1].toLowerCase() : "l'";
		const rest = name.slice(own[0].length);
		const noun = leadingNoun(rest);
		if (word === 'les') return { ...base, articleInName: true, article: 'les', gender: noun?.gender ?? fallback, plural: true };
		if (word === 'le' || word === 'la') return { ...base, articleInName: true, article: word, gender: word === 'la' ? 'f' : 'm', plural: false };
		return { ...base, articleInName: true, article: "l'", gender: noun?.gender ?? fallback, plural: false };
	}
	const noun = NO_ARTICLE.test(name) ? null : leadingNoun(name);
	if (!noun) return { ...base, article: null, gender: fallback, plural: false };
	const article: Article = noun.plural ? 'les' : startsWithVowelSound(name, noun.muteH) ? "l'" : noun.gender === 'f' ? 'la' : 'le';
	return { ...base, article, gender: noun.gender, plural: noun.plural ?? false };
}

function startsWithVowelSound(word: string, muteH = false): boolean {
	return elides(word) || (muteH && /^h/i.test(word));
}

/** The preposition before a name; compound ones contract on their last word (« auprès du Club »). */
export type Preposition = 'de' | 'à' | 'par' | 'chez' | 'auprès de' | 'pour' | 'avec' | 'dans' | 'en';

/** A name in a sentence, cut where a link would start: `before` + `name` (`name` is what a page links). */
export interface NamePart {
	before: string;
	name: string;
}

const CONTRACTED: Record<string, Record<string, string>> = {
	de: { le: 'du', les: 'des' },
	à: { le: 'au', les: 'aux' }
};

/**
 * « de » + Couveuse des Puys -> « de la Couveuse des Puys »; « à » + Le Cowork -> « au Cowork »;
 * « de » + Arverflow -> « d'Arverflow »; no preposition -> « la Couveuse des Puys » (a subject or object).
 */
export function namePart(prep: Preposition | null, e: Nameable | NounPhrase): NamePart {
	const p = 'articleInName' in e ? e : nounPhrase(e);
	const last = prep?.split(' ').at(-1) ?? '';
	const head = prep ? prep.split(' ').slice(0, -1).join(' ') : '';
	const lead = (word: string) => (head ? `${head} ${word} ` : `${word} `);
	if (p.articleInName) {
		const own = ARTICLE_IN_NAME.exec(p.name) as RegExpExecArray;
		const word = own[1] ? own[1].toLowerCase() : "l'";
		const contracted = CONTRACTED[last]?.[word];
		if (contracted) return { before: lead(contracted), name: p.name.slice(own[0].length) };
		return { before: prep ? `${prep} ` : '', name: p.name };
	}
	if (p.article) {
		const contracted = CONTRACTED[last]?.[p.article];
		const article = p.article === "l'" ? "l'" : `${p.article} `;
		if (contracted) return { before: lead(contracted), name: p.name };
		return { before: `${prep ? `${prep} ` : ''}${article}`, name: p.name };
	}
	// No article: « de » elides before a vowel (and before a person's mute h: « d'Hélène »).
	if (last === 'de' && (elides(p.name) || (p.person && /^h/i.test(p.name)))) return { before: head ? `${head} d'` : "d'", name: p.name };
	return { before: prep ? `${prep} ` : '', name: p.name };
}

/** The same, as one string: « de la Couveuse des Puys », « au Cowork des Dômes », « Volcabio ». */
export function withPreposition(prep: Preposition | null, e: Nameable | NounPhrase): string {
	const { before, name } = namePart(prep, e);
	return before + name;
}

/** The name with its article, as the subject of a sentence (capitalised by the sentence). */
export const withArticle = (e: Nameable | NounPhrase): string => withPreposition(null, e);

/** A participle agreed with a noun phrase: « incubé » -> « incubée », « incubés », « incubées ». */
export function agree(participle: string, p: Pick<NounPhrase, 'gender' | 'plural'>): string {
	const fem = p.gender === 'f';
	if (participle.endsWith('s') && !p.plural) return fem ? `${participle}e` : participle;
	return participle + (fem ? 'e' : '') + (p.plural ? 's' : '');
}

/** Whether a name reads as a place one goes « à » (a lexicon noun or its own article) rather than « chez » (a brand). */
export function hasArticle(e: Nameable | NounPhrase): boolean {
	const p = 'articleInName' in e ? e : nounPhrase(e);
	return p.article !== null;
}
