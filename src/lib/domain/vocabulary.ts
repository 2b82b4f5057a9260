/**
 * The product's vocabulary (see DOMAIN.md): codes in English, labels in French.
 * Everything that names a kind, category, relation type, stage, offer or sector reads it from here,
 * so the map, the graph, the forms, the importer and the API agree.
 */

export interface Term<C extends string = string> {
	code: C;
	label: string;
}

const terms = <C extends string>(list: readonly (readonly [C, string])[]): Term<C>[] => list.map(([code, label]) => ({ code, label }));

export const ENTITY_KINDS = ['person', 'organisation', 'third_place', 'event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const kindTerms: Term<EntityKind>[] = terms([
	['person', 'Personne'],
	['organisation', 'Organisation'],
	['third_place', 'Tiers-lieu'],
	['event', 'Événement']
]);

export const kindPluralLabels: Record<EntityKind, string> = {
	person: 'Personnes',
	organisation: 'Organisations',
	third_place: 'Tiers-lieux',
	event: 'Événements'
};

export const categoriesByKind: Record<EntityKind, Term[]> = {
	person: terms([
		['entrepreneur', 'Entrepreneur·e'],
		['researcher', 'Chercheur·e'],
		['mentor', 'Mentor'],
		['investor', 'Investisseur·e'],
		['elected', 'Élu·e'],
		['journalist', 'Journaliste']
	]),
	organisation: terms([
		['startup', 'Startup'],
		['company', 'Entreprise'],
		['large_company', 'Grand groupe'],
		['lab', 'Laboratoire'],
		['university', 'Enseignement supérieur'],
		['incubator', 'Incubateur'],
		['accelerator', 'Accélérateur'],
		['funder', 'Financeur'],
		['public_body', 'Collectivité / organisme public'],
		['support_network', "Réseau d'accompagnement"],
		['cluster', 'Pôle / cluster'],
		['association', 'Association'],
		['media', 'Média']
	]),
	third_place: terms([
		['coworking', 'Espace de coworking'],
		['fablab', 'Fablab'],
		['living_lab', 'Living lab'],
		['makerspace', 'Atelier partagé'],
		['rural_third_place', 'Tiers-lieu rural'],
		['incubation_space', 'Pépinière']
	]),
	event: terms([
		['meetup', 'Rencontre'],
		['conference', 'Conférence'],
		['hackathon', 'Hackathon'],
		['training', 'Formation'],
		['pitch', 'Concours / pitch']
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
	['emergence', "Émergence : l'idée"],
	['creation', 'Création'],
	['development', 'Développement : premiers clients'],
	['growth', "Croissance / changement d'échelle"]
]);

export const OFFERS = ['hosting', 'funding', 'mentoring', 'training', 'networking', 'equipment', 'expertise', 'market_access'] as const;
export type Offer = (typeof OFFERS)[number];
export const offerTerms: Term<Offer>[] = terms([
	['hosting', 'Hébergement'],
	['funding', 'Financement'],
	['mentoring', 'Accompagnement / mentorat'],
	['training', 'Formation'],
	['networking', 'Mise en réseau'],
	['equipment', 'Équipements / prototypage'],
	['expertise', 'Expertise technique ou juridique'],
	['market_access', 'Accès au marché']
]);

/** Sectors are extensible: add a line here (code in English, label in French). */
export const sectorTerms: Term[] = terms([
	['agrifood', 'Agroalimentaire'],
	['health', 'Santé'],
	['digital', 'Numérique'],
	['mobility', 'Mobilité'],
	['industry', 'Industrie'],
	['materials', 'Matériaux'],
	['energy_environment', 'Énergie & environnement'],
	['tourism', 'Tourisme'],
	['culture_media', 'Culture & médias'],
	['social_economy', 'Économie sociale et solidaire'],
	['education', 'Éducation'],
	['sport', 'Sport']
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
	/** The label in a sentence about a current relation: « X est incubé·e par Y (depuis 2021) ». */
	presentLabel: string;
	/** The label in a sentence about a past relation: « X a été incubé·e par Y (de 2019 à 2020) ». */
	pastLabel: string;
	pathwayStep: boolean;
	symmetric: boolean;
}

export const relationTypeTerms: RelationTypeTerm[] = [
	{ code: 'founded', label: 'a fondé', inverseLabel: 'fondé·e par', presentLabel: 'a fondé', pastLabel: 'a fondé', pathwayStep: true, symmetric: false },
	{
		code: 'works_at',
		label: 'travaille à',
		inverseLabel: 'emploie',
		presentLabel: 'travaille à',
		pastLabel: 'a travaillé à',
		pathwayStep: false,
		symmetric: false
	},
	{ code: 'leads', label: 'dirige', inverseLabel: 'dirigé·e par', presentLabel: 'dirige', pastLabel: 'a dirigé', pathwayStep: false, symmetric: false },
	{
		code: 'member_of',
		label: 'membre de',
		inverseLabel: 'compte parmi ses membres',
		presentLabel: 'est membre de',
		pastLabel: 'a été membre de',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'incubated_by',
		label: 'incubé·e par',
		inverseLabel: 'a incubé',
		presentLabel: 'est incubé·e par',
		pastLabel: 'a été incubé·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'accelerated_by',
		label: 'accéléré·e par',
		inverseLabel: 'a accéléré',
		presentLabel: 'est accéléré·e par',
		pastLabel: 'a été accéléré·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'funded_by',
		label: 'financé·e par',
		inverseLabel: 'a financé',
		presentLabel: 'est financé·e par',
		pastLabel: 'a été financé·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'mentored_by',
		label: 'accompagné·e par',
		inverseLabel: 'a accompagné',
		presentLabel: 'est accompagné·e par',
		pastLabel: 'a été accompagné·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'hosted_by',
		label: 'hébergé·e par',
		inverseLabel: 'a hébergé',
		presentLabel: 'est hébergé·e par',
		pastLabel: 'a été hébergé·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'trained_by',
		label: 'formé·e par',
		inverseLabel: 'a formé',
		presentLabel: 'est formé·e par',
		pastLabel: 'a été formé·e par',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'spin_off_of',
		label: 'essaimé·e de',
		inverseLabel: 'a essaimé',
		presentLabel: 'est essaimé·e de',
		pastLabel: 'a été essaimé·e de',
		pathwayStep: true,
		symmetric: false
	},
	{
		code: 'partner_of',
		label: 'partenaire de',
		inverseLabel: 'partenaire de',
		presentLabel: 'est partenaire de',
		pastLabel: 'a été partenaire de',
		pathwayStep: false,
		symmetric: true
	},
	{
		code: 'organises',
		label: 'organise',
		inverseLabel: 'organisé par',
		presentLabel: 'organise',
		pastLabel: 'a organisé',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'participates_in',
		label: 'participe à',
		inverseLabel: 'a pour participant·e',
		presentLabel: 'participe à',
		pastLabel: 'a participé à',
		pathwayStep: false,
		symmetric: false
	},
	{
		code: 'takes_place_at',
		label: 'a lieu à',
		inverseLabel: 'accueille',
		presentLabel: 'a lieu à',
		pastLabel: 'a eu lieu à',
		pathwayStep: false,
		symmetric: false
	}
];

export const ENTITY_STATUSES = ['draft', 'published', 'archived'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export const COORD_PRECISIONS = ['address', 'commune', 'manual'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

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

const index = <T extends Term>(list: T[]) => new Map(list.map((t) => [t.code, t]));
const kindIndex = index(kindTerms);
const categoryIndex = index(categoryTerms);
const sectorIndex = index(sectorTerms);
const stageIndex = index(stageTerms);
const offerIndex = index(offerTerms);
const relationIndex = index(relationTypeTerms);

export const kindLabel = (code: string) => kindIndex.get(code as EntityKind)?.label ?? code;
export const categoryLabel = (code: string) => categoryIndex.get(code)?.label ?? code;
export const sectorLabel = (code: string) => sectorIndex.get(code)?.label ?? code;
export const stageLabel = (code: string) => stageIndex.get(code as Stage)?.label ?? code;
export const offerLabel = (code: string) => offerIndex.get(code as Offer)?.label ?? code;
export const relationType = (code: string) => relationIndex.get(code as RelationType);
export const relationLabel = (code: string) => relationIndex.get(code as RelationType)?.label ?? code;
export const categoryKind = (code: string) => categoryIndex.get(code)?.kind;
