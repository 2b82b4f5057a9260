/**
 * Relations written out: « Volcabio est incubée par la Couveuse des Puys depuis 2021 », « Camille Martin
 * a fondé Volcabio en 2016 », « Volcabio a été fondée par Camille Martin le 3 mai 2016 ».
 *
 * - Tense from the dates and today: a relation over, running or to come (« a été incubée », « est
 *   incubée », « sera incubée »).
 * - A moment is not a duration: founding, spin-off, a grant with no end and everything about an event
 *   happen at a date (« fondée en 2016 », « a lieu le 18 mars 2027 », « du 18 au 20 mars 2027 »); the
 *   others last (« depuis le 18 mars 2021 », « de 2019 à 2021 », « jusqu'en 2021 »).
 * - A participle agrees with its subject's gender and number (names.ts). A person has no recorded
 *   gender: a sentence that would need one is written from the other side, in the active voice
 *   (« la Couveuse des Puys a incubé Camille Martin »), so no sentence carries an inclusive-writing dot.
 */
import { relationType } from '$lib/domain/vocabulary';
import { agree, namePart, nounPhrase, type Nameable, type NamePart, type NounPhrase, type Preposition } from './names';
import { firstDay, lastDay, onDate, parisToday, precisionOf, runningDates, sinceDate, spanDates, untilDate, fromDate } from './dates';
import { capitalise, frenchSpacing } from './typography';

export type Tense = 'past' | 'present' | 'future';
export type Direction = 'out' | 'in';

/** A relation as sentences need it: its type, its partial dates, its two ends. */
export interface RelationFacts {
	type: string;
	startDate: string | null;
	endDate: string | null;
}

type Forms = Record<Tense, [singular: string, plural: string]>;

/** A regular -er verb: « incube, incubent / a incubé, ont incubé / incubera, incuberont ». */
const er = (stem: string, suffix = ''): Forms => ({
	present: [`${stem}e${suffix}`, `${stem}ent${suffix}`],
	past: [`a ${stem}é${suffix}`, `ont ${stem}é${suffix}`],
	future: [`${stem}era${suffix}`, `${stem}eront${suffix}`]
});

const ETRE: Forms = { present: ['est', 'sont'], past: ['a été', 'ont été'], future: ['sera', 'seront'] };
const VERBS = {
	fonder: er('fond'),
	travailler: er('travaill'),
	diriger: er('dirig'),
	participer: er('particip'),
	organiser: er('organis'),
	compter: er('compt'),
	incuber: er('incub'),
	financer: er('financ'),
	accompagner: er('accompagn'),
	heberger: er('héberg'),
	former: er('form'),
	naitre: er('donn', ' naissance'),
	employer: { present: ['emploie', 'emploient'], past: ['a employé', 'ont employé'], future: ['emploiera', 'emploieront'] },
	accelerer: { present: ['accélère', 'accélèrent'], past: ['a accéléré', 'ont accéléré'], future: ['accélérera', 'accéléreront'] },
	accueillir: { present: ['accueille', 'accueillent'], past: ['a accueilli', 'ont accueilli'], future: ['accueillera', 'accueilleront'] },
	avoirLieu: { present: ['a lieu', 'ont lieu'], past: ['a eu lieu', 'ont eu lieu'], future: ['aura lieu', 'auront lieu'] }
} satisfies Record<string, Forms>;

/** How one side of a relation is said, its subject being that side's actor. */
type Clause =
	/** « S incube O », « S participe à O », « S compte O parmi ses membres ». */
	| { voice: 'active'; verb: Forms; prep?: (o: NounPhrase) => Preposition | null; tail?: [string, string] }
	/** « S est incubée par O »: the participle agrees with S. */
	| { voice: 'passive'; participle: string; prep: (o: NounPhrase) => Preposition }
	/** « S est membre de O », « S sont partenaires de O ». */
	| { voice: 'copula'; attribute: [string, string]; prep: Preposition };

const by = () => 'par' as const;
/** « hébergée à la Grange » (a place), « hébergée par Volcabio » (anything else). */
const atPlaceOrBy = (o: NounPhrase): Preposition => (o.place ? 'à' : 'par');
/** « travaille à la Couveuse », « travaille chez Volcabio » (a brand takes no article, and one works « chez » it). */
const atOrChez = (o: NounPhrase): Preposition => (o.person ? 'auprès de' : o.article ? 'à' : 'chez');

/** The two sides of every relation type: `out` has the source as subject, `in` the target. */
const CLAUSES: Record<string, { out: Clause; in: Clause }> = {
	founded: { out: { voice: 'active', verb: VERBS.fonder }, in: { voice: 'passive', participle: 'fondé', prep: by } },
	works_at: { out: { voice: 'active', verb: VERBS.travailler, prep: atOrChez }, in: { voice: 'active', verb: VERBS.employer } },
	leads: { out: { voice: 'active', verb: VERBS.diriger }, in: { voice: 'passive', participle: 'dirigé', prep: by } },
	member_of: {
		out: { voice: 'copula', attribute: ['membre', 'membres'], prep: 'de' },
		in: { voice: 'active', verb: VERBS.compter, tail: ['parmi ses membres', 'parmi leurs membres'] }
	},
	incubated_by: { out: { voice: 'passive', participle: 'incubé', prep: by }, in: { voice: 'active', verb: VERBS.incuber } },
	accelerated_by: { out: { voice: 'passive', participle: 'accéléré', prep: by }, in: { voice: 'active', verb: VERBS.accelerer } },
	funded_by: { out: { voice: 'passive', participle: 'financé', prep: by }, in: { voice: 'active', verb: VERBS.financer } },
	mentored_by: { out: { voice: 'passive', participle: 'accompagné', prep: by }, in: { voice: 'active', verb: VERBS.accompagner } },
	hosted_by: { out: { voice: 'passive', participle: 'hébergé', prep: atPlaceOrBy }, in: { voice: 'active', verb: VERBS.heberger } },
	trained_by: { out: { voice: 'passive', participle: 'formé', prep: by }, in: { voice: 'active', verb: VERBS.former } },
	spin_off_of: { out: { voice: 'passive', participle: 'essaimé', prep: () => 'de' }, in: { voice: 'active', verb: VERBS.naitre, prep: () => 'à' } },
	partner_of: {
		out: { voice: 'copula', attribute: ['partenaire', 'partenaires'], prep: 'de' },
		in: { voice: 'copula', attribute: ['partenaire', 'partenaires'], prep: 'de' }
	},
	organises: { out: { voice: 'active', verb: VERBS.organiser }, in: { voice: 'passive', participle: 'organisé', prep: by } },
	participates_in: {
		out: { voice: 'active', verb: VERBS.participer, prep: () => 'à' },
		in: { voice: 'active', verb: VERBS.compter, tail: ['parmi ses participants', 'parmi leurs participants'] }
	},
	takes_place_at: { out: { voice: 'active', verb: VERBS.avoirLieu, prep: () => 'à' }, in: { voice: 'active', verb: VERBS.accueillir } }
};

/** Relations that happen at a moment rather than last: « en 2016 », « le 18 mars 2027 », never « depuis ». */
const MOMENT_TYPES = new Set(['founded', 'spin_off_of', 'organises', 'participates_in', 'takes_place_at']);
/** A moment that is over once dated this year or this month (a founding), unlike an event that may be later this month. */
const DONE_WHEN_DATED = new Set(['founded', 'spin_off_of', 'funded_by']);

/** A grant with no end is a moment (« financée en mars 2021 »); with an end, it lasts (« de 2019 à 2021 »). */
export function isMoment(r: RelationFacts): boolean {
	return MOMENT_TYPES.has(r.type) || (r.type === 'funded_by' && !r.endDate);
}

export interface Timing {
	tense: Tense;
	/** « depuis 2021 », « de 2019 à 2020 », « le 18 mars 2027 »; null when the relation has no date. */
	dates: string | null;
}

/**
 * The tense and the date words of a relation, from its type, its dates and today (a Paris ISO day).
 * A founding's end date says nothing about the founding: it is left out.
 */
export function relationTiming(r: RelationFacts, today: string = parisToday()): Timing {
	const moment = isMoment(r);
	const end = r.type === 'founded' || r.type === 'spin_off_of' ? null : r.endDate;
	const start = r.startDate;
	if (!start && !end) return { tense: DONE_WHEN_DATED.has(r.type) ? 'past' : 'present', dates: null };
	if (start && (!end || end === start)) {
		if (firstDay(start) > today) return { tense: 'future', dates: moment || end ? onDate(start) : fromDate(start) };
		if (moment || end) {
			if (lastDay(start) < today) return { tense: 'past', dates: onDate(start) };
			const ongoing = precisionOf(start) === 'day' || !DONE_WHEN_DATED.has(r.type);
			return { tense: ongoing ? 'present' : 'past', dates: onDate(start) };
		}
		return { tense: 'present', dates: sinceDate(start) };
	}
	if (!start) return { tense: lastDay(end as string) < today ? 'past' : 'present', dates: untilDate(end as string) };
	const e = end as string;
	if (lastDay(e) < today) return { tense: 'past', dates: spanDates(start, e) };
	if (firstDay(start) > today) return { tense: 'future', dates: spanDates(start, e) };
	return { tense: 'present', dates: moment ? spanDates(start, e) : runningDates(start, e) };
}

/** A relation sentence in pieces, so that a page can link either actor's name. */
export interface RelationWords {
	/** The subject: its article (capitalised, or '') and its name. */
	subject: NamePart;
	/** « est incubée par », « compte », « a eu lieu »… with the preposition before the object's article. */
	verb: string;
	/** The object: preposition and article (« par la », « au », « d' », '') and its name. */
	object: NamePart;
	/** Tail and dates: « parmi ses membres depuis 2019 ». */
	after: string;
	/** The sentence is told from the other side (a person subject of a participle): `subject` is `other`. */
	flipped: boolean;
}

function clauseFor(type: string, direction: Direction): Clause | null {
	const pair = CLAUSES[type];
	if (!pair) return null;
	return relationType(type)?.symmetric ? pair.out : pair[direction];
}

/** The verb group of a clause for this subject and tense, and the preposition before the object. */
function verbGroup(clause: Clause, s: NounPhrase, o: NounPhrase, tense: Tense): { verb: string; prep: Preposition | null; tail: string } {
	const n = s.plural ? 1 : 0;
	if (clause.voice === 'active') return { verb: clause.verb[tense][n], prep: clause.prep?.(o) ?? null, tail: clause.tail?.[n] ?? '' };
	if (clause.voice === 'copula') return { verb: `${ETRE[tense][n]} ${clause.attribute[n]}`, prep: clause.prep, tail: '' };
	return { verb: `${ETRE[tense][n]} ${agree(clause.participle, s)}`, prep: clause.prep(o), tail: '' };
}

/** The subject at the head of a sentence: its article capitalised (« La Couveuse », « L'Incubateur »). */
function subjectPart(s: NounPhrase): NamePart {
	const { before, name } = namePart(null, s);
	return before ? { before: capitalise(before), name } : { before, name };
}

/**
 * One relation as one sentence from one side (`direction` 'out': `subject` is the relation's source), in
 * pieces. A person subject of a participle is told from the other side instead (see the file's comment).
 */
export function relationWords(r: RelationFacts, subject: Nameable, other: Nameable, direction: Direction = 'out', today: string = parisToday()): RelationWords {
	const clause = clauseFor(r.type, direction);
	const s = nounPhrase(subject);
	const o = nounPhrase(other);
	if (!clause) {
		const label = relationType(r.type)?.label ?? r.type;
		return { subject: subjectPart(s), verb: `— ${label} —`, object: namePart(null, o), after: '', flipped: false };
	}
	if (clause.voice === 'passive' && s.person) {
		const flipped = clauseFor(r.type, direction === 'out' ? 'in' : 'out');
		if (flipped && flipped.voice !== 'passive') return { ...relationWords(r, other, subject, direction === 'out' ? 'in' : 'out', today), flipped: true };
	}
	const { tense, dates } = relationTiming(r, today);
	const { verb, prep, tail } = verbGroup(clause, s, o, tense);
	return { subject: subjectPart(s), verb, object: namePart(prep, o), after: [tail, dates].filter(Boolean).join(' '), flipped: false };
}

/** « Volcabio est incubée par la Couveuse des Puys depuis 2021 » (no final full stop). */
export function relationSentence(r: RelationFacts, subject: Nameable, other: Nameable, direction: Direction = 'out', today?: string): string {
	const w = relationWords(r, subject, other, direction, today);
	return frenchSpacing(`${w.subject.before}${w.subject.name} ${w.verb} ${w.object.before}${w.object.name}${w.after ? ` ${w.after}` : ''}`);
}

/** The vocabulary's label of one side (« incubé·e par », « a incubé »), as the type filters show it. */
function vocabularyLabel(type: string, direction: Direction): string | null {
	const term = relationType(type);
	if (!term) return null;
	return direction === 'out' || term.symmetric ? term.label : term.inverseLabel;
}

/**
 * The relation's label from one side, without dates or tense, agreed with the subject in gender and
 * number: « incubée par », « incubés par », « a incubé », « ont fondé », « membres de », « organisée par »,
 * « compte parmi ses participants ». A person keeps the vocabulary's label (its « ·e »: no gender is
 * recorded) except where a neutral one exists.
 */
export function relationLabelFor(type: string, direction: Direction, subject: Nameable): string {
	const label = vocabularyLabel(type, direction);
	if (label === null) return type;
	const s = nounPhrase(subject);
	const n = s.plural ? 1 : 0;
	if (type === 'participates_in' && direction === 'in') return n ? 'comptent parmi leurs participants' : 'compte parmi ses participants';
	if (s.person) return label;
	const clause = clauseFor(type, direction);
	// « incubé·e par », « organisé par »: the participle agreed, the label's own preposition (no object to choose « à »).
	if (clause?.voice === 'passive') return `${agree(clause.participle, s)} ${label.split(' ').at(-1)}`;
	if (clause?.voice === 'copula') return label.replace(clause.attribute[0], clause.attribute[n]);
	if (clause?.voice === 'active' && n) {
		for (const tense of ['past', 'present', 'future'] as const) {
			const [one, many] = clause.verb[tense];
			if (label === one || label.startsWith(`${one} `))
				return `${many}${label.slice(one.length)}`.replace(clause.tail?.[0] ?? '\u0000', clause.tail?.[1] ?? '');
		}
		// « a essaimé » (the sentences say « ont donné naissance à »): the auxiliary agrees.
		if (/^a (?!lieu)/.test(label)) return label.replace(/^a /, 'ont ');
	}
	return label.replace(/(\S+?)·e\b/g, (_, stem: string) => agree(stem, s));
}

const CONFIRMATION: Record<string, string> = { confirmed: 'confirmée par les deux parties', disputed: 'contestée' };

export type CheckedRelation = RelationFacts & { confirmation?: string | null; source?: string | null };

/** What a reader checks about a relation, apart from its sentence: its notes and its source. */
export interface RelationDetails {
	/** The relation in its own direction, with its dates: « Volcabio a été incubée par … de 2019 à 2020 ». */
	sentence: string;
	/** « date inconnue », « confirmée par les deux parties », « contestée »; a declared relation says nothing. */
	notes: string[];
	/** Who says so (a citation, a URL, or both), or null: a page makes its URLs links. */
	source: string | null;
}

/** The sentence of a path's relation and what a reader checks, apart, so that a page can link the source. */
export function relationDetails(r: CheckedRelation, source: Nameable, target: Nameable, today?: string): RelationDetails {
	const notes: string[] = [];
	if (!r.startDate && !r.endDate) notes.push('date inconnue');
	const confirmation = CONFIRMATION[r.confirmation ?? ''];
	if (confirmation) notes.push(confirmation);
	return { sentence: relationSentence(r, source, target, 'out', today), notes, source: r.source?.trim() || null };
}

/**
 * A path's relation, in its own direction, with what a reader checks, as one string: « Volcabio a été
 * incubée par l'Incubateur des Dômes de 2019 à 2020 (confirmée par les deux parties ; source : Le Connecteur) ».
 */
export function relationWithDetails(r: CheckedRelation, source: Nameable, target: Nameable, today?: string): string {
	const d = relationDetails(r, source, target, today);
	const details = [...d.notes, d.source ? `source : ${d.source}` : 'source à préciser'];
	return `${d.sentence} (${frenchSpacing(details.join(' ; '))})`;
}

/** Relation dates alone, as a list of relations shows them next to a name: « depuis 2021 », « en 2016 ». */
export function relationDates(r: RelationFacts, today?: string): string {
	return relationTiming(r, today).dates ?? 'date inconnue';
}

/** The heading of one group of relations on an actor's page, read from that actor's side. */
export function relationHeading(type: string, direction: Direction, subject: Nameable): string {
	const s = nounPhrase(subject);
	const side = relationType(type)?.symmetric ? 'out' : direction;
	const n = s.plural ? 1 : 0;
	const agreed = (participle: string, prep: string) => `${capitalise(agree(participle, s))} ${prep}`;
	const byKind = (participle: string, prep: string, noun: string) => (s.person ? noun : agreed(participle, prep));
	const out: Record<string, () => string> = {
		founded: () => (s.plural ? 'Ont fondé' : 'A fondé'),
		works_at: () => 'Lieux de travail',
		leads: () => 'Structures dirigées',
		member_of: () => (n ? 'Membres de' : 'Membre de'),
		incubated_by: () => byKind('incubé', 'par', 'Incubation'),
		accelerated_by: () => byKind('accéléré', 'par', 'Accélération'),
		funded_by: () => byKind('financé', 'par', 'Financements'),
		mentored_by: () => byKind('accompagné', 'par', 'Accompagnement'),
		hosted_by: () => byKind('hébergé', 'par', 'Hébergement'),
		trained_by: () => byKind('formé', 'par', 'Formation'),
		spin_off_of: () => byKind('essaimé', 'de', 'Essaimage'),
		partner_of: () => (n ? 'Partenaires de' : 'Partenaire de'),
		organises: () => 'Événements organisés',
		participates_in: () => 'Participations',
		takes_place_at: () => 'Lieu'
	};
	const incoming: Record<string, () => string> = {
		founded: () => byKind('fondé', 'par', 'Fondation'),
		works_at: () => 'Équipe',
		leads: () => byKind('dirigé', 'par', 'Direction'),
		member_of: () => 'Membres',
		incubated_by: () => 'Projets incubés',
		accelerated_by: () => 'Projets accélérés',
		funded_by: () => 'Projets financés',
		mentored_by: () => 'Projets accompagnés',
		hosted_by: () => 'Projets hébergés',
		trained_by: () => (s.plural ? 'Ont formé' : 'A formé'),
		spin_off_of: () => 'Projets essaimés',
		organises: () => byKind('organisé', 'par', 'Organisation'),
		participates_in: () => 'Participants',
		takes_place_at: () => 'Événements accueillis'
	};
	const make = (side === 'out' ? out : incoming)[type];
	return make ? make() : capitalise(relationType(type)?.label ?? type);
}

/** A person's side of a pathway relation as a noun (no participle to agree): « incubation à la », « formation auprès du ». */
function personNoun(type: string, o: NounPhrase): [string, Preposition | null] | undefined {
	const place = o.article && !o.person ? 'à' : 'chez';
	const nouns: Record<string, [string, Preposition | null]> = {
		founded: ['a fondé', null],
		spin_off_of: ['essaimage', 'de'],
		hosted_by: ['hébergement', o.place ? 'à' : place],
		incubated_by: ['incubation', place],
		accelerated_by: ['accélération', 'par'],
		funded_by: ['financement', 'de'],
		mentored_by: ['accompagnement', 'par'],
		trained_by: ['formation', 'auprès de'],
		member_of: ['membre', 'de']
	};
	return nouns[type];
}

/**
 * A pathway step, from the project's side, cut around the structure's name: « Incubée par la » +
 * « Couveuse des Puys »; for an entrepreneur (no recorded gender) a noun: « Incubation à la » + … .
 * `label` is the same without the article, for lists and the API: « incubée par », « incubation à ».
 */
export function stepParts(subject: Nameable, type: string, structure: Nameable): NamePart & { label: string } {
	const s = nounPhrase(subject);
	const o = nounPhrase(structure);
	const forStructure: Record<string, [string, Preposition | null]> = {
		founded: [agree('fondé', s), 'par'],
		spin_off_of: [agree('essaimé', s), 'de'],
		hosted_by: [agree('hébergé', s), o.place ? 'à' : 'par'],
		incubated_by: [agree('incubé', s), 'par'],
		accelerated_by: [agree('accéléré', s), 'par'],
		funded_by: [agree('financé', s), 'par'],
		mentored_by: [agree('accompagné', s), 'par'],
		trained_by: [agree('formé', s), 'par'],
		member_of: [s.plural ? 'membres' : 'membre', 'de']
	};
	const [word, prep] = (s.person ? personNoun(type, o) : forStructure[type]) ?? [relationType(type)?.label ?? type, null];
	const { before, name } = namePart(prep, o);
	return { before: capitalise(`${word} ${before}`), name, label: prep ? `${word} ${prep}` : word };
}

/**
 * A relation named without tense or dates, as a title or a line whose dates are shown apart: « Volcabio
 * incubée par la Couveuse des Puys », « Agrily hébergée à La Passerelle d'Aulnat », « Camille Martin a fondé
 * Volcabio », « le Club des dirigeants du Velay compte Volcabio parmi ses membres ». A person never takes a
 * participle: « la Couveuse des Puys a incubé Camille Martin » is told from the other side.
 */
export interface RelationCaption {
	/** The subject with its article in lower case (« la Couveuse des Puys »): a caller at the head of a line capitalises it. */
	subject: NamePart;
	/** The words between the names, without the object's preposition: « incubée », « membre », « a fondé », « compte ». */
	verb: string;
	/** The object with its preposition and article: « par la » + « Couveuse des Puys », « au » + « Fablab des Dômes ». */
	object: NamePart;
	/** After the object: « parmi ses membres », or ''. */
	tail: string;
	/** Told from the target's side (`subject` is the relation's target). */
	flipped: boolean;
}

export function relationCaption(type: string, source: Nameable, target: Nameable): RelationCaption {
	const s = nounPhrase(source);
	const out = clauseFor(type, 'out');
	const back = clauseFor(type, 'in');
	if (out?.voice === 'passive' && s.person && back && back.voice !== 'passive') return { ...captionFrom(type, 'in', target, source), flipped: true };
	return { ...captionFrom(type, 'out', source, target), flipped: false };
}

function captionFrom(type: string, direction: Direction, subject: Nameable, other: Nameable): Omit<RelationCaption, 'flipped'> {
	const s = nounPhrase(subject);
	const o = nounPhrase(other);
	const clause = clauseFor(type, direction);
	if (!clause) return { subject: namePart(null, s), verb: `— ${relationType(type)?.label ?? type} —`, object: namePart(null, o), tail: '' };
	// The vocabulary says which tense a label takes (« a fondé », « a incubé », but « dirige », « accueille »).
	const tense: Tense = /^a (?!lieu|pour)/.test(vocabularyLabel(type, direction) ?? '') ? 'past' : 'present';
	const n = s.plural ? 1 : 0;
	if (clause.voice === 'passive') return { subject: namePart(null, s), verb: agree(clause.participle, s), object: namePart(clause.prep(o), o), tail: '' };
	if (clause.voice === 'copula') return { subject: namePart(null, s), verb: clause.attribute[n], object: namePart(clause.prep, o), tail: '' };
	return { subject: namePart(null, s), verb: clause.verb[tense][n], object: namePart(clause.prep?.(o) ?? null, o), tail: clause.tail?.[n] ?? '' };
}

/** The caption as one string, its subject's article in lower case: « la Couveuse des Puys a incubé Camille Martin ». */
export function relationCaptionText(type: string, source: Nameable, target: Nameable): string {
	const c = relationCaption(type, source, target);
	return frenchSpacing(`${c.subject.before}${c.subject.name} ${c.verb} ${c.object.before}${c.object.name}${c.tail ? ` ${c.tail}` : ''}`);
}

/**
 * One relation in a list about `subject` (a map card's « Relations principales »): its sentence without the
 * subject, cut around the other actor's name, with its tense and dates: « Est incubée par la » + « Couveuse
 * des Puys » + « depuis 2021 », « Compte » + « Volcabio » + « parmi ses membres » + « depuis 2019 ». A person
 * subject of a participle gets a noun instead, as pathway steps do: « Incubation à la » + … + « de 2019 à 2020 ».
 */
export function relationClause(
	r: RelationFacts,
	subject: Nameable,
	other: Nameable,
	direction: Direction = 'out',
	today: string = parisToday()
): NamePart & { tail: string; dates: string } {
	const s = nounPhrase(subject);
	const o = nounPhrase(other);
	const clause = clauseFor(r.type, direction);
	const { tense, dates } = relationTiming(r, today);
	if (!clause || (clause.voice === 'passive' && s.person)) {
		const noun = s.person && direction === 'out' ? personNoun(r.type, o) : undefined;
		const label = noun ? noun[0] : relationLabelFor(r.type, direction, subject).replace(/\s(par|de|à)$/, '');
		const { before, name } = namePart(noun ? noun[1] : clause?.voice === 'passive' ? clause.prep(o) : null, o);
		return { before: capitalise(`${label} ${before}`), name, tail: '', dates: dates ?? '' };
	}
	const { verb, prep, tail } = verbGroup(clause, s, o, tense);
	const { before, name } = namePart(prep, o);
	return { before: capitalise(`${verb} ${before}`), name, tail, dates: dates ?? '' };
}
