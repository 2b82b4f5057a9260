import { describe, expect, it } from 'vitest';
import { BREAKABLE_FRENCH_SPACING, frenchPunctuationSpaces } from './typography';

const shown = (text: string) => text.replaceAll('\u00a0', '⍽');

describe('frenchPunctuationSpaces', () => {
	it('puts a no-break space before « : ; ! ? » typed with a plain space or none', () => {
		expect(shown(frenchPunctuationSpaces('Filtrer : par secteur ; par stade'))).toBe('Filtrer⍽: par secteur⍽; par stade');
		expect(shown(frenchPunctuationSpaces('Par où commencer ?'))).toBe('Par où commencer⍽?');
		expect(shown(frenchPunctuationSpaces('Bienvenue!'))).toBe('Bienvenue⍽!');
		expect(shown(frenchPunctuationSpaces('Exemple :'))).toBe('Exemple⍽:');
	});
	it('puts one inside « », whatever was typed', () => {
		expect(shown(frenchPunctuationSpaces('la fiche « {name} » est publiée'))).toBe('la fiche «⍽{name}⍽» est publiée');
		expect(shown(frenchPunctuationSpaces('«{text}»'))).toBe('«⍽{text}⍽»');
		expect(shown(frenchPunctuationSpaces('«\u00a0déjà\u00a0»'))).toBe('«⍽déjà⍽»');
	});
	it('leaves what is not punctuation alone: addresses, times, codes, the narrow no-break space', () => {
		for (const text of ['https://www.le-connecteur.fr/?p=2', '10:30', 'at=45.77,3.08,9.5', 'a\u202f?']) expect(frenchPunctuationSpaces(text)).toBe(text);
	});
	it('is stable: applied twice it changes nothing more', () => {
		const once = frenchPunctuationSpaces('« Thiers » : 3 structures ! Et ensuite ?');
		expect(frenchPunctuationSpaces(once)).toBe(once);
		expect(BREAKABLE_FRENCH_SPACING.test(once)).toBe(false);
	});
	it('the check refuses the plain-space and glued forms', () => {
		for (const text of ['Filtrer : oui', 'Filtrer: oui', '« Thiers »', 'Pourquoi ?']) expect(BREAKABLE_FRENCH_SPACING.test(text), text).toBe(true);
	});
});
