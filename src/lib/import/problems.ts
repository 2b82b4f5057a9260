/** One thing an import report says about one row (or about the whole file, row 1 being the header). */
export interface ImportProblem {
	/** The row a spreadsheet shows: header = 1; for JSON and GeoJSON, the line where the item starts. */
	row: number;
	/** The column as the file names it, when one is to blame. */
	column: string | null;
	/** Errors block the row (and, in strict mode, the whole import); warnings only inform. */
	severity: 'error' | 'warning';
	code: ProblemCode;
	message: string;
	/** The existing entity a probable duplicate points to. */
	link?: { href: string; label: string };
}

export type ProblemCode =
	| 'file'
	| 'encoding'
	| 'invalid'
	| 'missing_name'
	| 'unknown_kind'
	| 'unknown_category'
	| 'unknown_value'
	| 'unknown_commune'
	| 'ambiguous_commune'
	| 'commune_mismatch'
	| 'insee_repaired'
	| 'bad_coordinates'
	| 'outside_scope'
	| 'coordinates_swapped'
	| 'far_from_commune'
	| 'website_repaired'
	| 'duplicate'
	| 'duplicate_in_file'
	| 'geocoded'
	| 'geocode_fallback'
	| 'no_place'
	| 'commune_by_point'
	| 'commune_by_postcode'
	| 'commune_by_name'
	| 'unknown_relation_end'
	| 'unknown_venue';

export const problemCodeLabels: Record<ProblemCode, string> = {
	file: 'Fichier',
	encoding: 'Encodage incertain',
	invalid: 'Valeur invalide',
	missing_name: 'Nom manquant',
	unknown_kind: "Type d'acteur inconnu",
	unknown_category: 'Catégorie inconnue',
	unknown_value: 'Valeur inconnue',
	unknown_commune: 'Commune inconnue',
	ambiguous_commune: 'Commune ambiguë',
	commune_mismatch: 'Commune incohérente',
	insee_repaired: 'Code INSEE réparé',
	bad_coordinates: 'Coordonnées invalides',
	outside_scope: 'Hors du territoire',
	coordinates_swapped: 'Latitude et longitude inversées',
	far_from_commune: 'Loin de la commune',
	website_repaired: 'Site web complété',
	duplicate: 'Doublon probable',
	duplicate_in_file: 'Doublon dans le fichier',
	geocoded: 'Adresse géocodée',
	geocode_fallback: 'Centre de la commune',
	no_place: 'Sans lieu',
	commune_by_point: 'Commune trouvée par les coordonnées',
	commune_by_postcode: 'Commune trouvée par le code postal',
	commune_by_name: 'Commune trouvée par un nom approché',
	unknown_relation_end: 'Relation incomplète',
	unknown_venue: 'Lieu introuvable'
};

export const error = (row: number, column: string | null, code: ProblemCode, message: string): ImportProblem => ({
	row,
	column,
	severity: 'error',
	code,
	message
});

export const warning = (row: number, column: string | null, code: ProblemCode, message: string): ImportProblem => ({
	row,
	column,
	severity: 'warning',
	code,
	message
});
