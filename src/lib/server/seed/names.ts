import type { Area } from './areas';
import { slugify } from '$lib/domain/slug';
import type { Rng } from './random';
import { ofPlace } from './place-words';
import { capitalise } from '$lib/domain/french/typography';

/**
 * Word lists for invented names. People get a common French first name and a surname built from
 * syllables (« Chabrolier », « Vayssonnat »), so no combination points at a real public figure.
 * Organisations mix regional place words (areas.ts) with invented brands; none is a real organisation.
 */

export const FEMALE_FIRST_NAMES = [
	'Camille',
	'Léa',
	'Manon',
	'Chloé',
	'Inès',
	'Sarah',
	'Julie',
	'Pauline',
	'Marion',
	'Clara',
	'Émilie',
	'Lucie',
	'Anaïs',
	'Mathilde',
	'Élodie',
	'Laure',
	'Agathe',
	'Margaux',
	'Justine',
	'Noémie',
	'Salomé',
	'Jeanne',
	'Louise',
	'Alice',
	'Héloïse',
	'Nadia',
	'Yasmine',
	'Sofia',
	'Amélie',
	'Bérénice',
	'Coralie',
	'Gaëlle',
	'Solène',
	'Aurore',
	'Maëlle',
	'Fanny',
	'Estelle',
	'Hélène',
	'Rania',
	'Lina'
] as const;

export const MALE_FIRST_NAMES = [
	'Thomas',
	'Nicolas',
	'Julien',
	'Maxime',
	'Antoine',
	'Hugo',
	'Lucas',
	'Louis',
	'Baptiste',
	'Romain',
	'Mathieu',
	'Guillaume',
	'Florian',
	'Adrien',
	'Quentin',
	'Bastien',
	'Théo',
	'Clément',
	'Pierre',
	'Paul',
	'Arthur',
	'Victor',
	'Malik',
	'Karim',
	'Samuel',
	'Yanis',
	'Olivier',
	'Laurent',
	'Damien',
	'Gaétan',
	'Rémi',
	'Jérôme',
	'Loïc',
	'Cédric',
	'Benoît',
	'Sylvain',
	'Mehdi',
	'Tristan',
	'Aurélien',
	'Jules'
] as const;

const SURNAME_HEADS = [
	'Bar',
	'Bel',
	'Ber',
	'Bou',
	'Char',
	'Chas',
	'Cour',
	'Dal',
	'Fay',
	'Four',
	'Gar',
	'Jal',
	'Lab',
	'Lan',
	'Mal',
	'Mar',
	'Pel',
	'Ray',
	'Roch',
	'Sal',
	'Sauv',
	'Tal',
	'Teil',
	'Vays',
	'Verd',
	'Vial',
	'Chab',
	'Cros',
	'Maz',
	'Esp',
	'Aub',
	'Brug',
	'Coud',
	'Fraiss',
	'Gram',
	'Mouss',
	'Pradh',
	'Ribh',
	'Sarr',
	'Touz'
] as const;

const SURNAME_TAILS = [
	'andier',
	'ouzel',
	'essac',
	'elière',
	'ignac',
	'ardel',
	'onnat',
	'aurel',
	'iolle',
	'assou',
	'erolles',
	'ounet',
	'adour',
	'ichon',
	'anges',
	'olier',
	'eyrat',
	'uzac',
	'elange',
	'ignol',
	'avesque',
	'oumiou',
	'ebrun',
	'aillot',
	'eyrenc',
	'issade'
] as const;

/** Stems and endings for invented startup brands: « Volcalab », « Basalteo », « Genticare ». */
const BRAND_STEMS = [
	'Volca',
	'Basal',
	'Domi',
	'Lava',
	'Genti',
	'Arver',
	'Siou',
	'Vela',
	'Fora',
	'Combra',
	'Canta',
	'Sanci',
	'Pouzzo',
	'Trachy',
	'Scori',
	'Limo',
	'Ambro',
	'Bourbo',
	'Dora',
	'Couzo',
	'Puy',
	'Cratè',
	'Val',
	'Roca',
	'Bruma',
	'Silva',
	'Lumi',
	'Terra',
	'Aqua',
	'Agri',
	'Myrti',
	'Buro',
	'Estiva',
	'Sagne',
	'Fonta'
] as const;
const BRAND_ENDINGS = [
	'lab',
	'tech',
	'ia',
	'lia',
	'ly',
	'flow',
	'sens',
	'nova',
	'mind',
	'data',
	'go',
	'bio',
	'feed',
	'kit',
	'care',
	'loop',
	'scan',
	'grid',
	'tik',
	'vo',
	'eo',
	'pulse',
	'map',
	'craft'
] as const;
const GENERIC_BRAND_WORDS = ['Solutions', 'Studio', 'Conseil', 'Design', 'Services', 'Innovation'];
const BRAND_WORDS_BY_SECTOR: Record<string, string[]> = {
	digital: ['Numérique', 'Analytics', 'Systèmes'],
	energy_environment: ['Énergies', 'Environnement'],
	health: ['Biotech', 'Santé'],
	mobility: ['Mobilités'],
	materials: ['Matériaux'],
	industry: ['Robotique', 'Systèmes'],
	agrifood: ['Agro', 'Terroirs'],
	tourism: ['Voyages', 'Escapades']
};

/** A trade, the sector it belongs to and what such a company makes. */
export interface Trade {
	word: string;
	sector: string;
	activity: string;
}

export const COMPANY_TRADES: Trade[] = [
	{ word: 'Coutellerie', sector: 'industry', activity: 'des couteaux forgés et affûtés dans ses ateliers' },
	{ word: 'Fromagerie', sector: 'agrifood', activity: 'des fromages fermiers affinés en cave' },
	{ word: 'Menuiserie', sector: 'materials', activity: 'des menuiseries en bois sur mesure' },
	{ word: 'Scierie', sector: 'materials', activity: 'du bois de charpente issu des forêts voisines' },
	{ word: 'Imprimerie', sector: 'culture_media', activity: "de l'impression et du façonnage pour les entreprises" },
	{ word: 'Mécanique', sector: 'industry', activity: "l'usinage de pièces de précision" },
	{ word: 'Chaudronnerie', sector: 'industry', activity: 'de la chaudronnerie et de la tôlerie industrielles' },
	{ word: 'Salaisons', sector: 'agrifood', activity: 'des salaisons sèches de montagne' },
	{ word: 'Transports', sector: 'mobility', activity: 'du transport régional de marchandises' },
	{ word: 'Laiterie', sector: 'agrifood', activity: 'la collecte et la transformation du lait des fermes voisines' },
	{ word: 'Plasturgie', sector: 'materials', activity: 'des pièces plastiques injectées' },
	{ word: 'Tannerie', sector: 'materials', activity: 'du cuir au tannage végétal' },
	{ word: 'Brasserie', sector: 'agrifood', activity: 'des bières artisanales' },
	{ word: 'Distillerie', sector: 'agrifood', activity: 'des liqueurs de gentiane et de verveine' },
	{ word: 'Ébénisterie', sector: 'materials', activity: 'du mobilier en bois massif' }
];

/** Cluster names follow the cluster's one sector. */
const CLUSTER_WORDS: Record<string, string> = {
	digital: 'Cluster numérique',
	agrifood: 'Grappe agroalimentaire',
	health: 'Pôle santé',
	materials: 'Pôle matériaux',
	mobility: 'Cluster mobilités',
	industry: 'Pôle industrie du futur',
	energy_environment: 'Cluster énergies renouvelables',
	tourism: 'Pôle tourisme de pleine nature',
	culture_media: 'Cluster industries créatives',
	social_economy: 'Pôle territorial de coopération économique',
	education: 'Cluster éducation et formation',
	sport: 'Cluster sports de nature'
};

export function personName(rng: Rng): { first: string; last: string; female: boolean } {
	const female = rng.chance(0.5);
	const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
	return { first, last: surname(rng), female };
}

export function surname(rng: Rng): string {
	const head = rng.pick(SURNAME_HEADS);
	const tail = rng.pick(SURNAME_TAILS);
	return head + tail;
}

export function brandName(rng: Rng, areaName: string, sector: string | undefined): string {
	const compact = () => capitalise(rng.pick(BRAND_STEMS) + rng.pick(BRAND_ENDINGS));
	const words = [...GENERIC_BRAND_WORDS, ...(BRAND_WORDS_BY_SECTOR[sector ?? ''] ?? []), ...(BRAND_WORDS_BY_SECTOR[sector ?? ''] ?? [])];
	switch (rng.int(0, 5)) {
		case 0:
			return `${compact()} ${rng.pick(words)}`;
		case 1:
			return `${areaName} ${rng.pick(words)}`;
		default:
			return compact();
	}
}

/** A company name; trade names (« Coutellerie Chabrolier ») come with their trade. */
export function companyName(rng: Rng, a: Area): { name: string; trade?: Trade } {
	const trade = rng.pick(COMPANY_TRADES);
	switch (rng.int(0, 4)) {
		case 0:
			return { name: `${trade.word} ${surname(rng)}`, trade };
		case 1:
			return { name: `${surname(rng)} & Fils` };
		case 2:
			return { name: `${trade.word} ${a.of}`, trade };
		case 3:
			return { name: `Ateliers ${surname(rng)}` };
		default:
			return { name: `${surname(rng)} ${rng.pick(['Industrie', 'Services', 'Équipements', 'Bâtiment'])}` };
	}
}

/** Invented names per organisation / third-place category, built from regional words. */
/** `other`: a second area the commune is also in, or null (then no « A & B » name). */
export function structureName(rng: Rng, category: string, a: Area, other: Area | null, communeName: string, sector?: string): string {
	const ofCommune = ofPlace(communeName);
	const brand = () => capitalise(rng.pick(BRAND_STEMS) + rng.pick(BRAND_ENDINGS));
	const options: Record<string, string[]> = {
		large_company: [`Groupe ${surname(rng)}`, `${brand()} Industries`, `Groupe ${a.name} Agro`],
		lab: [
			`Laboratoire des matériaux volcaniques ${a.of}`,
			`Laboratoire d'agronomie de montagne ${a.of}`,
			`Unité de robotique agricole ${a.of}`,
			`Laboratoire usages et numérique ${a.of}`,
			`Laboratoire de biologie des sols ${a.of}`,
			`Unité santé et nutrition ${a.of}`
		],
		university: [`École d'ingénieurs ${a.of}`, `Institut supérieur ${a.of}`, `Campus des métiers ${a.of}`, `École de design ${a.of}`],
		incubator: [
			other ? `Incubateur ${a.name} & ${other.name}` : `Incubateur ${a.name} Initiatives`,
			`Incubateur ${a.of}`,
			`Couveuse ${a.of}`,
			`Nid d'entreprises ${a.of}`,
			`${brand()} Incubation`
		],
		accelerator: [`Accélérateur ${a.of}`, `${a.name} Booster`, `Programme Cap ${a.name}`, `Tremplin Croissance ${a.of}`],
		funder: [
			`Fonds d'amorçage ${a.of}`,
			`${a.name} Capital Innovation`,
			`Business Angels ${a.of}`,
			`Prêts d'honneur ${a.of}`,
			`Caisse solidaire ${a.of}`,
			`Fonds ${brand()} Investissement`
		],
		public_body: [`Agence de développement ${a.of}`, `Mission attractivité ${a.of}`, `Syndicat mixte ${a.of}`, `Maison de l'économie ${a.of}`],
		support_network: [`Collectif des créateurs ${a.of}`, `Cercle Entreprendre ${a.of}`, `Réseau Tremplin ${a.name}`, `Club des dirigeants ${a.of}`],
		cluster: [`${CLUSTER_WORDS[sector ?? ''] ?? 'Cluster innovation'} ${a.of}`],
		association: [`Les Pionniers ${a.of}`, `Entreprendre au féminin ${a.of}`, `Les Amis de l'innovation ${a.of}`],
		media: [`La Gazette ${a.of}`, `Radio ${a.name}`, `Le Fil ${a.of}`],
		coworking: [`Le Cowork ${a.of}`, `Le Comptoir ${a.of}`, `La Passerelle ${ofCommune}`, `Le Bureau partagé ${ofCommune}`],
		fablab: [`La Fabrique ${a.of}`, `Fablab ${a.of}`, `${brand()} Fablab`],
		living_lab: [`Living lab ${a.of}`, `Laboratoire vivant ${a.of}`],
		makerspace: [`L'Établi ${a.of}`, `Atelier partagé ${ofCommune}`, `Les Bricoleurs ${a.of}`],
		rural_third_place: [`La Grange ${ofCommune}`, `Le Relais ${ofCommune}`, `L'Ancienne école ${ofCommune}`, `La Maison commune ${ofCommune}`],
		incubation_space: [`Pépinière d'entreprises ${ofCommune}`, `Pépinière ${a.of}`, `Hôtel d'entreprises ${a.of}`]
	};
	return rng.pick(options[category] ?? [`${brand()} ${a.name}`]);
}

const EVENT_NAMES: Record<string, (a: Area, year: number, sector: string) => string[]> = {
	meetup: (a, y) => [`Rencontres de l'innovation ${a.of} ${y}`, `Apéro des créateurs ${a.of}`, `Café entrepreneurs ${a.of} ${y}`],
	conference: (a, y) => [`Forum de l'innovation ${a.of} ${y}`, `Assises de la ruralité numérique ${y}`, `Journée des tiers-lieux ${a.of} ${y}`],
	hackathon: (a, y, s) => [`Hackathon ${s} ${a.of} ${y}`, `48 heures pour entreprendre ${a.of}`, `Défi ${s} ${y}`],
	training: (a) => [`Atelier levée de fonds ${a.of}`, `Formation prototypage rapide ${a.of}`, `Atelier « Trouver ses premiers clients » ${a.of}`],
	pitch: (a, y) => [`Trophées de l'innovation ${a.of} ${y}`, `Concours Jeunes Pousses ${a.of} ${y}`, `Soirée pitch ${a.of} ${y}`]
};

export function eventName(rng: Rng, category: string, a: Area, year: number, sectorLabel: string): string {
	const make = EVENT_NAMES[category] ?? EVENT_NAMES.meetup;
	return rng.pick((make as (a: Area, y: number, s: string) => string[])(a, year, sectorLabel.toLowerCase()));
}

/** Hands out unique slugs (« la-fabrique-du-sancy », then « la-fabrique-du-sancy-2 »). */
export class SlugRegistry {
	private readonly used: Set<string>;

	constructor(existing: Iterable<string> = []) {
		this.used = new Set(existing);
	}

	has(slug: string): boolean {
		return this.used.has(slug);
	}

	claim(text: string): string {
		const base = slugify(text) || 'acteur';
		let slug = base;
		for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
		this.used.add(slug);
		return slug;
	}
}
