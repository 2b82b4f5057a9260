import { categoryLabel } from '$lib/domain/vocabulary';
import { HEADER_ALIASES, IMPORT_FIELDS, importFieldLabels, NOT_IMPORTED_COLUMNS } from '$lib/import/fields';
import { CATEGORY_WORDS_FILE, readCategoryWordEntries } from './category-words';
import { PRESETS_DIR, readPresets } from './presets';

/*
 * docs/import-columns.md, generated from the tables the importer itself reads (the column names of
 * src/lib/import/fields.ts, the presets, the category words), so the documentation cannot drift from them.
 * `npm run import:doc` writes it; a test compares the committed file with a fresh one.
 */

const code = (s: string) => `\`${s}\``;

export function columnsDoc(): string {
	const lines: string[] = [
		'# Colonnes, préréglages et catégories reconnus par l’import',
		'',
		'> Généré par `npm run import:doc` depuis `src/lib/import/fields.ts`, `data/import-presets/` et',
		`> \`${CATEGORY_WORDS_FILE}\` : ne pas modifier à la main.`,
		'',
		'## Noms de colonnes',
		'',
		'Une colonne est reconnue quand son nom, une fois la casse, les accents, les espaces et la ponctuation mis de côté,',
		'est l’un des noms ci-dessous (« Code Postal », `code-postal` et `CODE_POSTAL` sont `code_postal` ; la colonne',
		'`geo.latitude` d’un JSON imbriqué est `geo_latitude`). Deux colonnes pour un même champ : la première l’emporte.',
		'Une cellule qui liste plusieurs liens (`["https://…", "…"]`, ou séparés par `;`) donne le premier site utilisable.',
		'',
		'| champ | libellé | noms reconnus |',
		'|---|---|---|'
	];
	for (const field of IMPORT_FIELDS) lines.push(`| ${code(field)} | ${importFieldLabels[field]} | ${HEADER_ALIASES[field].map(code).join(', ')} |`);
	lines.push('', 'Colonnes fréquentes que l’annuaire ne garde pas (elles sont ignorées sauf si vous les associez à un champ) :', '');
	for (const [column, why] of Object.entries(NOT_IMPORTED_COLUMNS)) lines.push(`- ${code(column)} — ${why}`);
	lines.push(
		'',
		'## Préréglages (formats connus)',
		'',
		`Fichiers de \`${PRESETS_DIR}/\` ; sur la page /admin/import en un clic, en ligne de commande \`--preset <id>\`.`,
		''
	);
	for (const p of readPresets()) {
		lines.push(`### ${p.label} (\`${p.id}\`)`, '', p.description, '');
		if (p.source) lines.push(`Format : ${p.source}`, '');
		const used = Object.entries(p.columns).filter(([, f]) => f);
		const left = Object.entries(p.columns).filter(([, f]) => !f);
		lines.push(`Colonnes : ${used.map(([c, f]) => `${code(c)} → ${code(f!)}`).join(', ')}.`, '');
		if (left.length) lines.push(`Laissées de côté : ${left.map(([c]) => code(c)).join(', ')}.`, '');
		const words = Object.entries(p.values.category);
		if (words.length) lines.push(`Catégories : ${words.map(([w, c]) => `${code(w)} → ${c ? categoryLabel(c) : 'non répertoriée'}`).join(', ')}.`, '');
		if (p.defaults.category) lines.push(`Catégorie par défaut : ${categoryLabel(p.defaults.category)}.`, '');
	}
	lines.push(
		'## Mots de catégorie',
		'',
		`Table \`${CATEGORY_WORDS_FILE}\`, modifiable : le mot d’un fichier → une catégorie de l’annuaire, ou « non répertoriée »`,
		'pour un type de lieu que l’annuaire ne recense pas. Ces lignes-là sont laissées de côté et comptées à part quand on',
		'coche « ignorer ces catégories » (`--skip-unlisted`). Une cellule qui liste plusieurs mots (`TIERS_LIEUX;FRANCE_SERVICES`)',
		'prend le premier mot répertorié. Les mots de l’annuaire lui-même (« Espace de coworking », « Fablab »…) sont toujours reconnus.',
		'',
		'| mot | catégorie |',
		'|---|---|'
	);
	for (const [word, c] of readCategoryWordEntries()) lines.push(`| ${word} | ${c ? `${categoryLabel(c)} (${code(c)})` : 'non répertoriée'} |`);
	return `${lines.join('\n')}\n`;
}
