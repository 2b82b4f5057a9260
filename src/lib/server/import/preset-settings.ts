import { warning } from '$lib/import/problems';
import type { ColumnMapping } from '$lib/import/fields';
import type { RowDraft } from '$lib/import/row-entity';
import { normaliseHeader } from '$lib/import/values';
import { categoryReader, readCategoryWords, wordMap, type CategoryVerdict } from './category-words';
import { presetById, type ImportPreset } from './presets';

/*
 * How a chosen preset and the « ignorer ces catégories » choice act on one analysis: the preset's columns
 * under the editor's own mapping, its category words between the editor's choices and the shared table, and
 * rows whose category is a kind of place the directory does not list either skipped (counted apart) or
 * explained.
 */

export interface PresetChoice {
	preset?: string | null;
	/** Skip rows whose category is a kind of place the directory does not list (France Services, libraries…). */
	skipUnlisted?: boolean;
	defaults: { category?: string | null };
	values: { category: Record<string, string> };
}

export function chosenPreset(settings: PresetChoice): ImportPreset | undefined {
	if (!settings.preset) return undefined;
	const preset = presetById(settings.preset);
	if (!preset) throw new Error(`Préréglage d'import inconnu : ${settings.preset}`);
	return preset;
}

/** The preset's columns, matched to the file's headers as the usual names are (case, accents, dots aside), under the editor's mapping. */
export function presetMapping(headers: string[], chosen: ColumnMapping | null, preset: ImportPreset | undefined): ColumnMapping | null {
	if (!preset) return chosen;
	const byKey = new Map(Object.entries(preset.columns).map(([column, field]) => [normaliseHeader(column), field]));
	const fromPreset: ColumnMapping = {};
	for (const h of headers) {
		const field = byKey.get(normaliseHeader(h));
		if (field !== undefined) fromPreset[h] = field;
	}
	return { ...fromPreset, ...(chosen ?? {}) };
}

export const presetDefaultCategory = (settings: PresetChoice, preset: ImportPreset | undefined) =>
	settings.defaults.category ?? preset?.defaults.category ?? null;

export interface CategoryRules {
	/** For the row reader: the category a cell names, or null. */
	choose: (cell: string) => string | null;
	/** After the row reader: skips or explains a row whose category the directory does not list. */
	review: (draft: RowDraft, cells: Record<string, string>, mapping: ColumnMapping) => void;
}

export function categoryRules(settings: PresetChoice, preset: ImportPreset | undefined): CategoryRules {
	const read = categoryReader([wordMap(settings.values.category), wordMap(preset?.values.category ?? {}), readCategoryWords()]);
	const verdicts = new Map<string, CategoryVerdict>();
	const verdict = (cell: string) => {
		if (!verdicts.has(cell)) verdicts.set(cell, read(cell));
		return verdicts.get(cell)!;
	};
	return {
		choose: (cell) => {
			const v = verdict(cell);
			return v && 'code' in v ? v.code : null;
		},
		review: (draft, cells, mapping) => {
			// A row of another territory is ignored as such, whatever its category.
			if (draft.outside) return;
			const column = Object.keys(mapping).find((h) => mapping[h] === 'category');
			const cell = column ? (cells[column] ?? '').trim() : '';
			const v = cell ? verdict(cell) : null;
			if (!v || !('notListed' in v)) return;
			if (settings.skipUnlisted) {
				// Skipped as a whole: whatever else the row gets wrong does not matter, nor does its place.
				draft.skippedCategory = v.notListed;
				draft.problems = [];
				draft.geocode = null;
				delete draft.unknownCategory;
				return;
			}
			draft.problems = draft.problems.map((p) =>
				p.code === 'unknown_category'
					? {
							...p,
							message: `« ${cell} » : l'annuaire ne répertorie pas ce type de lieu ; cochez « ignorer ces catégories » pour laisser ces lignes de côté, ou choisissez une catégorie`
						}
					: p
			);
			if (!draft.problems.some((p) => p.code === 'unknown_category'))
				draft.problems.push(warning(draft.row, column ?? null, 'unknown_category', `« ${cell} » : type de lieu que l'annuaire ne répertorie pas`));
		}
	};
}
