/**
 * The text encodings the importer knows, and their names for an editor: a module of its own, without the
 * detector's libraries, so that the import pages can name them without shipping chardet and iconv-lite.
 */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'cp850', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The encodings an editor can choose from on the page and with `--encoding`. */
export const CHOOSABLE_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'cp850'] as const satisfies readonly TextEncoding[];

/** Guillemets hold their words with no-break spaces, so a phone never wraps a lone « at a line's end. */
export const encodingLabels: Record<TextEncoding, string> = {
	'utf-8': 'UTF-8',
	'windows-1252': 'Windows-1252 (Excel «\u00a0CSV séparateur point-virgule\u00a0»)',
	'iso-8859-15': 'ISO-8859-15 (Latin-9)',
	cp850: 'DOS 850 (Excel «\u00a0CSV (MS-DOS)\u00a0»)',
	'utf-16le': 'UTF-16 (Excel «\u00a0Texte Unicode\u00a0»)',
	'utf-16be': 'UTF-16 gros-boutiste'
};
