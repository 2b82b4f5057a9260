import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	closestCommune,
	codeKind,
	communeNameCloseness,
	departementOfInsee,
	departementsOfPostcode,
	matchLabel,
	resolutionMessage,
	resolveTypedCommune,
	searchCommuneList,
	type SearchableCommune
} from './commune-match';

/** The embedded territories (data/territories/territories.json): the real postcodes and INSEE codes. */
const communes: (SearchableCommune & { departementCode: string | null })[] = (
	JSON.parse(readFileSync('data/territories/territories.json', 'utf8')) as {
		territories: (SearchableCommune & { kind: string; departementCode: string | null })[];
	}
).territories.filter((t) => t.kind === 'commune');

const search = (text: string, limit = 10) => searchCommuneList(communes, text, limit);
const resolve = (text: string, limit = 50) => resolveTypedCommune(text, search(text, limit));

describe('commune search by name, postcode or INSEE code', () => {
	it('43200 lists every commune of the postcode, Yssingeaux first, then Saint-Julien-Chapteuil by its INSEE code', () => {
		const items = search('43200', 5);
		const postal = items.filter((c) => c.match === 'postal_code');
		expect(postal).toHaveLength(10);
		expect(postal[0]?.name).toBe('Yssingeaux');
		for (const c of postal) expect(c.postalCodes).toContain('43200');
		expect(items.at(-1)).toMatchObject({ name: 'Saint-Julien-Chapteuil', code: '43200', match: 'insee_code', matchedCode: '43200' });
		expect(matchLabel(items[0]!.match, items[0]!.matchedCode)).toBe('code postal 43200');
		expect(matchLabel(items.at(-1)!.match, items.at(-1)!.matchedCode)).toBe('code INSEE 43200');
	});

	it('43500 finds Craponne-sur-Arzon and its neighbours; « 43 500 » too', () => {
		const names = search('43500').map((c) => c.name);
		expect(names[0]).toBe('Craponne-sur-Arzon');
		expect(names).toHaveLength(10);
		expect(search('43 500').map((c) => c.name)).toEqual(names);
	});

	it('an INSEE code that is no postcode finds its commune', () => {
		expect(search('15014')).toEqual([expect.objectContaining({ name: 'Aurillac', match: 'insee_code' })]);
		expect(resolve('15014')).toMatchObject({ status: 'one', commune: { name: 'Aurillac' } });
	});

	it('63113 is Picherande’s postcode before Clermont-Ferrand’s INSEE code', () => {
		expect(search('63113').map((c) => [c.name, c.match])).toEqual([
			['Picherande', 'postal_code'],
			['Clermont-Ferrand', 'insee_code']
		]);
	});

	it('a code being typed lists postcodes then INSEE codes starting with it', () => {
		const items = search('4320', 50);
		expect(items.length).toBeGreaterThan(10);
		expect(items.every((c) => c.match !== 'name')).toBe(true);
		const firstInsee = items.findIndex((c) => c.match === 'insee_code');
		expect(items.slice(0, firstInsee).every((c) => c.match === 'postal_code')).toBe(true);
		expect(codeKind('4320')).toBe('partial');
		expect(resolve('4320').status).toBe('several');
	});

	it('names: the same name first, then beginnings, then a word of the name; accents and hyphens ignored', () => {
		expect(search('yssingeaux')[0]?.name).toBe('Yssingeaux');
		expect(search('puy en velay')[0]?.name).toBe('Le Puy-en-Velay');
		expect(search('Saint-Fl').map((c) => c.name)).toContain('Saint-Flour');
		expect(search('zzz')).toEqual([]);
	});
});

describe('does the text name one commune?', () => {
	it('a postcode shared by several communes asks which one', () => {
		const r = resolve('43200');
		expect(r.status).toBe('several');
		if (r.status === 'several') expect(r.choices).toHaveLength(11);
		expect(resolutionMessage('43200', r)).toBe('11 communes répondent au code 43200\u00a0: choisissez la vôtre dans la liste.');
	});
	it('a postcode of one commune names it', () => {
		expect(resolve('63000')).toMatchObject({ status: 'one', commune: { name: 'Clermont-Ferrand', match: 'postal_code' } });
	});
	it('a full name, or the only name that starts so, names it', () => {
		expect(resolve('Yssingeaux')).toMatchObject({ status: 'one', commune: { name: 'Yssingeaux', match: 'name' } });
		expect(resolve('yssing')).toMatchObject({ status: 'one', commune: { name: 'Yssingeaux' } });
		expect(resolve('Saint')).toMatchObject({ status: 'several' });
	});
	it('nothing, or an empty field, is said in French', () => {
		expect(resolutionMessage('Xyzzyville', resolve('Xyzzyville'))).toContain('«\u00a0Xyzzyville\u00a0»');
		expect(resolutionMessage('99999', resolve('99999'))).toContain('«\u00a099999\u00a0»');
		expect(resolutionMessage('  ', resolve('  '))).toBe('Tapez le nom ou le code postal d’une commune.');
		expect(resolutionMessage('Yssingeaux', resolve('Yssingeaux'))).toBeNull();
	});
});

describe('a commune name as people write it, within its postcode', () => {
	const ofPostcode = (postcode: string) => communes.filter((c) => c.postalCodes.includes(postcode));
	const chosen = (typed: string, postcode: string) => {
		const r = closestCommune(typed, ofPostcode(postcode));
		return r.status === 'one' ? r.commune.name : r.status;
	};

	it('sets case, accents, hyphens, « St » and articles aside', () => {
		expect(chosen('Le Mont-Dore', '63240')).toBe('Mont-Dore');
		expect(chosen('CLERMONT-FERRAND', '63000')).toBe('Clermont-Ferrand');
		expect(chosen('St Flour', '15100')).toBe('Saint-Flour');
		expect(chosen('Le Puy en Velay', '43000')).toBe('Le Puy-en-Velay');
		expect(chosen('Puy-en-Velay (Le)', '43000')).toBe('Le Puy-en-Velay');
		expect(communeNameCloseness('les ternes', 'Les Ternes')).toBe(1);
	});

	it('reads the old long name, a name cut short, abbreviated words and a typo', () => {
		expect(chosen('Ardes sur couze', '63420')).toBe('Ardes');
		expect(chosen('Vorey sur Arzon', '43800')).toBe('Vorey');
		expect(chosen('Le Puy', '43000')).toBe('Le Puy-en-Velay');
		expect(chosen('Clermont-Fd', '63000')).toBe('Clermont-Ferrand');
		expect(chosen('Yssingaux', '43200')).toBe('Yssingeaux');
		expect(chosen('Espaly St Marcel', '43000')).toBe('Espaly-Saint-Marcel');
	});

	it('takes no name that resembles none of the postcode, and asks when two are as close', () => {
		expect(chosen('Lyon', '63000')).toBe('none');
		expect(chosen('Aurillac', '43200')).toBe('none');
		expect(closestCommune('St Julien', [{ name: 'Saint-Julien-Chapteuil' }, { name: 'Saint-Julien-du-Pinet' }])).toMatchObject({ status: 'several' });
	});

	it('knows which département a code or a postcode belongs to, Corsica and overseas included', () => {
		expect(departementOfInsee('63113')).toBe('63');
		expect(departementOfInsee('2a004')).toBe('2A');
		expect(departementOfInsee('97411')).toBe('974');
		expect(departementOfInsee('99999')).toBeNull();
		// The overseas collectivities of a national file: Wallis-et-Futuna, French Polynesia, New Caledonia.
		expect(departementOfInsee('98611')).toBe('986');
		expect(departementOfInsee('98754')).toBe('987');
		expect(departementOfInsee('98803')).toBe('988');
		expect(departementsOfPostcode('98714')).toEqual(['987']);
		expect(departementsOfPostcode('20000')).toEqual(['2A', '2B']);
		expect(departementsOfPostcode('97400')).toEqual(['974']);
		expect(departementsOfPostcode('03100')).toEqual(['03']);
		expect(departementsOfPostcode('98000')).toEqual([]);
		expect(departementsOfPostcode('6300')).toEqual([]);
	});
});
