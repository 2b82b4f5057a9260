import { describe, expect, it } from 'vitest';
import { formatMonths, formatShare, projectsLabel } from './flow-format';

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
});
