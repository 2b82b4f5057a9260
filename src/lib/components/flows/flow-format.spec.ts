import { describe, expect, it } from 'vitest';
import { figureWords, formatMonths, formatShare, projectsLabel } from './flow-format';

describe('flow figures in French', () => {
	it('uses French separators and plurals', () => {
		// Intl writes a narrow no-break space between thousands and before « % ».
		expect(projectsLabel(1)).toBe('1 projet');
		expect(projectsLabel(1234).replace(/\s/g, ' ')).toBe('1 234 projets');
		expect(formatMonths(7.5)).toBe('7,5 mois');
		expect(formatMonths(12)).toBe('12 mois');
		expect(formatMonths(null)).toBe('—');
		expect(formatShare(0.425).replace(/\s/g, ' ')).toBe('43 %');
	});

	it('says what a figure links to, with the territory’s article and French spacing', () => {
		expect(figureWords.territory(12, '63', 'Puy-de-Dôme')).toBe('12 projets du Puy-de-Dôme');
		expect(figureWords.leaving(1, '03', 'Allier')).toBe("1 projet de l'Allier soutenu hors de son département");
		expect(figureWords.territory(3, '200073419', 'CA du Puy-en-Velay')).toBe('3 projets de la CA du Puy-en-Velay');
		expect(figureWords.transition(2, 'Incubateur', 'Accélérateur')).toBe('2 projets passés de «\u00a0Incubateur\u00a0» à «\u00a0Accélérateur\u00a0»');
		expect(figureWords.first(1, 'Tiers-lieu rural')).toBe('1 projet commencé par «\u00a0Tiers-lieu rural\u00a0»');
	});
});
