/**
 * The query parameters' descriptions are written in French on the schemas the endpoints validate with; this
 * table gives each of them as a message, so the documentation can say it in English too (its French is the
 * schema's own, which a test checks).
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Words } from './registry';

const PARAM_WORDS = new Map<string, Words>([
	['Langue des descriptions : fr (par défaut) ou en.', m.server_api_param_lang],
	['Langue des noms de colonnes et des libellés : fr (par défaut) ou en.', m.server_api_param_file_lang],
	['Type d’acteur ; répétable (l’un ou l’autre).', m.server_api_param_kind_1],
	['Niveau de territoire ; sans lui, tous les niveaux.', m.server_api_param_kind_2],
	['Catégorie d’acteur (incubateur, startup, tiers-lieu…) ; répétable.', m.server_api_param_category],
	['Secteur d’activité ; répétable.', m.server_api_param_sector_1],
	['Secteur d’activité des projets.', m.server_api_param_sector_2],
	['Secteur d’activité du projet ; répétable.', m.server_api_param_sector_3],
	['Stade de projet (accompagné par la structure, ou atteint par le projet) ; répétable.', m.server_api_param_stage_1],
	['Stade actuel du projet : l’itinéraire part de l’étape suivante.', m.server_api_param_stage_2],
	['Offre d’accompagnement proposée (hébergement, financement…) ; répétable.', m.server_api_param_offer],
	['Acteur cité (identifiant ou slug) : ses articles seulement.', m.server_api_param_entity_articles],
	['Territoire : code de département (63), SIREN d’EPCI (9 chiffres) ou code INSEE de commune (5 caractères).', m.server_api_param_territory],
	[
		'Couverture presse : `none`, les acteurs qu’aucun article confirmé ne cite (les angles morts) ; `covered`, ceux qu’au moins un cite.',
		m.server_api_param_press
	],
	['Texte cherché dans les noms, descriptions et mots-clés des acteurs (insensible aux accents).', m.server_api_param_q_1],
	['Texte cherché (mots entiers ; le dernier mot peut être un début de mot).', m.server_api_param_q_2],
	['Nom de la commune (ou son début), code postal ou code INSEE (ou leur début).', m.server_api_param_q_3],
	['Nombre d’acteurs par page.', m.server_api_param_limit_1],
	['Nombre de résultats rendus.', m.server_api_param_limit_2],
	['Nombre de communes rendues (un code postal complet rend toujours toutes ses communes).', m.server_api_param_limit_3],
	[
		'Nombre maximal d’acteurs : les plus reliés d’abord (l’acteur de `focus` reste) ; 2000 sans `limit`, 20000 au plus ; `truncated` dit si des acteurs ont été laissés.',
		m.server_api_param_limit_4
	],
	['Curseur de la page suivante : la valeur `next` de la réponse précédente.', m.server_api_param_cursor],
	['Nombre de résultats à sauter (pagination).', m.server_api_param_offset],
	['Maille : départements ou EPCI.', m.server_api_param_level_1],
	['Regrouper les étapes par catégorie de structure ou par structure.', m.server_api_param_level_2],
	['Mesure des classes : nombre d’acteurs (count) ou taux pour 10 000 habitants (rate).', m.server_api_param_measure],
	['Code INSEE de la commune au centre du cercle.', m.server_api_param_commune_1],
	['Code INSEE de la commune du projet : les distances partent de son centre.', m.server_api_param_commune_2],
	['Rayon du cercle, en kilomètres.', m.server_api_param_radiuskm],
	['Code d’un territoire englobant : ne garder que les territoires qu’il contient.', m.server_api_param_parent],
	['Un seul territoire, par son code (son contour pour une petite carte).', m.server_api_param_code_1],
	['Pour leaving : territoire d’origine, code de département ou SIREN d’EPCI.', m.server_api_param_code_2],
	['outline : le contour quand il est connu, sinon le point ; point : le point seul (étiquettes, léger).', m.server_api_param_geometry],
	['Type de relation gardé ; répétable (l’un ou l’autre). Sans lui, toutes les relations.', m.server_api_param_type],
	['Année : seules les relations en cours cette année-là.', m.server_api_param_year],
	['1 (ou true) : seules les relations confirmées par l’autre partie.', m.server_api_param_confirmed],
	['Identifiant ou slug d’un acteur : ne garder que son voisinage.', m.server_api_param_focus],
	['Avec `focus` : profondeur du voisinage, en nombre de relations.', m.server_api_param_depth],
	['1 (ou true) : sans les acteurs qui n’ont aucune relation dans la vue (l’acteur de `focus` reste).', m.server_api_param_connected],
	['Regroupement : communautés (community), EPCI, départements (departement) ou catégories (category).', m.server_api_param_group_by],
	['Groupes ouverts : leurs membres sont dessinés un à un ; répétable.', m.server_api_param_group_open],
	['Acteurs à montrer un à un (les étapes d’un chemin) : leur groupe est ouvert ; répétable.', m.server_api_param_group_reveal],
	['Premier acteur : identifiant ou slug.', m.server_api_param_a],
	['Second acteur : identifiant ou slug.', m.server_api_param_b],
	['Acteur de départ : identifiant ou slug.', m.server_api_param_from_1],
	['Début de la période : étapes commencées cette année-là ou après.', m.server_api_param_from_2],
	['Acteur d’arrivée : identifiant ou slug.', m.server_api_param_to_1],
	['Fin de la période : étapes commencées cette année-là ou avant.', m.server_api_param_to_2],
	['Nombre de chemins cherchés, les plus courts d’abord.', m.server_api_param_k],
	['Premier jour (AAAA-MM-JJ, heure de Paris).', m.server_api_param_agenda_from],
	['Dernier jour compris (AAAA-MM-JJ, heure de Paris).', m.server_api_param_agenda_to],
	['Les événements passés (archive), du plus récent au plus ancien.', m.server_api_param_agenda_past],
	['1 : les événements gratuits seulement.', m.server_api_param_agenda_free],
	['on_site : sur place (ou les deux) ; online : en ligne (ou les deux).', m.server_api_param_agenda_attendance],
	['Adresse (slug) d’un acteur : ses événements seulement (qu’il organise, accueille ou auxquels il s’associe).', m.server_api_param_agenda_organiser],
	['Dates par page (1 à 200, 50 par défaut).', m.server_api_param_agenda_limit],
	['Dates à sauter (la valeur `next` de la page précédente).', m.server_api_param_agenda_offset],
	['Nombre maximal de relations par chemin.', m.server_api_param_maxhops],
	['Startup, entreprise ou entrepreneur·e : identifiant ou slug.', m.server_api_param_entity],
	['Département d’origine des projets (code de leur commune).', m.server_api_param_departement],
	['EPCI d’origine des projets (SIREN à 9 chiffres).', m.server_api_param_epci],
	[
		'Chiffre dont on veut les projets : transition (from_key → to_key), first (première étape key), reached (étape de rang rank atteinte : key), arrived ou stuck (goulet key), leaving (territoire code), all (tous les projets).',
		m.server_api_param_figure
	],
	['Pour transition : étape de départ, catégorie (code) ou structure (s suivi de son identifiant), selon level.', m.server_api_param_from_key],
	['Pour transition : étape d’arrivée, catégorie (code) ou structure (s suivi de son identifiant), selon level.', m.server_api_param_to_key],
	['Rang de l’étape (1 à 4, 4 = quatrième et au-delà) : pour reached, et pour transition la bande du diagramme partant de ce rang.', m.server_api_param_rank],
	['Étape : catégorie (code) ou structure (s suivi de son identifiant), selon level. Pour first, reached, arrived et stuck.', m.server_api_param_key],
	['Besoin d’accompagnement (financement, hébergement…) ; répétable.', m.server_api_param_need],
	['Ajouter les contours des départements ou des EPCI (propriété kind = territory).', m.server_api_param_territories]
]);

/** A parameter's description in `locale`; one the table does not know yet stays as the schema writes it. */
export function paramDescription(schemaText: string, locale: Locale): string {
	return PARAM_WORDS.get(schemaText)?.({}, { locale }) ?? schemaText;
}
