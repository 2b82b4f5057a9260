import { describe, expect, it } from 'vitest';
import { normalizePlaceName, samePlaceName } from './place-name';

describe('normalizePlaceName', () => {
	it('ignores accents, case, hyphens and apostrophes', () => {
		expect(normalizePlaceName('Puy-de-Dôme')).toBe('puy de dome');
		expect(normalizePlaceName("Châteauneuf-d'Allier")).toBe('chateauneuf d allier');
		expect(normalizePlaceName('  MONTLUÇON ')).toBe('montlucon');
	});

	it('abbreviates saint and sainte the same way whatever the source', () => {
		expect(normalizePlaceName('Saint-Flour')).toBe('st flour');
		expect(samePlaceName('Saint-Flour', 'St Flour')).toBe(true);
		expect(samePlaceName('Sainte-Anastasie', 'Ste-Anastasie')).toBe(true);
		expect(samePlaceName('Saint-Flour', 'Sainte-Flour')).toBe(false);
	});

	it('expands ligatures and keeps digits', () => {
		expect(normalizePlaceName('Cœur 2')).toBe('coeur 2');
	});

	it('does not abbreviate a word that merely starts with saint', () => {
		expect(normalizePlaceName('Saintes')).toBe('saintes');
		expect(normalizePlaceName('Saintonge')).toBe('saintonge');
	});
});
