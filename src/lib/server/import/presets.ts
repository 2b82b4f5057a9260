import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { categoryKind } from '$lib/domain/vocabulary';
import { IMPORT_FIELDS } from '$lib/import/fields';

/*
 * Known open-data shapes (the ANCT « lieux de médiation numérique » standard, fablabs.io, GoGoCarto, our own
 * exports) as mapping files in data/import-presets/, not code: which column feeds which field, what their
 * category words mean, the default category. The editor picks one on /admin/import or with --preset.
 */

export const PRESETS_DIR = 'data/import-presets';

const knownCategory = z.string().refine((c) => categoryKind(c) !== undefined, { error: (i) => `catégorie inconnue « ${String(i.input)} »` });

export const presetSchema = z.object({
	$comment: z.string().optional(),
	id: z.string().regex(/^[a-z0-9-]+$/, { error: 'identifiant en minuscules, chiffres et tirets' }),
	label: z.string().trim().min(1).max(80),
	description: z.string().trim().max(400).default(''),
	/** Where the format is described (schema page, API documentation). */
	source: z.url().optional(),
	/** Column as the file names it (dotted for nested JSON: `geo.latitude`) → field, or null to leave it out. */
	columns: z
		.record(
			z.string().min(1),
			z.enum(IMPORT_FIELDS, { error: (i) => `champ inconnu « ${String(i.input)} » (champs : ${IMPORT_FIELDS.join(', ')})` }).nullable()
		)
		.default({}),
	/** The source's category words → our categories; null: a kind of place the directory does not list. */
	values: z.object({ category: z.record(z.string().trim().min(1), knownCategory.nullable()).default({}) }).default({ category: {} }),
	defaults: z.object({ category: knownCategory.nullish() }).default({})
});
export type ImportPreset = z.infer<typeof presetSchema>;

/** Every preset of the folder, validated, sorted by label; a broken file stops with its name and the reason. */
export function readPresets(dir = PRESETS_DIR): ImportPreset[] {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort();
	const presets = files.map((f) => {
		let raw: unknown;
		try {
			raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
		} catch (e) {
			throw new Error(`Préréglage d'import illisible (${f}) : ${(e as Error).message}`, { cause: e });
		}
		const parsed = presetSchema.safeParse(raw);
		if (!parsed.success)
			throw new Error(`Préréglage d'import invalide (${f}) : ${parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
		if (`${parsed.data.id}.json` !== f) throw new Error(`Préréglage d'import ${f} : son identifiant « ${parsed.data.id} » doit être le nom du fichier`);
		return parsed.data;
	});
	return presets.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

export function presetById(id: string, dir = PRESETS_DIR): ImportPreset | undefined {
	return readPresets(dir).find((p) => p.id === id);
}

/** What a page or the command line lists. */
export const presetChoices = (dir = PRESETS_DIR) => readPresets(dir).map(({ id, label, description }) => ({ id, label, description }));
