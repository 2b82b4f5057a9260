import { describe, expect, it } from 'vitest';
import { weekHeading } from './dates';
import { RELATION_TYPES, relationTypeTerms } from '$lib/domain/vocabulary';
import {
	actorLead,
	aCategory,
	byCount,
	countOf,
	relationCaption,
	relationCaptionText,
	relationClause,
	thanTerritory,
	que,
	eventDates,
	formatDateTime,
	formatDay,
	formatPartialDate,
	frenchSpacing,
	inTerritory,
	nounPhrase,
	ofTerritory,
	periodLabel,
	relationDates,
	relationHeading,
	relationLabelFor,
	relationSentence,
	relationTiming,
	relationDetails,
	relationWithDetails,
	relationWords,
	spanDates,
	stepParts,
	theCount,
	theseCount,
	toTerritory,
	withPreposition,
	type Nameable
} from './index';

const TODAY = '2026-12-05';

const volcabio: Nameable = { name: 'Volcabio', kind: 'organisation', category: 'startup' };
const couveuse: Nameable = { name: 'Couveuse des Puys', kind: 'organisation', category: 'incubator' };
const incubateur: Nameable = { name: 'Incubateur des Dômes', kind: 'organisation', category: 'incubator' };
const club: Nameable = { name: 'Club des dirigeants du Velay', kind: 'organisation', category: 'support_network' };
const cluster: Nameable = { name: 'Cluster numérique du Sancy', kind: 'organisation', category: 'cluster' };
const fablab: Nameable = { name: 'Fablab des Dômes', kind: 'third_place', category: 'fablab' };
const cite: Nameable = { name: 'Cité du design', kind: 'third_place', category: 'coworking' };
const camille: Nameable = { name: 'Camille Martin', kind: 'person', category: 'entrepreneur' };
const forum: Nameable = { name: "Forum de l'innovation du Velay", kind: 'event', category: 'conference' };

describe('dates, the examples of issue 12 verbatim', () => {
	it('elides and contracts', () => {
		expect(spanDates('2019-10', '2020-03')).toBe("d'octobre 2019 à mars 2020");
		expect(spanDates('2024-04', '2025-02')).toBe("d'avril 2024 à février 2025");
		expect(spanDates('2024-08', '2025')).toBe("d'août 2024 à 2025");
		expect(spanDates('2019-03-14', '2020-04-02')).toBe('du 14 mars 2019 au 2 avril 2020');
		expect(spanDates('2019', '2021')).toBe('de 2019 à 2021');
		expect(relationDates({ type: 'member_of', startDate: '2021-03-18', endDate: null }, TODAY)).toBe('depuis le 18 mars 2021');
		expect(relationDates({ type: 'member_of', startDate: '2021-10', endDate: null }, TODAY)).toBe('depuis octobre 2021');
		expect(relationDates({ type: 'member_of', startDate: '2021', endDate: null }, TODAY)).toBe('depuis 2021');
		expect(relationDates({ type: 'member_of', startDate: null, endDate: '2021-03-18' }, TODAY)).toBe("jusqu'au 18 mars 2021");
		expect(relationDates({ type: 'member_of', startDate: null, endDate: '2021' }, TODAY)).toBe("jusqu'en 2021");
		expect(relationDates({ type: 'member_of', startDate: null, endDate: '2021-10' }, TODAY)).toBe("jusqu'en octobre 2021");
		expect(formatPartialDate('2019-03-01')).toBe('1er mars 2019');
		expect(spanDates('2027-03-01', '2027-03-03')).toBe('du 1er au 3 mars 2027');
	});

	it('a founding date is not a duration', () => {
		expect(relationSentence({ type: 'founded', startDate: '2016', endDate: null }, volcabio, camille, 'in', TODAY)).toBe(
			'Volcabio a été fondée par Camille Martin en 2016'
		);
		expect(relationSentence({ type: 'founded', startDate: '2016-05-03', endDate: null }, incubateur, camille, 'in', TODAY)).toBe(
			"L'Incubateur des Dômes a été fondé par Camille Martin le 3 mai 2016"
		);
		expect(relationSentence({ type: 'founded', startDate: '2016', endDate: null }, camille, volcabio, 'out', TODAY)).toBe(
			'Camille Martin a fondé Volcabio en 2016'
		);
		expect(actorLead({ kind: 'organisation', category: 'startup', foundedYear: 2016 })).toBe('Startup fondée en 2016');
		expect(actorLead({ kind: 'organisation', category: 'incubator', foundedYear: 2016, communeName: 'Le Puy-en-Velay' })).toBe(
			'Incubateur fondé en 2016 au Puy-en-Velay'
		);
	});

	it('a future one-day event is « le », several days « du … au … », never « depuis »', () => {
		expect(relationDates({ type: 'participates_in', startDate: '2027-03-18', endDate: null }, TODAY)).toBe('le 18 mars 2027');
		expect(relationSentence({ type: 'participates_in', startDate: '2027-03-18', endDate: null }, camille, forum, 'out', TODAY)).toBe(
			"Camille Martin participera au Forum de l'innovation du Velay le 18 mars 2027"
		);
		expect(relationSentence({ type: 'takes_place_at', startDate: '2027-03-18', endDate: '2027-03-20' }, forum, cite, 'out', TODAY)).toBe(
			"Le Forum de l'innovation du Velay aura lieu à la Cité du design du 18 au 20 mars 2027"
		);
	});

	it('no inclusive-writing dot on an organisation or a place: gender and article from the kind and the name', () => {
		expect(relationSentence({ type: 'incubated_by', startDate: '2021', endDate: null }, volcabio, couveuse, 'out', TODAY)).toBe(
			'Volcabio est incubée par la Couveuse des Puys depuis 2021'
		);
		expect(withPreposition(null, { name: 'Club des dirigeants du Velay', kind: 'organisation', category: 'support_network' })).toBe(
			'le Club des dirigeants du Velay'
		);
		expect(withPreposition(null, incubateur)).toBe("l'Incubateur des Dômes");
		expect(relationSentence({ type: 'member_of', startDate: null, endDate: null }, volcabio, cluster, 'out', TODAY)).toBe(
			'Volcabio est membre du Cluster numérique du Sancy'
		);
		expect(relationSentence({ type: 'hosted_by', startDate: '2024', endDate: null }, volcabio, fablab, 'out', TODAY)).toBe(
			'Volcabio est hébergée au Fablab des Dômes depuis 2024'
		);
		expect(relationSentence({ type: 'takes_place_at', startDate: null, endDate: null }, forum, cite, 'out', TODAY)).toBe(
			"Le Forum de l'innovation du Velay a lieu à la Cité du design"
		);
		expect(nounPhrase(volcabio)).toMatchObject({ article: null, gender: 'f' });
	});

	it('French typography: non-breaking spaces before « : ; ? ! » and inside « », none doubled', () => {
		expect(frenchSpacing('source : « Le Connecteur » ; vu ?  oui !')).toBe('source\u00a0: «\u00a0Le Connecteur\u00a0»\u00a0; vu\u00a0? oui\u00a0!');
		expect(frenchSpacing('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
		expect(frenchSpacing(frenchSpacing('« Incubateur »'))).toBe('«\u00a0Incubateur\u00a0»');
		expect(
			relationWithDetails(
				{ type: 'incubated_by', startDate: '2019', endDate: '2020', confirmation: 'confirmed', source: 'Le Connecteur' },
				volcabio,
				incubateur,
				TODAY
			)
		).toBe("Volcabio a été incubée par l'Incubateur des Dômes de 2019 à 2020 (confirmée par les deux parties\u00a0; source\u00a0: Le Connecteur)");
		// The same, the source apart, for a page that makes its URLs links.
		expect(
			relationDetails(
				{ type: 'incubated_by', startDate: null, endDate: null, confirmation: 'disputed', source: ' https://exemple.fr/a ' },
				volcabio,
				incubateur,
				TODAY
			)
		).toEqual({
			sentence: "Volcabio est incubée par l'Incubateur des Dômes",
			notes: ['date inconnue', 'contestée'],
			source: 'https://exemple.fr/a'
		});
		expect(relationDetails({ type: 'founded', startDate: '2016', endDate: null, confirmation: 'declared', source: '' }, camille, volcabio, TODAY)).toEqual({
			sentence: 'Camille Martin a fondé Volcabio en 2016',
			notes: [],
			source: null
		});
	});
});

describe('names', () => {
	const org = (name: string, category = 'company'): Nameable => ({ name, kind: 'organisation', category });
	it('takes the article of a leading noun, keeps a written one, and none for a proper name', () => {
		expect(withPreposition('de', couveuse)).toBe('de la Couveuse des Puys');
		expect(withPreposition('de', club)).toBe('du Club des dirigeants du Velay');
		expect(withPreposition('de', incubateur)).toBe("de l'Incubateur des Dômes");
		expect(withPreposition('à', org('Ateliers Chabrolier'))).toBe('aux Ateliers Chabrolier');
		expect(withPreposition('de', org('Hôtel d’entreprises du Velay', 'incubation_space'))).toBe("de l'Hôtel d’entreprises du Velay");
		expect(withPreposition('à', { name: 'Hackathon numérique 2026', kind: 'event', category: 'hackathon' })).toBe('au Hackathon numérique 2026');
		expect(withPreposition('à', { name: '48 heures pour entreprendre', kind: 'event', category: 'hackathon' })).toBe('aux 48 heures pour entreprendre');
		expect(withPreposition('à', { name: 'Le Cowork des Dômes', kind: 'third_place', category: 'coworking' })).toBe('au Cowork des Dômes');
		expect(withPreposition('de', { name: 'Les Bricoleurs du Carladès', kind: 'third_place', category: 'makerspace' })).toBe('des Bricoleurs du Carladès');
		expect(withPreposition('à', { name: 'La Grange de Cournols', kind: 'third_place', category: 'rural_third_place' })).toBe('à La Grange de Cournols');
		expect(withPreposition('de', { name: "L'Établi du Sancy", kind: 'third_place', category: 'makerspace' })).toBe("de L'Établi du Sancy");
		expect(withPreposition('de', org('Arverflow', 'startup'))).toBe("d'Arverflow");
		expect(withPreposition('de', org('Entreprendre au féminin du Cézallier', 'association'))).toBe("d'Entreprendre au féminin du Cézallier");
		expect(withPreposition('de', org('Radio Sancy', 'media'))).toBe('de Radio Sancy');
		expect(withPreposition('de', org('Leclerc Industrie'))).toBe('de Leclerc Industrie');
		expect(withPreposition('auprès de', club)).toBe('auprès du Club des dirigeants du Velay');
		expect(withPreposition('de', { name: 'Hélène Roux', kind: 'person' })).toBe("d'Hélène Roux");
		expect(withPreposition('de', { name: 'Yanis Roux', kind: 'person' })).toBe('de Yanis Roux');
	});
	it('says territories with their article', () => {
		expect(ofTerritory('Puy-de-Dôme', 'departement')).toBe('du Puy-de-Dôme');
		expect(ofTerritory('Allier', 'departement')).toBe("de l'Allier");
		expect(ofTerritory('Haute-Loire', 'departement')).toBe('de la Haute-Loire');
		expect(inTerritory('Haute-Loire', 'departement')).toBe('en Haute-Loire');
		expect(inTerritory('Cantal', 'departement')).toBe('dans le Cantal');
		expect(inTerritory('Landes', 'departement')).toBe('dans les Landes');
		expect(ofTerritory('Le Puy-en-Velay', 'commune')).toBe('du Puy-en-Velay');
		expect(inTerritory('Les Ancizes-Comps', 'commune')).toBe('aux Ancizes-Comps');
		expect(ofTerritory('Aurillac', 'commune')).toBe("d'Aurillac");
		expect(ofTerritory('Yssingeaux', 'commune')).toBe("d'Yssingeaux");
		expect(ofTerritory('CC du Haut Lignon', 'epci')).toBe('de la CC du Haut Lignon');
		expect(ofTerritory('Clermont Auvergne Métropole', 'epci')).toBe('de Clermont Auvergne Métropole');
		expect(toTerritory('Puy-de-Dôme', 'departement')).toBe('au Puy-de-Dôme');
	});
	it('puts categories in a sentence with their article', () => {
		expect(aCategory('incubator')).toBe('un incubateur');
		expect(aCategory('incubation_space')).toBe('une pépinière');
	});
});

describe('date-times', () => {
	it('writes French hours and the first of the month, in Paris time', () => {
		expect(formatDateTime('2026-11-28T21:09:00.000Z')).toBe('28 novembre 2026 à 22\u00a0h\u00a009');
		expect(formatDay('2026-12-01')).toBe('1er décembre 2026');
		expect(eventDates('2025-10-11T09:00:00', '2025-10-11T17:30:00')).toBe('le samedi 11 octobre 2025, de 9\u00a0h à 17\u00a0h\u00a030');
		expect(eventDates('2027-02-20T18:00:00', '2027-02-22T17:00:00')).toBe('du samedi 20 février à 18\u00a0h au lundi 22 février 2027 à 17\u00a0h');
		expect(eventDates('2027-03-18T18:00:00', null)).toBe('le jeudi 18 mars 2027 à 18\u00a0h');
	});
	it('labels a timeline step on its own', () => {
		expect(periodLabel('2023', null)).toBe('2023');
		expect(periodLabel('2025', '2025')).toBe('2025');
		expect(periodLabel(null, null)).toBe('date inconnue');
	});
});

/**
 * The matrix: every relation type × both sides × every subject kind × every date shape (none; year,
 * month, day; start only, end only, both) × past, current and future. Each sentence is checked for what
 * an editor would strike out; `matrix.txt` keeps a sample of them for a person to read.
 */
describe('every relation type × date precision × kind', () => {
	const KINDS: Record<string, Nameable[]> = {
		person: [camille, { name: 'Hélène Roux', kind: 'person', category: 'mentor' }],
		organisation: [
			volcabio,
			couveuse,
			club,
			{ name: 'Les Pionniers du Velay', kind: 'organisation', category: 'association' },
			{ name: 'Arverflow', kind: 'organisation', category: 'startup' }
		],
		third_place: [
			fablab,
			{ name: 'La Grange de Cournols', kind: 'third_place', category: 'rural_third_place' },
			{ name: 'Le Cowork des Dômes', kind: 'third_place', category: 'coworking' }
		],
		event: [forum, { name: "Rencontres de l'innovation 2027", kind: 'event', category: 'meetup' }]
	};
	const at = (era: 'past' | 'current' | 'future', p: 'year' | 'month' | 'day') => {
		const [start, end] = era === 'past' ? ['2019-10-14', '2021-04-02'] : era === 'current' ? ['2024-08-01', '2028-03-18'] : ['2027-04-18', '2027-04-20'];
		const cut = (d: string) => (p === 'year' ? d.slice(0, 4) : p === 'month' ? d.slice(0, 7) : d);
		return [cut(start), cut(end)] as const;
	};
	const shapes: { label: string; start: string | null; end: string | null; era: 'past' | 'current' | 'future' | 'none' }[] = [
		{ label: 'aucune date', start: null, end: null, era: 'none' }
	];
	for (const era of ['past', 'current', 'future'] as const)
		for (const p of ['year', 'month', 'day'] as const) {
			const [start, end] = at(era, p);
			shapes.push({ label: `${era} ${p} début seul`, start, end: null, era });
			shapes.push({ label: `${era} ${p} fin seule`, start: null, end, era });
			shapes.push({ label: `${era} ${p} début et fin`, start, end, era });
		}

	const grange: Nameable = { name: 'La Grange de Cournols', kind: 'third_place', category: 'rural_third_place' };
	/** Each type's usual source and target (DOMAIN.md): the other end of the sentences. */
	const TYPICAL: Record<string, [Nameable, Nameable]> = {
		founded: [camille, volcabio],
		works_at: [camille, couveuse],
		leads: [camille, volcabio],
		member_of: [volcabio, club],
		incubated_by: [volcabio, couveuse],
		accelerated_by: [volcabio, { name: 'Programme Cap Sancy', kind: 'organisation', category: 'accelerator' }],
		funded_by: [volcabio, { name: "Prêts d'honneur du Mézenc", kind: 'organisation', category: 'funder' }],
		mentored_by: [volcabio, { name: 'Hélène Roux', kind: 'person', category: 'mentor' }],
		hosted_by: [volcabio, fablab],
		trained_by: [camille, { name: 'École de design du Velay', kind: 'organisation', category: 'university' }],
		spin_off_of: [volcabio, { name: 'Institut supérieur des Dômes', kind: 'organisation', category: 'university' }],
		partner_of: [couveuse, club],
		organises: [couveuse, forum],
		participates_in: [volcabio, forum],
		takes_place_at: [forum, grange]
	};
	const MONTH = '(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
	/** What an editor would strike out, as [rule, test]. */
	const rules = (type: string, shape: (typeof shapes)[number]): [string, (s: string) => boolean][] => {
		const year = (shape.start ?? shape.end)?.slice(0, 4);
		const founding = type === 'founded' || type === 'spin_off_of';
		return [
			['point médian', (s) => !/·/.test(s)],
			['« de 14 mars » au lieu de « du 14 mars »', (s) => !new RegExp(`\\bde (\\d{1,2}|1er) ${MONTH}`).test(s)],
			['« de o… », « le I… » sans élision', (s) => !/(^|\s)(de|le|la|que|jusque) [aeiouàâéèêîôû]/i.test(s)],
			['espaces doublées ou en bord', (s) => !/ {2}|\s$|^\s/.test(s)],
			['« à le », « de les » non contractés', (s) => !/\b(à le|à les|de le|de les)\b/i.test(s)],
			["« jusqu'à » au lieu de « jusqu'en » / « jusqu'au »", (s) => !/jusqu'à/.test(s)],
			[
				'« depuis » pour une fondation ou un événement',
				(s) => !((founding || ['organises', 'participates_in', 'takes_place_at'].includes(type)) && /depuis|à partir/.test(s))
			],
			['la date donnée manque', (s) => !year || (founding && !shape.start) || s.includes(year)],
			['futur attendu', (s) => !(shape.era === 'future' && shape.start) || /\S+(era|eront|ra|ront)(\s|$)/.test(s)],
			['passé attendu', (s) => !(shape.era === 'past' && shape.end && !founding) || /(^|\s)(a|ont) (?!lieu\b)\S/.test(s)],
			['majuscule initiale', (s) => s.charAt(0) === s.charAt(0).toUpperCase()]
		];
	};

	/** The shapes kept in matrix.txt (one subject per kind): enough to read each type's every tense and precision. */
	const READ = new Set([
		'aucune date',
		'past year début et fin',
		'past month début et fin',
		'past day début et fin',
		'past month fin seule',
		'current day début seul',
		'current month début et fin',
		'future day début seul',
		'future day début et fin',
		'future month début seul'
	]);
	const lines: string[] = [];
	for (const type of RELATION_TYPES) {
		for (const direction of ['out', 'in'] as const) {
			it(`${type}, ${direction === 'out' ? 'from its source' : 'from its target'}: every kind × every date shape reads as French`, () => {
				const [source, target] = TYPICAL[type] as [Nameable, Nameable];
				const other = direction === 'out' ? target : source;
				const faults: string[] = [];
				for (const [kind, subjects] of Object.entries(KINDS)) {
					for (const subject of subjects) {
						for (const shape of shapes) {
							const sentence = relationSentence({ type, startDate: shape.start, endDate: shape.end }, subject, other, direction, TODAY);
							if (subject === subjects[0] && READ.has(shape.label)) lines.push(`${type} ${direction} ${kind} [${shape.label}] ${sentence}`);
							for (const [rule, ok] of rules(type, shape)) if (!ok(sentence)) faults.push(`${rule} : ${sentence} [${shape.label}]`);
						}
					}
				}
				expect(faults).toEqual([]);
			});
		}
	}

	it('keeps a sample of the matrix (each type, side, kind and tense) for a person to read', async () => {
		await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./matrix.txt');
	});

	it('has a heading and a step label without dot for every type and kind but persons', () => {
		for (const type of RELATION_TYPES)
			for (const [kind, subjects] of Object.entries(KINDS))
				for (const s of subjects)
					for (const direction of ['out', 'in'] as const) {
						expect(relationHeading(type, direction, s)).not.toMatch(/·/);
						if (kind !== 'person') expect(relationLabelFor(type, direction, s)).not.toMatch(/·/);
					}
	});

	it('labels the heading from the actor’s side, agreed with it', () => {
		expect(relationHeading('incubated_by', 'out', volcabio)).toBe('Incubée par');
		expect(relationHeading('incubated_by', 'out', fablab)).toBe('Incubé par');
		expect(relationHeading('incubated_by', 'out', camille)).toBe('Incubation');
		expect(relationHeading('incubated_by', 'in', couveuse)).toBe('Projets incubés');
		expect(relationHeading('member_of', 'out', KINDS.organisation![3]!)).toBe('Membres de');
		expect(relationHeading('organises', 'in', forum)).toBe('Organisé par');
		expect(relationHeading('partner_of', 'in', volcabio)).toBe('Partenaire de');
		expect(relationLabelFor('incubated_by', 'out', volcabio)).toBe('incubée par');
		expect(relationLabelFor('participates_in', 'in', forum)).toBe('compte parmi ses participants');
	});

	it('agrees a label in gender and number with its source, as graph edges and files carry it', () => {
		const pionniers: Nameable = { name: 'Les Pionniers du Velay', kind: 'organisation', category: 'association' };
		const rencontre: Nameable = { name: 'Rencontre des fablabs', kind: 'event', category: 'meetup' };
		const journees: Nameable = { name: "Journées de l'entrepreneuriat", kind: 'event', category: 'conference' };
		expect(relationLabelFor('incubated_by', 'out', fablab)).toBe('incubé par');
		expect(relationLabelFor('incubated_by', 'out', pionniers)).toBe('incubés par');
		expect(relationLabelFor('hosted_by', 'out', { name: 'La Grange de Cournols', kind: 'third_place', category: 'rural_third_place' })).toBe('hébergée par');
		expect(relationLabelFor('founded', 'out', pionniers)).toBe('ont fondé');
		expect(relationLabelFor('founded', 'in', volcabio)).toBe('fondée par');
		expect(relationLabelFor('member_of', 'out', pionniers)).toBe('membres de');
		expect(relationLabelFor('member_of', 'in', pionniers)).toBe('comptent parmi leurs membres');
		expect(relationLabelFor('partner_of', 'in', pionniers)).toBe('partenaires de');
		expect(relationLabelFor('spin_off_of', 'in', pionniers)).toBe('ont essaimé');
		expect(relationLabelFor('works_at', 'in', pionniers)).toBe('emploient');
		expect(relationLabelFor('organises', 'in', rencontre)).toBe('organisée par');
		expect(relationLabelFor('takes_place_at', 'out', journees)).toBe('ont lieu à');
		expect(relationLabelFor('participates_in', 'in', journees)).toBe('comptent parmi leurs participants');
		expect(relationLabelFor('takes_place_at', 'in', cite)).toBe('accueille');
		// A person: the vocabulary's label (no recorded gender).
		expect(relationLabelFor('incubated_by', 'out', camille)).toBe('incubé·e par');
		expect(relationLabelFor('founded', 'out', camille)).toBe('a fondé');
	});
});

describe('relation sentences', () => {
	it('says every tense', () => {
		const r = (startDate: string | null, endDate: string | null) => ({ type: 'incubated_by', startDate, endDate });
		expect(relationSentence(r('2019-10', '2020-03'), volcabio, couveuse, 'out', TODAY)).toBe(
			"Volcabio a été incubée par la Couveuse des Puys d'octobre 2019 à mars 2020"
		);
		expect(relationSentence(r('2025-03', '2027-06'), volcabio, couveuse, 'out', TODAY)).toBe(
			"Volcabio est incubée par la Couveuse des Puys depuis mars 2025 et jusqu'en juin 2027"
		);
		expect(relationSentence(r('2027-04', null), volcabio, couveuse, 'out', TODAY)).toBe("Volcabio sera incubée par la Couveuse des Puys à partir d'avril 2027");
		expect(relationTiming(r(null, null), TODAY)).toEqual({ tense: 'present', dates: null });
	});
	it('never gives a person a participle: the sentence is told from the other side', () => {
		const w = relationWords({ type: 'incubated_by', startDate: '2019', endDate: '2020' }, camille, couveuse, 'out', TODAY);
		expect(w.flipped).toBe(true);
		expect(relationSentence({ type: 'incubated_by', startDate: '2019', endDate: '2020' }, camille, couveuse, 'out', TODAY)).toBe(
			'La Couveuse des Puys a incubé Camille Martin de 2019 à 2020'
		);
		expect(relationSentence({ type: 'mentored_by', startDate: '2015', endDate: null }, camille, { name: 'Hélène Roux', kind: 'person' }, 'out', TODAY)).toBe(
			'Hélène Roux accompagne Camille Martin depuis 2015'
		);
	});
	it('agrees a plural subject', () => {
		const pionniers = { name: 'Les Pionniers du Velay', kind: 'organisation', category: 'association' };
		expect(
			relationSentence(
				{ type: 'partner_of', startDate: '2017', endDate: null },
				pionniers,
				{ name: 'Arverflow', kind: 'organisation', category: 'startup' },
				'out',
				TODAY
			)
		).toBe("Les Pionniers du Velay sont partenaires d'Arverflow depuis 2017");
		expect(relationSentence({ type: 'member_of', startDate: null, endDate: null }, pionniers, volcabio, 'in', TODAY)).toBe(
			'Les Pionniers du Velay comptent Volcabio parmi leurs membres'
		);
	});
	it('a grant with no end is a moment, with an end a period', () => {
		const fonds = { name: "Prêts d'honneur du Mézenc", kind: 'organisation', category: 'funder' };
		expect(relationSentence({ type: 'funded_by', startDate: '2021-03', endDate: null }, volcabio, fonds, 'out', TODAY)).toBe(
			"Volcabio a été financée par les Prêts d'honneur du Mézenc en mars 2021"
		);
		expect(relationSentence({ type: 'funded_by', startDate: '2019', endDate: '2021' }, fonds, volcabio, 'in', TODAY)).toBe(
			"Les Prêts d'honneur du Mézenc ont financé Volcabio de 2019 à 2021"
		);
	});
	it('cuts a pathway step around the structure’s name', () => {
		expect(stepParts(volcabio, 'incubated_by', couveuse)).toEqual({ before: 'Incubée par la ', name: 'Couveuse des Puys', label: 'incubée par' });
		expect(stepParts(volcabio, 'hosted_by', { name: 'Le Cowork des Dômes', kind: 'third_place', category: 'coworking' })).toEqual({
			before: 'Hébergée au ',
			name: 'Cowork des Dômes',
			label: 'hébergée à'
		});
		expect(stepParts(volcabio, 'founded', camille)).toEqual({ before: 'Fondée par ', name: 'Camille Martin', label: 'fondée par' });
		expect(stepParts(camille, 'incubated_by', couveuse)).toEqual({ before: 'Incubation à la ', name: 'Couveuse des Puys', label: 'incubation à' });
		expect(stepParts(camille, 'founded', volcabio)).toEqual({ before: 'A fondé ', name: 'Volcabio', label: 'a fondé' });
	});
	it('knows every relation type of the vocabulary', () => {
		for (const t of relationTypeTerms)
			expect(relationSentence({ type: t.code, startDate: null, endDate: null }, volcabio, couveuse, 'out', TODAY)).not.toContain('—');
	});
});

describe('counts and comparisons', () => {
	it('agrees a word with a count, never « (s) »; 0 and 1 are singular', () => {
		expect(countOf(0, 'acteur')).toBe('0 acteur');
		expect(countOf(1, 'acteur')).toBe('1 acteur');
		expect(countOf(2, 'acteur')).toBe('2 acteurs');
		expect(countOf(1234, 'habitant')).toBe('1\u202f234 habitants');
		expect(countOf(3, 'commune répond', 'communes répondent')).toBe('3 communes répondent');
		expect(byCount(1, 'situé')).toBe('situé');
		expect(byCount(12, 'filtre actif', 'filtres actifs')).toBe('filtres actifs');
		expect(byCount(0, 'autre')).toBe('autre');
	});
	it("gives a count its article or demonstrative, one thing not counted (« l'acteur », never « les 1 acteurs »)", () => {
		expect(theCount(12, 'acteur')).toBe('les 12 acteurs');
		expect(theCount(1, 'acteur')).toBe("l'acteur");
		expect(theCount(1, 'lieu', 'lieux')).toBe('le lieu');
		expect(theCount(1, 'structure', 'structures', 'f')).toBe('la structure');
		expect(theCount(0, 'acteur')).toBe('aucun acteur');
		expect(theCount(1234, 'acteur')).toBe('les 1\u202f234 acteurs');
		expect(theseCount(3, 'acteur')).toBe('ces 3 acteurs');
		expect(theseCount(1, 'acteur')).toBe('cet acteur');
		expect(theseCount(1, 'lieu', 'lieux')).toBe('ce lieu');
		expect(theseCount(1, 'structure', 'structures', 'f')).toBe('cette structure');
		expect(theseCount(0, 'structure', 'structures', 'f')).toBe('aucune structure');
	});

	it('elides « que » and says « que » before a territory with its article', () => {
		expect(que('Aurillac')).toBe("qu'Aurillac");
		expect(que('Brioude')).toBe('que Brioude');
		expect(thanTerritory('Yssingeaux', 'commune')).toBe("qu'Yssingeaux");
		expect(thanTerritory('Yolet', 'commune')).toBe('que Yolet');
		expect(thanTerritory('Le Puy-en-Velay', 'commune')).toBe('que Le Puy-en-Velay');
		expect(thanTerritory('Allier', 'departement')).toBe("que l'Allier");
		expect(thanTerritory('Haute-Loire', 'departement')).toBe('que la Haute-Loire');
		expect(ofTerritory('Yolet', 'commune')).toBe('de Yolet');
		expect(ofTerritory('Les Estables', 'commune')).toBe('des Estables');
		expect(ofTerritory('La Chaise-Dieu', 'commune')).toBe('de La Chaise-Dieu');
	});
	it('names a listing whose name is unknown with its article', () => {
		expect(withPreposition('par', { name: 'fiche n° 12', kind: 'document' })).toBe('par la fiche n° 12');
	});
});

describe('relation captions (titles, lines whose dates are apart) and card clauses', () => {
	const passerelle: Nameable = { name: "La Passerelle d'Aulnat", kind: 'third_place', category: 'coworking' };
	const pionniers: Nameable = { name: 'Les Pionniers du Velay', kind: 'organisation', category: 'association' };
	const incubateurDomes: Nameable = { name: 'Incubateur des Dômes', kind: 'organisation', category: 'incubator' };
	it('agrees the participle with an organisation, gives the other end its article and preposition', () => {
		expect(relationCaptionText('hosted_by', { name: 'Agrily', kind: 'organisation', category: 'startup' }, passerelle)).toBe(
			"Agrily hébergée à La Passerelle d'Aulnat"
		);
		expect(relationCaptionText('hosted_by', volcabio, fablab)).toBe('Volcabio hébergée au Fablab des Dômes');
		expect(relationCaptionText('incubated_by', volcabio, incubateurDomes)).toBe("Volcabio incubée par l'Incubateur des Dômes");
		expect(relationCaptionText('member_of', pionniers, club)).toBe('Les Pionniers du Velay membres du Club des dirigeants du Velay');
		expect(relationCaptionText('member_of', club, volcabio)).toBe('le Club des dirigeants du Velay membre de Volcabio');
		expect(relationCaptionText('founded', camille, volcabio)).toBe('Camille Martin a fondé Volcabio');
		expect(relationCaptionText('founded', pionniers, volcabio)).toBe('Les Pionniers du Velay ont fondé Volcabio');
		expect(relationCaptionText('works_at', camille, volcabio)).toBe('Camille Martin travaille chez Volcabio');
		expect(relationCaptionText('takes_place_at', forum, cite)).toBe("le Forum de l'innovation du Velay a lieu à la Cité du design");
		expect(relationCaptionText('spin_off_of', volcabio, { name: 'Institut supérieur des Dômes', kind: 'organisation', category: 'university' })).toBe(
			"Volcabio essaimée de l'Institut supérieur des Dômes"
		);
	});
	it('tells a person’s participle from the other side, in the active voice', () => {
		const c = relationCaption('incubated_by', camille, couveuse);
		expect(c).toMatchObject({
			flipped: true,
			subject: { before: 'la ', name: 'Couveuse des Puys' },
			verb: 'a incubé',
			object: { before: '', name: 'Camille Martin' }
		});
		expect(relationCaptionText('mentored_by', camille, { name: 'Hélène Roux', kind: 'person' })).toBe('Hélène Roux a accompagné Camille Martin');
	});
	it('writes a card line with its tense and dates, cut around the other name', () => {
		const r = (type: string, startDate: string | null, endDate: string | null = null) => ({ type, startDate, endDate });
		expect(relationClause(r('incubated_by', '2021'), volcabio, couveuse, 'out', TODAY)).toEqual({
			before: 'Est incubée par la ',
			name: 'Couveuse des Puys',
			tail: '',
			dates: 'depuis 2021'
		});
		expect(relationClause(r('incubated_by', '2019', '2020'), couveuse, volcabio, 'in', TODAY)).toEqual({
			before: 'A incubé ',
			name: 'Volcabio',
			tail: '',
			dates: 'de 2019 à 2020'
		});
		expect(relationClause(r('member_of', null), club, volcabio, 'in', TODAY)).toEqual({
			before: 'Compte ',
			name: 'Volcabio',
			tail: 'parmi ses membres',
			dates: ''
		});
		expect(relationClause(r('founded', '2016'), volcabio, camille, 'in', TODAY)).toEqual({
			before: 'A été fondée par ',
			name: 'Camille Martin',
			tail: '',
			dates: 'en 2016'
		});
		// A person: a noun, as pathway steps say it.
		expect(relationClause(r('incubated_by', '2019', '2020'), camille, couveuse, 'out', TODAY)).toEqual({
			before: 'Incubation à la ',
			name: 'Couveuse des Puys',
			tail: '',
			dates: 'de 2019 à 2020'
		});
		expect(relationClause(r('participates_in', '2027-03-18'), camille, forum, 'out', TODAY)).toEqual({
			before: 'Participera au ',
			name: "Forum de l'innovation du Velay",
			tail: '',
			dates: 'le 18 mars 2027'
		});
	});
	it('has no inclusive-writing dot, no unelided « de », no uncontracted « à le » for any type × kind × side', () => {
		const ends: Nameable[] = [
			volcabio,
			couveuse,
			club,
			fablab,
			cite,
			forum,
			passerelle,
			pionniers,
			incubateurDomes,
			{ name: 'Arverflow', kind: 'organisation', category: 'startup' }
		];
		const faults: string[] = [];
		const check = (text: string) => {
			if (/·/.test(text)) faults.push(`point médian : ${text}`);
			if (/(^|\s)(de|le|la|que) [aeiouàâéèêîôû]/i.test(text)) faults.push(`sans élision : ${text}`);
			if (/\b(à le|à les|de le|de les)\s/i.test(text)) faults.push(`non contracté : ${text}`);
			if (/ {2}|\s$|^\s/.test(text)) faults.push(`espaces : ${text}`);
		};
		for (const type of RELATION_TYPES)
			for (const a of [camille, ...ends])
				for (const b of [camille, ...ends]) {
					if (a === b) continue;
					check(relationCaptionText(type, a, b));
					for (const direction of ['out', 'in'] as const) {
						const c = relationClause({ type, startDate: '2019', endDate: '2021' }, a, b, direction, TODAY);
						// A person is never the target of a founding or a lead in the vocabulary: those keep the label.
						if (a.kind === 'person' && direction === 'in' && ['founded', 'leads', 'organises'].includes(type)) continue;
						check([c.before + c.name, c.tail, c.dates].filter(Boolean).join(' '));
					}
				}
		expect(faults.slice(0, 20)).toEqual([]);
	});
});

describe('weekHeading (the agenda)', () => {
	it('says this week and next week from today, then « Semaine du … » with the year only when it is another', () => {
		expect(weekHeading('2026-12-07', '2026-12-09')).toBe('Cette semaine');
		expect(weekHeading('2026-12-14', '2026-12-13')).toBe('La semaine prochaine');
		expect(weekHeading('2026-12-21', '2026-12-07')).toBe('Semaine du 21 décembre');
		expect(weekHeading('2027-02-01', '2026-12-07')).toBe('Semaine du 1er février 2027');
	});
});
