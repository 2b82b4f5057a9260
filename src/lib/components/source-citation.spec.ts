import { describe, expect, it } from 'vitest';
import { shortUrl, sourceParts } from './source-citation';

describe('sourceParts', () => {
	it('keeps a plain citation as text', () => {
		expect(sourceParts('Le Connecteur, portrait, février 2025')).toEqual([{ text: 'Le Connecteur, portrait, février 2025' }]);
	});
	it('turns a bare URL into a link', () => {
		expect(sourceParts('https://example.org/a')).toEqual([{ url: 'https://example.org/a' }]);
	});
	it('links the URL inside a citation and leaves its punctuation outside', () => {
		expect(sourceParts("Rapport d'activité 2024, https://example.org/r-2024. Voir aussi")).toEqual([
			{ text: "Rapport d'activité 2024, " },
			{ url: 'https://example.org/r-2024' },
			{ text: '. Voir aussi' }
		]);
	});
	it('shortens a URL for display', () => {
		expect(shortUrl('https://www.example.org/le-connecteur/2025/x/')).toBe('example.org/le-connecteur/2025/x');
	});
});
