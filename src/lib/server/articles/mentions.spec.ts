import { describe, expect, it } from 'vitest';
import { buildMentionIndex, findMentions, findMentionsWith, type MentionActor } from './mentions';

const actors: MentionActor[] = [
	{ id: 1, name: 'La Couveuse', kind: 'organisation' },
	{ id: 2, name: 'Ambert Innovation', kind: 'organisation' },
	{ id: 3, name: 'Saint-Flour Coworking', kind: 'third_place' },
	{ id: 4, name: 'Cap', kind: 'organisation' },
	{ id: 5, name: 'Vichy', kind: 'event' },
	{ id: 6, name: 'Incubateur Busi', kind: 'organisation' },
	{ id: 7, name: 'Busi', kind: 'organisation' },
	{ id: 8, name: 'Le Cowork des Dômes', kind: 'third_place' },
	{ id: 9, name: 'Agence', kind: 'organisation' },
	{ id: 10, name: 'Camille Martin', kind: 'person' },
	{ id: 11, name: 'Volcabio', kind: 'organisation' },
	{ id: 12, name: "L'Atelier des Possibles", kind: 'third_place' },
	{ id: 13, name: 'Auvergne.io', kind: 'organisation' },
	{ id: 14, name: 'Puys Capital Innovation (PCI)', kind: 'organisation' }
];

const byId = (text: string) => Object.fromEntries(findMentions(text, actors).map((m) => [m.entityId, m]));

describe('findMentions: whole words', () => {
	it('never matches inside a longer word', () => {
		expect(byId('Le Capital de la société, une escapade à Vichyssois, les Busiboys.')).toEqual({});
	});

	it('matches next to punctuation', () => {
		expect(byId('Rendez-vous à Vichy, puis (Vichy) encore. Vichy!')[5]).toMatchObject({ phrase: 'Vichy', count: 3 });
	});

	it('does not join words across a full stop or a comma', () => {
		expect(byId('Ils viennent d’Ambert. Innovation est leur mot.')[2]).toBeUndefined();
		expect(byId('Ambert, Innovation')[2]).toBeUndefined();
	});
});

describe('findMentions: accents, case, separators', () => {
	it('folds accents and case, with a lower confidence than the name as written', () => {
		const exact = byId('Le Cowork des Dômes ouvre.')[8];
		const folded = byId('LE COWORK DES DOMES ouvre.')[8];
		expect(exact).toMatchObject({ phrase: 'Le Cowork des Dômes', confidence: 0.95 });
		expect(folded).toMatchObject({ phrase: 'LE COWORK DES DOMES', confidence: 0.8 });
	});

	it('takes hyphens, apostrophes and spaces as the same separator', () => {
		expect(byId('Le Saint Flour Coworking ouvre.')[3]).toMatchObject({ phrase: 'Saint Flour Coworking', confidence: 0.95 });
		expect(byId('au saint-flour-coworking')[3]).toMatchObject({ confidence: 0.8 });
		expect(byId('Visite de L’Atelier des Possibles')[12]).toMatchObject({ phrase: 'L’Atelier des Possibles', confidence: 0.95 });
	});

	it('keeps other punctuation the name’s own', () => {
		expect(byId('Le collectif Auvergne.io recrute')[13]).toMatchObject({ phrase: 'Auvergne.io' });
		expect(byId('Auvergne io')[13]).toBeUndefined();
	});

	it('finds a name after an elision', () => {
		expect(byId("Les équipes d’Ambert Innovation et d'Ambert Innovation")[2]).toMatchObject({ phrase: 'Ambert Innovation', count: 2, confidence: 0.95 });
	});

	it('finds a name without its trailing parenthesis, and with it', () => {
		expect(byId('Puys Capital Innovation investit')[14]).toMatchObject({ phrase: 'Puys Capital Innovation', confidence: 0.95 });
		expect(byId('Puys Capital Innovation (PCI) investit')[14]).toMatchObject({ phrase: 'Puys Capital Innovation (PCI)', count: 1 });
	});
});

describe('findMentions: a name’s article', () => {
	it('finds « La Couveuse » written with its article in lower case, or with none', () => {
		expect(byId('Un atelier à la Couveuse.')[1]).toMatchObject({ phrase: 'la Couveuse', confidence: 0.95 });
		expect(byId('Demandez à la couveuse d’Aurillac.')[1]).toMatchObject({ phrase: 'la couveuse', confidence: 0.8 });
		expect(byId('Couveuse accueille dix projets.')[1]).toMatchObject({ phrase: 'Couveuse', confidence: 0.65 });
	});

	it('takes « au » and « du » for « le »', () => {
		expect(byId('Rencontre au Cowork des Dômes')[8]).toMatchObject({ phrase: 'Cowork des Dômes', confidence: 0.95 });
		expect(byId('Les membres du Cowork des Dômes')[8]).toMatchObject({ confidence: 0.95 });
		expect(byId('Un Cowork des Dômes')[8]).toMatchObject({ confidence: 0.75 });
	});

	it('keeps the surest occurrence’s phrase and counts them all', () => {
		expect(byId('Couveuse, puis la Couveuse, puis COUVEUSE.')[1]).toEqual({ entityId: 1, phrase: 'la Couveuse', confidence: 0.95, count: 3 });
	});
});

describe('findMentions: weak names and overlaps', () => {
	it('keeps a short or common single-word name only as written, with a low confidence', () => {
		expect(byId('Le programme Cap accueille.')[4]).toMatchObject({ phrase: 'Cap', confidence: 0.35 });
		expect(byId('Il garde le cap.')[4]).toBeUndefined();
		expect(byId('Une agence de com.')[9]).toBeUndefined();
		expect(byId('L’Agence recrute.')[9]?.confidence).toBeLessThan(0.5);
	});

	it('is surer of a distinctive single word than of a person’s first or last name alone', () => {
		expect(byId('Volcabio lève des fonds')[11]).toMatchObject({ confidence: 0.85 });
		expect(findMentions('Martin a dit', [{ id: 1, name: 'Martin', kind: 'person' }])[0]?.confidence).toBe(0.65);
		expect(byId('Selon Camille Martin, fondatrice')[10]).toMatchObject({ confidence: 0.95 });
	});

	it('lets the longest name win where names overlap', () => {
		const found = byId('L’Incubateur Busi accompagne Busi Food.');
		expect(found[6]).toMatchObject({ phrase: 'Incubateur Busi', count: 1 });
		expect(found[7]).toMatchObject({ phrase: 'Busi', count: 1 });
		expect(byId('L’Incubateur Busi.')[7]).toBeUndefined();
	});

	it('reports two actors with the same name both', () => {
		const twins = [
			{ id: 1, name: 'Volcabio', kind: 'organisation' },
			{ id: 2, name: 'VOLCABIO', kind: 'event' }
		];
		expect(findMentions('Volcabio', twins).map((m) => [m.entityId, m.confidence])).toEqual([
			[1, 0.85],
			[2, 0.7]
		]);
	});

	it('sorts the surest first and ignores empty names', () => {
		const found = findMentions('Couveuse et Camille Martin', [...actors, { id: 99, name: ' - ', kind: 'organisation' }]);
		expect(found.map((m) => m.entityId)).toEqual([10, 1]);
	});
});

describe('findMentionsWith: a large index', () => {
	const syllables = ['vol', 'ca', 'bio', 'puy', 'dome', 'ar', 'ver', 'flow', 'tec', 'nova', 'lim', 'sal', 'ers', 'mont', 'rio', 'lac'];
	const word = (n: number) => {
		let out = '';
		do {
			out += syllables[n % syllables.length];
			n = Math.floor(n / syllables.length);
		} while (n > 0);
		return out.charAt(0).toUpperCase() + out.slice(1);
	};
	const many: MentionActor[] = Array.from({ length: 10_000 }, (_, i) => ({
		id: i + 1,
		name: i % 3 === 0 ? `${word(i)} ${word(i + 7)} Innovation` : i % 3 === 1 ? `La ${word(i)}-${word(i * 3)}` : `Atelier ${word(i)}`,
		kind: i % 7 === 0 ? 'person' : 'organisation'
	}));
	const index = buildMentionIndex(many);

	it('finds exactly the names put in a long text', () => {
		const chosen = [3, 1000, 2500, 4242, 7777, 9998].map((i) => many[i] as MentionActor);
		const filler = 'Les acteurs du territoire se sont retrouvés autour d’un café pour parler d’avenir. ';
		const parts: string[] = [];
		for (let k = 0; parts.join('').length < 19_000; k++) parts.push(k % 40 === 0 && chosen[k / 40] ? `${filler}Avec ${chosen[k / 40]?.name}, ` : filler);
		const text = parts.join('');
		expect(text.length).toBeGreaterThan(18_000);
		expect(index.size).toBe(10_000);
		const found = findMentionsWith(index, text);
		expect(found.map((m) => m.entityId).sort((a, b) => a - b)).toEqual(chosen.map((a) => a.id).sort((a, b) => a - b));
		expect(found.every((m) => m.count === 1 && m.confidence >= 0.65)).toBe(true);
	});
});
