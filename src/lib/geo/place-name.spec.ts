import { describe, expect, it } from 'vitest';
import { normalizePlaceName, placeNameCore, samePlaceName } from './place-name';

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

describe('placeNameCore', () => {
	it('drops the article, leading or written after the name as sorted lists do', () => {
		expect(placeNameCore('Le Mont-Dore')).toBe('mont dore');
		expect(placeNameCore('Mont-Dore (Le)')).toBe('mont dore');
		expect(placeNameCore("L'Hospitalet")).toBe('hospitalet');
		expect(placeNameCore('Lempdes')).toBe('lempdes');
		expect(placeNameCore('Les Ternes')).toBe('ternes');
	});
});
