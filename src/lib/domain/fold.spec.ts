import { describe, expect, it } from 'vitest';
import { foldAccents } from './fold';

describe('foldAccents', () => {
	it('drops case and accents, spells ligatures out, keeps punctuation for the caller', () => {
		expect(foldAccents('École Œnologie & Cæsar — Straße')).toBe('ecole oenologie & caesar — strasse');
		expect(foldAccents('Saint-Éloy-les-Mines')).toBe('saint-eloy-les-mines');
		expect(foldAccents('ÇA')).toBe('ca');
	});
});
