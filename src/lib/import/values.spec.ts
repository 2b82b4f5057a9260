import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	normaliseHeader,
	normaliseName,
	normaliseSiret,
	normaliseWebsite,
	parseDateTime,
	parseDecimal,
	parseYear,
	repairInsee,
	splitList,
	websiteKey
} from './values';

describe('parseDecimal', () => {
	it('reads decimal commas and points', () => {
		expect(parseDecimal('45,7797')).toBe(45.7797);
		expect(parseDecimal('45.7797')).toBe(45.7797);
		expect(parseDecimal(' 3,08 ')).toBe(3.08);
		expect(parseDecimal('-0,5')).toBe(-0.5);
		expect(parseDecimal('12')).toBe(12);
	});
	it('reads French thousands separators', () => {
		expect(parseDecimal('1 234,5')).toBe(1234.5);
		expect(parseDecimal('1\u00a0234,5')).toBe(1234.5);
		expect(parseDecimal('1\u202f234\u202f567')).toBe(1234567);
	});
	it('refuses anything else', () => {
		for (const s of ['', ' ', 'abc', '1.234,5', '12 34', '1e5', 'NaN', 'Infinity', '3,0,8', '--1', '1 2345']) {
			expect(parseDecimal(s)).toBeNull();
		}
	});
	it('never returns NaN or infinity', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 20 }), (s) => {
				const value = parseDecimal(s);
				expect(value === null || Number.isFinite(value)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('parseYear', () => {
	it('reads a year, an ISO date or a French date', () => {
		expect(parseYear('2019')).toBe(2019);
		expect(parseYear(' 2019-05-01 ')).toBe(2019);
		expect(parseYear('01/05/2019')).toBe(2019);
	});
	it('refuses anything else', () => {
		for (const s of ['', '19', '20190', 'en 2019', '31/02/2019', '2019-13-01']) {
			expect(parseYear(s)).toBeNull();
		}
	});
});

describe('parseDateTime', () => {
	it('reads French and ISO dates, with or without a time', () => {
		expect(parseDateTime('12/03/2025')).toBe('2025-03-12T00:00:00');
		expect(parseDateTime('12/03/2025 18:30')).toBe('2025-03-12T18:30:00');
		expect(parseDateTime('12/03/2025 18h30')).toBe('2025-03-12T18:30:00');
		expect(parseDateTime('1/3/2025 9h')).toBe('2025-03-01T09:00:00');
		expect(parseDateTime('2025-03-12')).toBe('2025-03-12T00:00:00');
		expect(parseDateTime('2025-03-12T18:30')).toBe('2025-03-12T18:30:00');
		expect(parseDateTime('2025-03-12 18:30:00')).toBe('2025-03-12T18:30:00');
	});
	it('refuses impossible dates and times', () => {
		for (const s of ['31/02/2025', '29/02/2023', '2025-04-31', '12/13/2025', '12/03/2025 24:00', '12/03/2025 18:60']) {
			expect(parseDateTime(s)).toBeNull();
		}
		expect(parseDateTime('29/02/2024')).toBe('2024-02-29T00:00:00');
	});
	it('refuses other text, and times with a zone it cannot make local', () => {
		for (const s of ['', 'demain', '12/03/25', '2025-03-12T18:30:00Z', '2025-03-12 soir']) {
			expect(parseDateTime(s)).toBeNull();
		}
	});
});

describe('splitList', () => {
	it('splits on the usual separators and drops empties', () => {
		expect(splitList(' bois, métal ;textile/ verre | cuir\nplastique\r\n\n,')).toEqual(['bois', 'métal', 'textile', 'verre', 'cuir', 'plastique']);
		expect(splitList('  ')).toEqual([]);
	});
});

describe('normaliseHeader', () => {
	it('makes a stable snake_case key', () => {
		expect(normaliseHeader('Code INSEE')).toBe('code_insee');
		expect(normaliseHeader('Site Web ')).toBe('site_web');
		expect(normaliseHeader('Catégorie')).toBe('categorie');
		expect(normaliseHeader('  N° SIRET (14 chiffres)')).toBe('n_siret_14_chiffres');
		expect(normaliseHeader('Œuvre')).toBe('oeuvre');
	});
});

describe('normaliseName', () => {
	it('ignores case, accents, punctuation and leading articles', () => {
		expect(normaliseName('L’Atelier  des Possibles!')).toBe('atelier des possibles');
		expect(normaliseName("l'atelier des possibles")).toBe('atelier des possibles');
		expect(normaliseName('Le Connecteur')).toBe('connecteur');
		expect(normaliseName('LES  Fabriques')).toBe('fabriques');
		expect(normaliseName('La Cité-Lab')).toBe('cite lab');
	});
	it('keeps words that only start like an article', () => {
		expect(normaliseName('Lemon Lab')).toBe('lemon lab');
		expect(normaliseName('Les')).toBe('les');
	});
});

describe('normaliseWebsite', () => {
	it('keeps http and https addresses', () => {
		expect(normaliseWebsite(' https://www.foo.fr/a ')).toEqual({ url: 'https://www.foo.fr/a', repaired: false });
		expect(normaliseWebsite('http://foo.fr')).toEqual({ url: 'http://foo.fr', repaired: false });
	});
	it('adds the missing scheme', () => {
		expect(normaliseWebsite('www.foo.fr')).toEqual({ url: 'https://www.foo.fr', repaired: true });
		expect(normaliseWebsite('foo.fr:8080/x')).toEqual({ url: 'https://foo.fr:8080/x', repaired: true });
	});
	it('refuses other schemes and non-addresses', () => {
		for (const s of ['', 'mailto:a@foo.fr', 'ftp://foo.fr', 'javascript:alert(1)', 'foo', 'www foo.fr', 'http://']) {
			expect(normaliseWebsite(s)).toBeNull();
		}
	});
});

describe('websiteKey', () => {
	it('compares sites without scheme, www, case or trailing slash', () => {
		expect(websiteKey('https://www.Foo.fr/')).toBe('foo.fr');
		expect(websiteKey('http://foo.fr')).toBe('foo.fr');
		expect(websiteKey('https://foo.fr/Contact/')).toBe('foo.fr/Contact');
		expect(websiteKey('www.foo.fr/a')).toBe('foo.fr/a');
	});
});

describe('normaliseSiret', () => {
	it('strips spaces and dots and checks the Luhn key', () => {
		expect(normaliseSiret('732 829 320 00074')).toEqual({ siret: '73282932000074', valid: true });
		expect(normaliseSiret('732.829.320.00075')).toEqual({ siret: '73282932000075', valid: false });
		expect(normaliseSiret('1234')).toEqual({ siret: '1234', valid: false });
	});
	it('uses the digit-sum rule for La Poste establishments', () => {
		// Digit sums 45 (multiple of 5) and 46; the head office 35600000000048 passes Luhn.
		expect(normaliseSiret('35600000000048')?.valid).toBe(true);
		expect(normaliseSiret('35600000049837')?.valid).toBe(true);
		expect(normaliseSiret('35600000049838')?.valid).toBe(false);
	});
	it('returns null for an empty cell', () => {
		expect(normaliseSiret('  ')).toBeNull();
	});
});

describe('repairInsee', () => {
	const known = (code: string) => ['03185', '63113', '2A004'].includes(code);
	it('keeps a known code as is', () => {
		expect(repairInsee(' 63113 ', known)).toEqual({ code: '63113', repaired: false });
		expect(repairInsee('03185', known)).toEqual({ code: '03185', repaired: false });
	});
	it('restores the leading zero a spreadsheet dropped', () => {
		expect(repairInsee('3185', known)).toEqual({ code: '03185', repaired: true });
		expect(repairInsee('3185.0', known)).toEqual({ code: '03185', repaired: true });
		expect(repairInsee('3 185', known)).toEqual({ code: '03185', repaired: true });
		expect(repairInsee('2a004', known)).toEqual({ code: '2A004', repaired: true });
	});
	it('refuses unknown codes', () => {
		for (const s of ['', '99999', '9999', '318', '63113.5', 'Vichy']) expect(repairInsee(s, known)).toBeNull();
	});
});
