import { describe, expect, it } from 'vitest';
import { categoryTerms, kindTerms, offerTerms, relationTypeTerms, sectorTerms, stageTerms, vocabularyIn, kindLabel } from './vocabulary';

describe('the vocabulary in English', () => {
	it('names every kind, category, stage, offer, sector and relation type, each once per list', () => {
		for (const list of [kindTerms, categoryTerms, stageTerms, offerTerms, sectorTerms, relationTypeTerms]) {
			const labels = list.map((t) => t.labelEn);
			expect(labels.every((l) => l.trim().length > 0)).toBe(true);
			expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
		}
		expect(relationTypeTerms.every((t) => t.inverseLabelEn.trim().length > 0)).toBe(true);
	});

	it('gives the label of the language asked, French by default, and the code for an unknown one', () => {
		expect(vocabularyIn('en').stage('creation')).toBe('Launch');
		expect(vocabularyIn('en').category('rural_third_place')).toBe('Rural third place');
		expect(vocabularyIn('fr').offer('funding')).toBe('Financement');
		expect(kindLabel('third_place')).toBe('Tiers-lieu');
		expect(vocabularyIn('en').sector('space_mining')).toBe('space_mining');
	});
});
