/**
 * The product's vocabulary (see DOMAIN.md): codes in English, labels in French (`label`) and in English
 * (`labelEn`, for the English pages and for visitors who search in English).
 * Everything that names a kind, category, relation type, stage, offer or sector reads it from here,
 * so the map, the graph, the forms, the importer and the API agree.
 */

export interface Term<C extends string = string> {
	code: C;
	label: string;
	labelEn: string;
}

export type Locale = 'fr' | 'en';

const terms = <C extends string>(list: readonly (readonly [C, string, string])[]): Term<C>[] =>
	list.map(([code, label, labelEn]) => ({ code, label, labelEn }));

export const ENTITY_KINDS = ['person', 'organisation', 'third_place', 'event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const kindTerms: Term<EntityKind>[] = terms([
	['person', 'Personne', 'Person'],
	['organisation', 'Organisation', 'Organisation'],
	['third_place', 'Tiers-lieu', 'Third place'],
	['event', 'Événement', 'Event']
]);

export const kindPluralLabels: Record<EntityKind, string> = {
	person: 'Personnes',
	organisation: 'Organisations',
	third_place: 'Tiers-lieux',
	event: 'Événements'
};

export const kindPluralLabelsEn: Record<EntityKind, string> = {
	person: 'People',
	organisation: 'Organisations',
	third_place: 'Third places',
	event: 'Events'
};

/** The kinds' plural labels in a page's language, without the rest of the phrasing (i18n/phrasing.ts). */
export const kindPluralIn = (locale: string): Record<EntityKind, string> => (locale === 'en' ? kindPluralLabelsEn : kindPluralLabels);

export const categoriesByKind: Record<EntityKind, Term[]> = {
	person: terms([
		['entrepreneur', 'Entrepreneur·e', 'Entrepreneur'],
		['researcher', 'Chercheur·e', 'Researcher'],
		['mentor', 'Mentor', 'Mentor'],
		['investor', 'Investisseur·e', 'Investor'],
		['elected', 'Élu·e', 'Elected official'],
		['journalist', 'Journaliste', 'Journalist']
	]),
	organisation: terms([
		['startup', 'Startup', 'Startup'],
		['company', 'Entreprise', 'Company'],
		['large_company', 'Grand groupe', 'Large company'],
		['lab', 'Laboratoire', 'Research lab'],
		['university', 'Enseignement supérieur', 'Higher education'],
		['incubator', 'Incubateur', 'Incubator'],
		['accelerator', 'Accélérateur', 'Accelerator'],
		['funder', 'Financeur', 'Funder'],
		['public_body', 'Collectivité / organisme public', 'Public body'],
		['support_network', "Réseau d'accompagnement", 'Support network'],
		['cluster', 'Pôle / cluster', 'Cluster'],
		['association', 'Association', 'Non-profit'],
		['media', 'Média', 'Media']
	]),
	third_place: terms([
		['coworking', 'Espace de coworking', 'Coworking space'],
		['fablab', 'Fablab', 'Fab lab'],
		['living_lab', 'Living lab', 'Living lab'],
		['makerspace', 'Atelier partagé', 'Makerspace'],
		['rural_third_place', 'Tiers-lieu rural', 'Rural third place'],
		['incubation_space', 'Pépinière', 'Business nursery']
	]),
	event: terms([
		['meetup', 'Rencontre', 'Meetup'],
		['conference', 'Conférence', 'Conference'],
		['hackathon', 'Hackathon', 'Hackathon'],
		['training', 'Formation', 'Training'],
		['pitch', 'Concours / pitch', 'Competition / pitch']
	])
};

export const categoryTerms: (Term & { kind: EntityKind })[] = ENTITY_KINDS.flatMap((kind) => categoriesByKind[kind].map((t) => ({ ...t, kind })));

/** Categories whose members are "support structures": they say which stages and offers they serve. */
export const SUPPORT_CATEGORIES = [
	'incubator',
	'accelerator',
	'funder',
	'public_body',
	'support_network',
	'cluster',
	'lab',
	'university',
	'association',
	'coworking',
	'fablab',
	'living_lab',
	'makerspace',
	'rural_third_place',
	'incubation_space'
] as const;

export const STAGES = ['emergence', 'creation', 'development', 'growth'] as const;
export type Stage = (typeof STAGES)[number];
export const stageTerms: Term<Stage>[] = terms([
	['emergence', "Émergence : l'idée", 'Emergence: the idea'],
	['creation', 'Création', 'Launch'],
	['development', 'Développement : premiers clients', 'Development: first customers'],
	['growth', "Croissance / changement d'échelle", 'Growth / scale-up']
]);

export const OFFERS = ['hosting', 'funding', 'mentoring', 'training', 'networking', 'equipment', 'expertise', 'market_access'] as const;
export type Offer = (typeof OFFERS)[number];
export const offerTerms: Term<Offer>[] = terms([
	['hosting', 'Hébergement', 'Hosting'],
	['funding', 'Financement', 'Funding'],
	['mentoring', 'Accompagnement / mentorat', 'Support / mentoring'],
	['training', 'Formation', 'Training'],
	['networking', 'Mise en réseau', 'Networking'],
	['equipment', 'Équipements / prototypage', 'Equipment / prototyping'],
	['expertise', 'Expertise technique ou juridique', 'Technical or legal expertise'],
	['market_access', 'Accès au marché', 'Market access']
]);

/** Sectors are extensible: add a line here (code in English, label in French). */
export const sectorTerms: Term[] = terms([
	['agrifood', 'Agroalimentaire', 'Agrifood'],
	['health', 'Santé', 'Health'],
	['digital', 'Numérique', 'Digital'],
	['mobility', 'Mobilité', 'Mobility'],
	['industry', 'Industrie', 'Industry'],
	['materials', 'Matériaux', 'Materials'],
	['energy_environment', 'Énergie & environnement', 'Energy & environment'],
	['tourism', 'Tourisme', 'Tourism'],
	['culture_media', 'Culture & médias', 'Culture & media'],
	['social_economy', 'Économie sociale et solidaire', 'Social economy'],
	['education', 'Éducation', 'Education'],
	['sport', 'Sport', 'Sport']
]);
export const SECTORS = sectorTerms.map((t) => t.code);

export const RELATION_TYPES = [
	'founded',
	'works_at',
	'leads',
	'member_of',
	'incubated_by',
	'accelerated_by',
	'funded_by',
	'mentored_by',
	'hosted_by',
	'trained_by',
	'spin_off_of',
	'partner_of',
	'organises',
	'participates_in',
	'takes_place_at'
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface RelationTypeTerm extends Term<RelationType> {
	/** Label read from the target's side ("incubé·e par" becomes "a incubé"). */
	inverseLabel: string;
	inverseLabelEn: string;
	/** The label in a sentence about a current relation: « X est incubé·e par Y (depuis 2021) ». */
	presentLabel: string;
	/** The label in a sentence about a past relation: « X a été incubé·e par Y (de 2019 à 2020) ». */
	pastLabel: string;
	pathwayStep: boolean;
	symmetric: boolean;
}

export const relationTypeTerms: RelationTypeTerm[] = [
	{
		code: 'founded',
		label: 'a fondé',
		inverseLabel: 'fondé·e par',
		presentLabel: 'a fondé',
		pastLabel: 'a fondé',
		labelEn: 'founded',
		inverseLabelEn: 'founded by',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'works_at',
		label: 'travaille à',
		inverseLabel: 'emploie',
		presentLabel: 'travaille à',
		pastLabel: 'a travaillé à',
		labelEn: 'works at',
		inverseLabelEn: 'employs',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'leads',
		label: 'dirige',
		inverseLabel: 'dirigé·e par',
		presentLabel: 'dirige',
		pastLabel: 'a dirigé',
		labelEn: 'leads',
		inverseLabelEn: 'led by',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'member_of',
		label: 'membre de',
		inverseLabel: 'compte parmi ses membres',
		presentLabel: 'est membre de',
		pastLabel: 'a été membre de',
		labelEn: 'member of',
		inverseLabelEn: 'has as a member',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'incubated_by',
		label: 'incubé·e par',
		inverseLabel: 'a incubé',
		presentLabel: 'est incubé·e par',
		pastLabel: 'a été incubé·e par',
		labelEn: 'incubated by',
		inverseLabelEn: 'incubated',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'accelerated_by',
		label: 'accéléré·e par',
		inverseLabel: 'a accéléré',
		presentLabel: 'est accéléré·e par',
		pastLabel: 'a été accéléré·e par',
		labelEn: 'accelerated by',
		inverseLabelEn: 'accelerated',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'funded_by',
		label: 'financé·e par',
		inverseLabel: 'a financé',
		presentLabel: 'est financé·e par',
		pastLabel: 'a été financé·e par',
		labelEn: 'funded by',
		inverseLabelEn: 'funded',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'mentored_by',
		label: 'accompagné·e par',
		inverseLabel: 'a accompagné',
		presentLabel: 'est accompagné·e par',
		pastLabel: 'a été accompagné·e par',
		labelEn: 'mentored by',
		inverseLabelEn: 'mentored',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'hosted_by',
		label: 'hébergé·e par',
		inverseLabel: 'a hébergé',
		presentLabel: 'est hébergé·e par',
		pastLabel: 'a été hébergé·e par',
		labelEn: 'hosted by',
		inverseLabelEn: 'hosted',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'trained_by',
		label: 'formé·e par',
		inverseLabel: 'a formé',
		presentLabel: 'est formé·e par',
		pastLabel: 'a été formé·e par',
		labelEn: 'trained by',
		inverseLabelEn: 'trained',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'spin_off_of',
		label: 'essaimé·e de',
		inverseLabel: 'a essaimé',
		presentLabel: 'est essaimé·e de',
		pastLabel: 'a été essaimé·e de',
		labelEn: 'spin-off of',
		inverseLabelEn: 'spun off',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'partner_of',
		label: 'partenaire de',
		inverseLabel: 'partenaire de',
		presentLabel: 'est partenaire de',
		pastLabel: 'a été partenaire de',
		labelEn: 'partner of',
		inverseLabelEn: 'partner of',
		pathwayStep: false,
		symmetric: true
	},
	{
		code: 'organises',
		label: 'organise',
		inverseLabel: 'organisé par',
		presentLabel: 'organise',
		pastLabel: 'a organisé',
		labelEn: 'organises',
		inverseLabelEn: 'organised by',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'participates_in',
		label: 'participe à',
		inverseLabel: 'a pour participant·e',
		presentLabel: 'participe à',
		pastLabel: 'a participé à',
		labelEn: 'takes part in',
		inverseLabelEn: 'has as a participant',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'takes_place_at',
		label: 'a lieu à',
		inverseLabel: 'accueille',
		presentLabel: 'a lieu à',
		pastLabel: 'a eu lieu à',
		labelEn: 'takes place at',
		inverseLabelEn: 'hosts',
		pathwayStep: false,
		symmetric: false
	}
];

export const ENTITY_STATUSES = ['draft', 'published', 'archived'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export const COORD_PRECISIONS = ['address', 'commune', 'manual'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

/** How one attends an event: on site is the default (null in the table). */
export const EVENT_ATTENDANCES = ['on_site', 'online', 'hybrid'] as const;
export type EventAttendance = (typeof EVENT_ATTENDANCES)[number];

export const CONFIRMATION_STATES = ['declared', 'confirmed', 'disputed'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

export const TERRITORY_KINDS = ['region', 'departement', 'epci', 'commune'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
export const territoryKindLabels: Record<TerritoryKind, string> = {
	region: 'Région',
	departement: 'Département',
	epci: 'Intercommunalité',
	commune: 'Commune'
};
export const territoryKindLabelsEn: Record<TerritoryKind, string> = {
	region: 'Region',
	departement: 'Département',
	epci: 'Intercommunality',
	commune: 'Commune'
};

const index = <T extends Term>(list: T[]) => new Map(list.map((t) => [t.code, t]));
const kindIndex = index(kindTerms);
const categoryIndex = index(categoryTerms);
const sectorIndex = index(sectorTerms);
const stageIndex = index(stageTerms);
const offerIndex = index(offerTerms);
const relationIndex = index(relationTypeTerms);

const label =
	<C extends string>(idx: Map<C, Term<C>>, locale: Locale) =>
	(code: string) => {
		const term = idx.get(code as C);
		return term ? (locale === 'en' ? term.labelEn : term.label) : code;
	};
const labelsIn = (locale: Locale) => ({
	kind: label(kindIndex, locale),
	category: label(categoryIndex, locale),
	sector: label(sectorIndex, locale),
	stage: label(stageIndex, locale),
	offer: label(offerIndex, locale)
});
const VOCABULARY = { fr: labelsIn('fr'), en: labelsIn('en') };
/** The vocabulary's labels in a language (an unknown code is shown as it is): `vocabularyIn('en').stage('creation')`. */
export const vocabularyIn = (locale: Locale) => VOCABULARY[locale];
export const kindLabel = vocabularyIn('fr').kind;
export const categoryLabel = vocabularyIn('fr').category;
export const sectorLabel = vocabularyIn('fr').sector;
export const stageLabel = vocabularyIn('fr').stage;
export const offerLabel = vocabularyIn('fr').offer;
export const relationType = (code: string) => relationIndex.get(code as RelationType);
export const relationLabel = (code: string) => relationIndex.get(code as RelationType)?.label ?? code;
export const categoryKind = (code: string) => categoryIndex.get(code)?.kind;
