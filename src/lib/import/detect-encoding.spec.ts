import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectAndDecode, encodingFromName, frenchPlausibility } from './detect-encoding';

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const SHEET =
	'nom;commune;activité\r\nAtelier Clémentel;Clermont-Ferrand;Fablab à la médiathèque\r\nCœur de Pays;Saint-Étienne;Coworking, café 3 €\r\nLa Forêt Numérique;Brioude;Tiers-lieu « ouvert »\r\n';

describe('detectAndDecode', () => {
	it('reads UTF-8, with or without the BOM, without doubt', () => {
		const plain = detectAndDecode(new TextEncoder().encode(SHEET));
		expect(plain).toMatchObject({ text: SHEET, encoding: 'utf-8', bom: false, doubtful: false });
		const bom = detectAndDecode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SHEET)]));
		expect(bom).toMatchObject({ text: SHEET, encoding: 'utf-8', bom: true, doubtful: false });
	});

	it.each([
		['windows-1252', SHEET],
		['iso-8859-15', SHEET],
		// Code page 850 has no €, œ nor « »: Excel « CSV (MS-DOS) » would write « ? » for them.
		['cp850', SHEET.replace('3 €', '3 euros').replace('Cœur', 'Coeur').replace('« ouvert »', '"ouvert"')]
	])('recognises %s from how French the text reads, never « Cl‚mentel »', (encoding, text) => {
		const result = detectAndDecode(encode(text, encoding));
		expect(result.encoding).toBe(encoding);
		expect(result.text).toBe(text);
		expect(result.doubtful).toBe(false);
		expect(result.candidates.map((c) => c.encoding)).toContain('cp850');
		if (encoding !== 'cp850') expect(result.candidates.map((c) => c.encoding)).toContain(encoding === 'windows-1252' ? 'iso-8859-15' : 'windows-1252');
		expect(result.candidates[0]!.samples.join('\n')).toContain('Clémentel');
	});

	it('tells ISO-8859-15 from Windows-1252 by its € and œ (0xA4, 0xBD: ¤ and ½ in Windows-1252)', () => {
		const result = detectAndDecode(encode('nom;prix\nCœur de ville;5 €\n', 'iso-8859-15'));
		expect(result).toMatchObject({ encoding: 'iso-8859-15', text: 'nom;prix\nCœur de ville;5 €\n', doubtful: false });
		const wrong = result.candidates.find((c) => c.encoding === 'windows-1252')!;
		expect(wrong.samples[0]).toContain('C½ur');
		expect(wrong.implausible).toBeGreaterThan(0);
	});

	it('names Windows-1252, not ISO-8859-15, when both read the file alike (no €, œ, ’ in it)', () => {
		const result = detectAndDecode(encode('nom\nCafé de la Gare\n', 'windows-1252'));
		expect(result).toMatchObject({ encoding: 'windows-1252', doubtful: false });
		expect(result.candidates.map((c) => c.encoding)).toEqual(['windows-1252', 'cp850']);
	});

	it('reads a lone « â » between small letters as Windows-1252, not as the « Ô » of code page 850', () => {
		expect(detectAndDecode(encode('nom\nLa pâtisserie\n', 'windows-1252')).text).toBe('nom\nLa pâtisserie\n');
	});

	it('says so when no reading looks French, and the editor can choose', () => {
		// Bytes of box-drawing characters and control codes in every single-byte code page.
		const junk = new Uint8Array([0x6e, 0x6f, 0x6d, 0x0a, 0x41, 0x81, 0x8d, 0xb3, 0xc4, 0x42, 0x0a]);
		const result = detectAndDecode(junk);
		expect(result.doubtful).toBe(true);
		// 0x81 and 0x8D are unassigned in Windows-1252 but control codes in ISO-8859-15: three readings to compare.
		expect(result.candidates.map((c) => c.encoding).sort()).toEqual(['cp850', 'iso-8859-15', 'windows-1252']);
		const chosen = detectAndDecode(junk, 'cp850');
		expect(chosen).toMatchObject({ encoding: 'cp850', chosen: true, doubtful: false });
	});

	it('uses the chosen encoding even when another one looks better', () => {
		const bytes = encode('nom\nClémentel\n', 'windows-1252');
		expect(detectAndDecode(bytes, 'cp850').text).toBe('nom\nClÚmentel\n');
	});

	it('reads UTF-16 as Excel « Texte Unicode » writes it (BOM FF FE)', () => {
		const bytes = new Uint8Array([0xff, 0xfe, ...encode('nom\tcommune\r\nClémentel\tVichy\r\n', 'utf-16le')]);
		expect(detectAndDecode(bytes)).toMatchObject({ encoding: 'utf-16le', text: 'nom\tcommune\r\nClémentel\tVichy\r\n' });
	});

	it('never throws on arbitrary bytes, with or without a chosen encoding, and names a known encoding', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(null, 'utf-8', 'windows-1252', 'iso-8859-15', 'cp850' as const), (bytes, chosen) => {
				const result = detectAndDecode(bytes, chosen);
				expect(typeof result.text).toBe('string');
				expect(['utf-8', 'windows-1252', 'iso-8859-15', 'cp850', 'utf-16le', 'utf-16be']).toContain(result.encoding);
				if (chosen) expect(result.doubtful).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('frenchPlausibility', () => {
	it('counts accented letters as French and a ‚ between letters as a wrong code page', () => {
		expect(frenchPlausibility('Clémentel, Saint-Étienne, Cœur « x »')).toEqual({ plausible: 5, implausible: 0 });
		expect(frenchPlausibility('Cl‚mentel').implausible).toBe(2);
		expect(frenchPlausibility('│┤').implausible).toBe(2);
	});
});

describe('encodingFromName', () => {
	it('accepts the usual spellings and refuses the others', () => {
		expect(encodingFromName('CP850')).toBe('cp850');
		expect(encodingFromName('latin9')).toBe('iso-8859-15');
		expect(encodingFromName('Windows-1252')).toBe('windows-1252');
		expect(encodingFromName('utf8')).toBe('utf-8');
		expect(encodingFromName('ebcdic')).toBeNull();
	});
});
