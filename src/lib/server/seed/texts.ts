import { categoryLabel, offerLabel, sectorLabel, stageLabel } from '$lib/domain/vocabulary';
import { atPlace, ofPlace } from './place-words';
import type { Rng } from './random';

/** What a text needs to know about an actor (a subset of the planned entity). */
export interface Describable {
	kind: string;
	category: string;
	name: string;
	communeName: string;
	departementName: string;
	sectors: string[];
	stages: string[];
	offers: string[];
	foundedYear: number | null;
	female?: boolean;
	activity?: string;
}

const ACTIVITIES: Record<string, string[]> = {
	agrifood: [
		'une plateforme de vente directe pour les producteurs de fromages',
		'des capteurs connectés pour le suivi des estives',
		'une légumerie pour la restauration collective',
		'des farines de légumineuses locales'
	],
	health: [
		'une application de téléconsultation pour les zones rurales',
		"des dispositifs d'aide au maintien à domicile",
		'un logiciel de coordination pour les maisons de santé',
		'des tests de diagnostic rapide vétérinaire'
	],
	digital: [
		'un logiciel de gestion pour les artisans',
		'une plateforme de données territoriales ouvertes',
		"des outils d'intelligence artificielle pour la maintenance industrielle",
		'une solution de cybersécurité pour les PME'
	],
	mobility: [
		"un service d'autopartage pour les villages",
		'des vélos cargo à assistance électrique',
		'une application de covoiturage domicile-travail',
		'du transport à la demande en zone de montagne'
	],
	industry: [
		'des pièces mécaniques de précision',
		'des robots collaboratifs pour les ateliers',
		'de la fabrication additive métallique',
		'des solutions de maintenance prédictive'
	],
	materials: [
		'des isolants biosourcés à base de chanvre',
		'des matériaux composites issus de la pierre volcanique',
		'des emballages compostables',
		'des bétons bas carbone'
	],
	energy_environment: [
		'des chaufferies bois pour les collectivités',
		'des unités de méthanisation agricole',
		"des sondes de suivi de la qualité de l'eau des rivières",
		'des toitures solaires partagées'
	],
	tourism: [
		"des séjours d'itinérance douce",
		'une application de randonnée sur les volcans',
		'des hébergements insolites en pleine nature',
		'un service de réservation en ligne pour les gîtes ruraux'
	],
	culture_media: [
		'un studio de création sonore',
		'un média local en ligne',
		'des visites patrimoniales en réalité augmentée',
		'des jeux de société sur le patrimoine'
	],
	social_economy: [
		"une recyclerie d'équipements informatiques",
		"un réseau d'épiceries itinérantes",
		"des parcours d'insertion par l'activité économique",
		'une coopérative de services aux habitants'
	],
	education: [
		'des ateliers de codage pour les enfants',
		'une plateforme de formation à distance',
		'des outils pédagogiques pour les écoles rurales',
		"une application d'orientation vers les métiers techniques"
	],
	sport: [
		'des équipements de trail',
		"une plateforme de réservation d'activités de pleine nature",
		'des capteurs de performance pour les clubs',
		'la location de matériel de ski de fond'
	]
};

const RESEARCH_FIELDS = [
	'les matériaux',
	"l'agronomie",
	'la robotique',
	'la santé publique',
	"l'informatique",
	"l'écologie des sols",
	'la géographie rurale',
	'la nutrition'
];

export function pickActivity(rng: Rng, sector: string | undefined): string {
	return rng.pick(ACTIVITIES[sector ?? 'digital'] ?? (ACTIVITIES.digital as string[]));
}

const g = (female: boolean | undefined, f: string, m: string) => (female ? f : m);

const SUMMARIES: Record<string, (e: Describable, rng: Rng) => string> = {
	startup: (e) => `Startup installée ${atPlace(e.communeName)} qui développe ${e.activity}.`,
	company: (e) => `Entreprise fondée en ${e.foundedYear} ${atPlace(e.communeName)}, qui propose ${e.activity}.`,
	large_company: (e) => `Groupe industriel présent ${atPlace(e.communeName)}, actif dans ${sectorList(e)}.`,
	lab: (e, rng) => `Laboratoire de recherche publique (${e.communeName}) qui travaille sur ${rng.pick(RESEARCH_FIELDS)}.`,
	university: (e) => `Établissement d'enseignement supérieur ${atPlace(e.communeName)}, formations et recherche en ${sectorList(e)}.`,
	incubator: (e) => `Incubateur qui accompagne les projets innovants de l'idée à la création, ${atPlace(e.communeName)}.`,
	accelerator: (e) => `Programme d'accélération pour les jeunes entreprises en croissance, basé ${atPlace(e.communeName)}.`,
	funder: (e) => `Financeur de la création et du développement d'entreprises innovantes (${e.departementName}).`,
	public_body: (e) => `Organisme public qui soutient le développement économique du territoire (${e.departementName}).`,
	support_network: (e) => `Réseau de chefs d'entreprise bénévoles qui accompagnent les créateurs (${e.departementName}).`,
	cluster: (e) => `Pôle qui fédère les entreprises et laboratoires de la filière ${sectorList(e)}.`,
	association: (e) => `Association qui anime la communauté des porteurs de projets ${atPlace(e.communeName)}.`,
	media: (e) => `Média local qui raconte l'actualité économique et culturelle (${e.departementName}).`,
	coworking: (e) => `Espace de travail partagé au cœur ${ofPlace(e.communeName)}, ouvert aux indépendants et aux jeunes entreprises.`,
	fablab: (e) => `Atelier de fabrication numérique ${atPlace(e.communeName)} : impression 3D, découpe laser, électronique.`,
	living_lab: (e) => `Living lab où habitants, entreprises et chercheurs testent ensemble de nouveaux services (${e.communeName}).`,
	makerspace: (e) => `Atelier partagé de bricolage et de prototypage ${atPlace(e.communeName)}.`,
	rural_third_place: (e) => `Tiers-lieu rural ${atPlace(e.communeName)} : coworking, café associatif et ateliers.`,
	incubation_space: (e) => `Pépinière qui héberge les entreprises de moins de cinq ans ${atPlace(e.communeName)}.`,
	entrepreneur: (e) => `${g(e.female, 'Entrepreneuse', 'Entrepreneur')} ${g(e.female, 'installée', 'installé')} ${atPlace(e.communeName)}.`,
	researcher: (e, rng) =>
		`${g(e.female, 'Chercheuse', 'Chercheur')} en ${rng.pick(RESEARCH_FIELDS).replace(/^(les |la |l')/, '')}, basé${g(e.female, 'e', '')} ${atPlace(e.communeName)}.`,
	mentor: (e) => `Mentor bénévole, ${g(e.female, 'ancienne dirigeante', 'ancien dirigeant')} d'entreprise (${e.departementName}).`,
	investor: (e) => `${g(e.female, 'Investisseuse', 'Investisseur')} providentiel${g(e.female, 'le', '')} dans les jeunes entreprises du territoire.`,
	elected: (e) => `${g(e.female, 'Élue', 'Élu')} en charge du développement économique (${e.departementName}).`,
	journalist: (e) => `Journaliste qui couvre l'innovation et l'économie locale (${e.departementName}).`
};

function sectorList(e: Describable): string {
	if (e.sectors.length === 0) return 'plusieurs filières';
	const words = e.sectors.map((s) => sectorLabel(s).toLowerCase());
	return words.length > 1 ? `${words.slice(0, -1).join(', ')} et ${words.at(-1)}` : (words[0] as string);
}

export function summaryOf(e: Describable, rng: Rng): string {
	const make = SUMMARIES[e.category];
	return make ? make(e, rng) : `${categoryLabel(e.category)} ${atPlace(e.communeName)}.`;
}

/** Short Markdown: a bold name, a sentence, a list of facts, a demo notice. */
export function descriptionOf(e: Describable, summary: string, extra: string[] = []): string {
	const facts = [
		`- **Implantation** : ${e.communeName} (${e.departementName})`,
		e.foundedYear ? `- **Création** : ${e.foundedYear}` : null,
		e.sectors.length ? `- **Secteurs** : ${e.sectors.map(sectorLabel).join(', ')}` : null,
		e.stages.length ? `- **Stades accompagnés** : ${e.stages.map(stageLabel).join(', ')}` : null,
		e.offers.length ? `- **Offres** : ${e.offers.map(offerLabel).join(', ')}` : null,
		...extra.map((x) => `- ${x}`)
	].filter((x): x is string => x !== null);
	return [`**${e.name}** — ${lowerFirst(summary)}`, facts.join('\n'), '_Fiche de démonstration : cet acteur est fictif._'].join('\n\n');
}

const lowerFirst = (s: string) => (/^[A-ZÉ][a-zéèêàç]/.test(s) && !/^[A-Z]{2}/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const STREET_TYPES = ['rue', 'avenue', 'place', 'chemin', 'impasse', 'boulevard', 'allée'];
const STREET_NAMES = [
	'des Tilleuls',
	'du Lavoir',
	'de la Gare',
	'des Volcans',
	'du Moulin',
	'des Artisans',
	'de la Fontaine',
	'du Puy',
	'des Écoles',
	'du Marché',
	'des Genêts',
	'de la Coutellerie'
];

/** An invented street address in a real commune. */
export function addressIn(rng: Rng, communeName: string, postalCode: string | null): string {
	const street = `${rng.int(1, 48)} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`;
	return `${street}, ${postalCode ? `${postalCode} ` : ''}${communeName}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Who says so: a (fictional) Le Connecteur citation or an example.org URL, dated at or after `year`. */
export function sourceFor(rng: Rng, year: number, target: { slug: string; kind: string }, lastYear: number): string {
	const targetSlug = target.slug;
	const y = Math.min(lastYear, year + rng.int(0, 2));
	const month = rng.pick(MONTHS);
	const pick = rng.int(0, 5);
	switch (target.kind === 'person' && pick === 4 ? 3 : pick) {
		case 0:
			return `Le Connecteur, portrait, ${month} ${y} (démo)`;
		case 1:
			return `Le Connecteur, lettre d'information n° ${rng.int(12, 180)}, ${month} ${y} (démo)`;
		case 2:
			return `Le Connecteur, enquête « Parcours d'entrepreneurs », ${month} ${y} (démo)`;
		case 3:
			return `https://example.org/le-connecteur/${y}/${targetSlug}`;
		case 4:
			return `https://${targetSlug}.example.org/actualites/${y}`;
		default:
			return `Rapport d'activité ${y} (démo), https://example.org/rapports/${targetSlug}-${y}`;
	}
}
