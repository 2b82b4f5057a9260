import { categoryTerms, kindTerms, offerTerms, sectorTerms, stageTerms, type EntityKind, type Term } from '$lib/domain/vocabulary';
import { normalizePlaceName } from '$lib/geo/place-name';
import { normaliseHeader } from './values';

/** What a column of an imported file can feed. Several inputs (commune name, INSEE code, postcode) feed one place. */
export const IMPORT_FIELDS = [
	'slug',
	'name',
	'kind',
	'category',
	'summary',
	'description',
	'website',
	'siret',
	'sectors',
	'stages',
	'offers',
	'address',
	'address2',
	'postcode',
	'commune',
	'communeCode',
	'lon',
	'lat',
	'coordPrecision',
	'foundedYear',
	'startsAt',
	'endsAt',
	'email',
	'phone',
	'contactPublic',
	'lastVerifiedAt',
	'registrationUrl',
	'recurrence',
	'recurrenceExceptions',
	'price',
	'free',
	'attendance',
	'venue',
	'openingHours',
	'accessTransport',
	'accessibility',
	'equipment'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importFieldLabels: Record<ImportField, string> = {
	slug: 'Identifiant (slug)',
	name: 'Nom',
	kind: "Type d'acteur",
	category: 'Catégorie',
	summary: 'Résumé',
	description: 'Description',
	website: 'Site web',
	siret: 'SIRET',
	sectors: 'Secteurs',
	stages: 'Stades servis',
	offers: "Offres d'accompagnement",
	address: 'Adresse',
	address2: "Complément d'adresse",
	postcode: 'Code postal',
	commune: 'Commune (nom)',
	communeCode: 'Code commune INSEE',
	lon: 'Longitude',
	lat: 'Latitude',
	coordPrecision: 'Précision des coordonnées',
	foundedYear: 'Année de création',
	startsAt: 'Début (événements)',
	endsAt: 'Fin (événements)',
	email: 'E-mail',
	phone: 'Téléphone',
	contactPublic: 'Contact public (oui/non)',
	lastVerifiedAt: 'Dernière vérification',
	registrationUrl: "Lien d'inscription (événements)",
	recurrence: 'Répétition (règle RRULE, événements)',
	recurrenceExceptions: 'Dates sautées (événements)',
	price: 'Tarif (événements)',
	free: 'Gratuit (oui/non, événements)',
	attendance: 'Sur place, en ligne ou hybride (événements)',
	venue: 'Lieu (slug du tiers-lieu, événements)',
	openingHours: "Horaires d'ouverture (syntaxe OpenStreetMap, tiers-lieux)",
	accessTransport: 'Accès en transports (tiers-lieux)',
	accessibility: 'Accessibilité (tiers-lieux)',
	equipment: 'Équipements (tiers-lieux)'
};

/**
 * Column names people and open-data portals actually write, French and English, normalised (see
 * normaliseHeader: case, accents, spaces and punctuation aside; a JSON file's nested `geo.latitude` reads
 * `geo_latitude`). docs/import-columns.md is generated from this table (`npm run import:doc`) and the import
 * page shows it: add a name here, never in a second list.
 */
export const HEADER_ALIASES: Record<ImportField, string[]> = {
	slug: ['slug', 'identifiant', 'id_carto'],
	name: [
		'nom',
		'name',
		'title',
		'nom_du_lieu',
		'nom_lieu',
		'nom_de_l_organisation',
		'organisation',
		'nom_du_fablab',
		'nom_de_la_structure',
		'nom_structure',
		'structure',
		'raison_sociale',
		'denomination',
		'titre',
		'intitule',
		'nom_du_tiers_lieu',
		'nom_de_l_evenement'
	],
	kind: ['type_d_acteur', 'type_acteur', 'kind', 'nature', 'famille'],
	category: [
		'categorie',
		'category',
		'type',
		'type_de_lieu',
		'type_de_structure',
		'typologie',
		'categorie_de_lieu',
		'kind_name',
		'categories',
		'typologies',
		'type_lieu',
		'type_of_place'
	],
	summary: ['resume', 'summary', 'accroche', 'description_courte', 'en_bref', 'presentation_resume', 'blurb', 'short_description'],
	description: ['description', 'presentation', 'description_longue', 'texte', 'presentation_detail', 'long_description'],
	website: [
		'site_web',
		'site',
		'site_internet',
		'url',
		'web',
		'website',
		'lien',
		'site_web_url',
		'links',
		'liens',
		'urls',
		'sites_web',
		'site_internet_url',
		'homepage'
	],
	siret: ['siret', 'n_siret', 'numero_siret', 'no_siret', 'num_siret'],
	sectors: ['secteurs', 'secteur', 'sectors', 'secteurs_d_activite', 'secteur_d_activite', 'thematiques', 'thematique', 'filieres', 'filiere'],
	stages: ['stades', 'stade', 'stages', 'etapes', 'stades_servis', 'stade_du_projet'],
	offers: ['offres', 'offre', 'offers', 'accompagnement', 'services', 'offre_d_accompagnement', 'offres_d_accompagnement'],
	address: [
		'adresse',
		'address',
		'adresse_postale',
		'rue',
		'adresse_complete',
		'voie',
		'address_1',
		'address1',
		'adresse_1',
		'adresse1',
		'street_address',
		'streetaddress',
		'address_streetaddress',
		'adresse_voie',
		'numero_et_voie'
	],
	address2: ['complement_adresse', 'complement_d_adresse', 'address_2', 'address2', 'adresse_2', 'adresse2', 'adresse_complement', 'lieu_dit'],
	postcode: [
		'code_postal',
		'cp',
		'postcode',
		'code_postale',
		'postal_code',
		'postalcode',
		'zip',
		'zipcode',
		'zip_code',
		'address_postalcode',
		'adresse_code_postal'
	],
	commune: [
		'commune',
		'ville',
		'localite',
		'city',
		'nom_commune',
		'commune_name',
		'communename',
		'nom_de_la_commune',
		'libelle_commune',
		'town',
		'addresslocality',
		'address_addresslocality',
		'address_city',
		'adresse_commune',
		'adresse_ville'
	],
	communeCode: ['code_insee', 'insee', 'code_commune', 'codgeo', 'code_commune_insee', 'citycode', 'commune_code', 'communecode', 'com', 'code_insee_commune'],
	lon: [
		'geometrie_longitude',
		'longitude',
		'lon',
		'lng',
		'long',
		'x',
		'coord_x',
		'geo_longitude',
		'geo_lon',
		'geo_lng',
		'coordinates_longitude',
		'position_longitude',
		'localisation_longitude'
	],
	lat: [
		'geometrie_latitude',
		'latitude',
		'lat',
		'y',
		'coord_y',
		'geo_latitude',
		'geo_lat',
		'coordinates_latitude',
		'position_latitude',
		'localisation_latitude'
	],
	coordPrecision: ['coord_precision', 'coordprecision', 'precision', 'precision_des_coordonnees', 'precision_coordonnees'],
	foundedYear: [
		'annee_de_creation',
		'date_de_creation',
		'creation',
		'annee_creation',
		'founded_year',
		'foundedyear',
		'fondation',
		'date_creation',
		'annee_d_ouverture',
		'date_d_ouverture',
		'ouverture',
		'annee_ouverture'
	],
	startsAt: ['debut', 'date_de_debut', 'date', 'starts_at', 'startsat', 'date_debut', 'date_et_heure'],
	endsAt: ['fin', 'date_de_fin', 'ends_at', 'endsat', 'date_fin'],
	email: [
		'email',
		'e_mail',
		'courriel',
		'mail',
		'adresse_mail',
		'adresse_e_mail',
		'adresse_electronique',
		'contact_mail',
		'mail_contact',
		'contact_email',
		'email_de_contact',
		'courriels',
		'courriel_de_contact',
		'emails'
	],
	phone: [
		'telephone',
		'tel',
		'phone',
		'numero_de_telephone',
		'tel_fixe',
		'portable',
		'contact_telephone',
		'telephone_de_contact',
		'telephones',
		'phone_number'
	],
	contactPublic: ['contact_public', 'contact_visible', 'publier_le_contact'],
	lastVerifiedAt: [
		'derniere_verification',
		'last_verified_at',
		'lastverifiedat',
		'verifie_le',
		'mis_a_jour_le',
		'date_maj',
		'date_de_mise_a_jour',
		'date_mise_a_jour',
		'updated_at',
		'derniere_mise_a_jour'
	],
	registrationUrl: ['lien_inscription', 'lien_d_inscription', 'url_inscription', 'url_d_inscription', 'registration_url', 'registrationurl'],
	recurrence: ['repetition', 'recurrence', 'rrule', 'regle_de_repetition', 'regle_rrule'],
	recurrenceExceptions: ['dates_sautees', 'date_sautee', 'exceptions', 'exdate', 'recurrence_exceptions', 'recurrenceexceptions'],
	price: ['tarif', 'tarifs', 'prix', 'price', 'conditions_tarifaires'],
	free: ['gratuit', 'gratuite', 'free', 'entree_gratuite', 'evenement_gratuit'],
	attendance: ['participation', 'sur_place_ou_en_ligne', 'attendance', 'presentiel_ou_distanciel', 'en_ligne_ou_sur_place'],
	venue: ['lieu', 'lieu_slug', 'slug_du_lieu', 'venue', 'venue_slug', 'venueslug'],
	openingHours: ['horaires_osm', 'opening_hours', 'openinghours', 'horaires_d_ouverture_osm'],
	accessTransport: ['acces_transports', 'acces_transport', 'transports', 'transports_en_commun', 'access_transport', 'accesstransport'],
	accessibility: ['accessibilite', 'accessibility', 'accessibilite_pmr', 'acces_pmr'],
	equipment: ['equipements', 'equipement', 'equipment', 'equipments']
};

/** Columns open-data files often have that the directory does not keep (yet), with why: documented, never guessed. */
export const NOT_IMPORTED_COLUMNS: Record<string, string> = {
	horaires:
		"horaires écrits librement le plus souvent : une colonne à la syntaxe OpenStreetMap (« Mo-Fr 09:00-18:00 ») se nomme horaires_osm, ou s'associe au champ « Horaires d'ouverture »",
	image: "logo ou photo : une image ne s'importe pas (ses fichiers restent sur le serveur qui l'a reçue) ; on l'ajoute depuis le formulaire de la fiche",
	image_alt: "texte alternatif du logo ou de la photo : l'image ne s'importe pas, son texte non plus",
	id: "identifiant propre à la source : l'annuaire donne le sien (slug)",
	pivot: "SIRET ou RNA du schéma ANCT : un numéro RNA n'est pas un SIRET",
	structure_parente: 'structure parente (schéma ANCT) : à relier à la main par une relation',
	country_code: "pays : l'annuaire couvre des départements français",
	services: "services de médiation numérique (schéma ANCT) : pas nos offres d'accompagnement ; le préréglage ANCT les laisse de côté"
};

const aliasIndex = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [alias, field] as const)));

export type ColumnMapping = Record<string, ImportField | null>;

/** The field a header most likely means, or null (the column is ignored unless someone maps it). */
export function guessField(header: string): ImportField | null {
	return aliasIndex.get(normaliseHeader(header)) ?? null;
}

/** One field per column at most, first column wins, so "Commune" and "Ville" never both feed the commune. */
export function guessMapping(headers: string[]): ColumnMapping {
	const used = new Set<ImportField>();
	const mapping: ColumnMapping = {};
	for (const header of headers) {
		const field = guessField(header);
		mapping[header] = field && !used.has(field) ? field : null;
		if (field) used.add(field);
	}
	return mapping;
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary: codes, French labels and the words spreadsheets use instead.

const valueKey = (s: string) => normalizePlaceName(s.replace(/·e\b/g, ''));

function termIndex<T extends Term>(list: T[], synonyms: Record<string, string> = {}) {
	const map = new Map<string, string>();
	for (const t of list) {
		map.set(valueKey(t.code), t.code);
		map.set(valueKey(t.label), t.code);
		// « Émergence : l'idée » is also written « Émergence ».
		const short = t.label.split(/[:/(]/)[0] ?? '';
		if (short.trim()) map.set(valueKey(short), t.code);
	}
	for (const [word, code] of Object.entries(synonyms)) map.set(valueKey(word), code);
	return map;
}

const CATEGORY_SYNONYMS: Record<string, string> = {
	coworking: 'coworking',
	'co-working': 'coworking',
	'espace coworking': 'coworking',
	'bureaux partagés': 'coworking',
	'bureau partagé': 'coworking',
	'fab lab': 'fablab',
	'fab-lab': 'fablab',
	'laboratoire de fabrication': 'fablab',
	'atelier partagé': 'makerspace',
	'ateliers partagés': 'makerspace',
	hackerspace: 'makerspace',
	'repair café': 'makerspace',
	livinglab: 'living_lab',
	'tiers-lieu rural': 'rural_third_place',
	'tiers lieu rural': 'rural_third_place',
	'pépinière d’entreprises': 'incubation_space',
	"pépinière d'entreprises": 'incubation_space',
	"hôtel d'entreprises": 'incubation_space',
	'start-up': 'startup',
	'jeune pousse': 'startup',
	pme: 'company',
	tpe: 'company',
	eti: 'company',
	société: 'company',
	labo: 'lab',
	université: 'university',
	école: 'university',
	incubateur: 'incubator',
	accélérateur: 'accelerator',
	collectivité: 'public_body',
	cluster: 'cluster',
	'pôle de compétitivité': 'cluster',
	réseau: 'support_network',
	asso: 'association',
	média: 'media',
	financeur: 'funder',
	conférence: 'conference',
	meetup: 'meetup',
	atelier: 'training',
	concours: 'pitch',
	pitch: 'pitch'
};
const KIND_SYNONYMS: Record<string, string> = {
	personne: 'person',
	individu: 'person',
	structure: 'organisation',
	entreprise: 'organisation',
	'tiers lieux': 'third_place',
	'tiers-lieux': 'third_place',
	lieu: 'third_place',
	événement: 'event',
	evenement: 'event',
	évènement: 'event'
};

const kinds = termIndex(kindTerms, KIND_SYNONYMS);
const categories = termIndex(categoryTerms, CATEGORY_SYNONYMS);
const sectors = termIndex(sectorTerms, {
	'agri-food': 'agrifood',
	agriculture: 'agrifood',
	alimentation: 'agrifood',
	'e-santé': 'health',
	'santé / bien-être': 'health',
	digital: 'digital',
	informatique: 'digital',
	tech: 'digital',
	industrie: 'industry',
	énergie: 'energy_environment',
	environnement: 'energy_environment',
	transition: 'energy_environment',
	culture: 'culture_media',
	médias: 'culture_media',
	ess: 'social_economy',
	'économie sociale': 'social_economy',
	formation: 'education',
	tourisme: 'tourism'
});
const stages = termIndex(stageTerms, {
	idée: 'emergence',
	amorçage: 'emergence',
	croissance: 'growth',
	'changement d’échelle': 'growth',
	lancement: 'creation'
});
const offers = termIndex(offerTerms, {
	hébergement: 'hosting',
	financement: 'funding',
	mentorat: 'mentoring',
	réseau: 'networking',
	équipement: 'equipment',
	prototypage: 'equipment',
	expertise: 'expertise',
	marché: 'market_access'
});

export const resolveKind = (value: string) => (kinds.get(valueKey(value)) as EntityKind | undefined) ?? null;
export const resolveCategory = (value: string) => categories.get(valueKey(value)) ?? null;
export const resolveSector = (value: string) => sectors.get(valueKey(value)) ?? null;
export const resolveStage = (value: string) => stages.get(valueKey(value)) ?? null;
export const resolveOffer = (value: string) => offers.get(valueKey(value)) ?? null;
