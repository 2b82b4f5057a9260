/**
 * Relations written out in English: « Volcabio was incubated by Couveuse des Puys from 2019 to 2020 »,
 * « Volcabio has been incubated by Couveuse des Puys since March 2021 ». The counterpart of french/relations.ts,
 * written for English rather than translated from it: no article before a name, no agreement, and a relation
 * still running since a date takes the present perfect (« has been », « has hosted »). The tense itself (over,
 * running, to come) is the French module's decision, read from the same dates: it is the same fact.
 */
import type { RelationCaption } from '../french/relations';
import {
	firstDay,
	isMoment,
	lastDay,
	parisToday,
	relationTiming as frenchTiming,
	type Direction,
	type Nameable,
	type RelationFacts,
	type Tense
} from '$lib/domain/french';
import { relationType } from '$lib/domain/vocabulary';
import { fromDate, onDate, runningDates, sinceDate, spanDates, untilDate } from './dates';

/** A verb group in each tense; `perfect` is the present with « since ». */
interface Verb {
	present: string;
	perfect: string;
	past: string;
	future: string;
	/** After the object: « among its members ». */
	tail?: string;
}

const passive = (participle: string, prep = 'by'): Verb => ({
	present: `is ${participle} ${prep}`,
	perfect: `has been ${participle} ${prep}`,
	past: `was ${participle} ${prep}`,
	future: `will be ${participle} ${prep}`
});
const copula = (attribute: string): Verb => ({
	present: `is ${attribute}`,
	perfect: `has been ${attribute}`,
	past: `was ${attribute}`,
	future: `will be ${attribute}`
});
const active = (present: string, perfect: string, past: string, future: string, tail?: string): Verb => ({
	present,
	perfect,
	past,
	future,
	...(tail ? { tail } : {})
});

/** The two sides of every relation type: `out` has the source as subject, `in` the target. */
const VERBS: Record<string, { out: Verb; in: Verb }> = {
	founded: { out: active('founded', 'founded', 'founded', 'will found'), in: passive('founded') },
	works_at: { out: active('works at', 'has worked at', 'worked at', 'will work at'), in: active('employs', 'has employed', 'employed', 'will employ') },
	leads: { out: active('leads', 'has led', 'led', 'will lead'), in: passive('led') },
	member_of: {
		out: copula('a member of'),
		in: active('counts', 'has counted', 'counted', 'will count', 'among its members')
	},
	incubated_by: { out: passive('incubated'), in: active('incubates', 'has incubated', 'incubated', 'will incubate') },
	accelerated_by: { out: passive('accelerated'), in: active('accelerates', 'has accelerated', 'accelerated', 'will accelerate') },
	funded_by: { out: passive('funded'), in: active('funds', 'has funded', 'funded', 'will fund') },
	mentored_by: { out: passive('mentored'), in: active('mentors', 'has mentored', 'mentored', 'will mentor') },
	hosted_by: { out: passive('hosted'), in: active('hosts', 'has hosted', 'hosted', 'will host') },
	trained_by: { out: passive('trained'), in: active('trains', 'has trained', 'trained', 'will train') },
	spin_off_of: { out: passive('spun off', 'from'), in: active('spins off', 'has spun off', 'spun off', 'will spin off') },
	partner_of: { out: copula('a partner of'), in: copula('a partner of') },
	organises: { out: active('organises', 'has organised', 'organised', 'will organise'), in: passive('organised') },
	participates_in: {
		out: active('takes part in', 'has taken part in', 'took part in', 'will take part in'),
		in: active('counts', 'has counted', 'counted', 'will count', 'among its participants')
	},
	takes_place_at: {
		out: active('takes place at', 'has taken place at', 'took place at', 'will take place at'),
		in: active('hosts', 'has hosted', 'hosted', 'will host')
	}
};

export interface Timing {
	tense: Tense;
	/** « since 2021 », « from 2019 to 2020 », « on 18 March 2027 »; null when the relation has no date. */
	dates: string | null;
}

/** The tense (the French module's) and the English date words of a relation, as french/relations.ts `relationTiming` chooses them. */
export function relationTiming(r: RelationFacts, today: string = parisToday()): Timing {
	const { tense } = frenchTiming(r, today);
	const moment = isMoment(r);
	const end = r.type === 'founded' || r.type === 'spin_off_of' ? null : r.endDate;
	const start = r.startDate;
	if (!start && !end) return { tense, dates: null };
	if (start && (!end || end === start)) {
		if (firstDay(start) > today) return { tense, dates: moment || end ? onDate(start) : fromDate(start) };
		return { tense, dates: moment || end ? onDate(start) : sinceDate(start) };
	}
	if (!start) return { tense, dates: untilDate(end as string) };
	const e = end as string;
	if (lastDay(e) < today || firstDay(start) > today || moment) return { tense, dates: spanDates(start, e) };
	return { tense, dates: runningDates(start, e) };
}

function verbFor(type: string, direction: Direction): Verb | null {
	const pair = VERBS[type];
	if (!pair) return null;
	return relationType(type)?.symmetric ? pair.out : pair[direction];
}

/** « Volcabio was incubated by Couveuse des Puys from 2019 to 2020 » (no final full stop), from `subject`'s side. */
export function relationSentence(r: RelationFacts, subject: Nameable, other: Nameable, direction: Direction = 'out', today?: string): string {
	const { tense, dates } = relationTiming(r, today);
	const verb = verbFor(r.type, direction);
	if (!verb) return `${subject.name} — ${relationType(r.type)?.labelEn ?? r.type} — ${other.name}`;
	const words = tense === 'present' && dates?.startsWith('since ') ? verb.perfect : verb[tense];
	return [subject.name, words, other.name, verb.tail, dates].filter(Boolean).join(' ');
}

/**
 * The caption of a relation without its dates, cut around the names as the French one is: « Volcabio » +
 * « is incubated by » + « Couveuse des Puys ». English needs no article nor agreement.
 */
export function relationCaption(type: string, source: Nameable, target: Nameable): RelationCaption {
	const verb = verbFor(type, 'out');
	return {
		subject: { before: '', name: source.name },
		verb: verb ? verb.present : `— ${relationType(type)?.labelEn ?? type} —`,
		object: { before: '', name: target.name },
		tail: verb?.tail ?? '',
		flipped: false
	};
}

/** Relation dates alone, as a list of relations shows them next to a name: « since 2021 », « in 2016 ». */
export function relationDates(r: RelationFacts, today?: string): string {
	return relationTiming(r, today).dates ?? 'date unknown';
}

const HEADINGS: Record<Direction, Record<string, string>> = {
	out: {
		founded: 'Founded',
		works_at: 'Workplaces',
		leads: 'Leads',
		member_of: 'Member of',
		incubated_by: 'Incubated by',
		accelerated_by: 'Accelerated by',
		funded_by: 'Funded by',
		mentored_by: 'Mentored by',
		hosted_by: 'Hosted by',
		trained_by: 'Trained by',
		spin_off_of: 'Spin-off of',
		partner_of: 'Partner of',
		organises: 'Events organised',
		participates_in: 'Takes part in',
		takes_place_at: 'Venue'
	},
	in: {
		founded: 'Founded by',
		works_at: 'Team',
		leads: 'Led by',
		member_of: 'Members',
		incubated_by: 'Projects incubated',
		accelerated_by: 'Projects accelerated',
		funded_by: 'Projects funded',
		mentored_by: 'Projects mentored',
		hosted_by: 'Projects hosted',
		trained_by: 'Trained',
		spin_off_of: 'Spin-offs',
		organises: 'Organised by',
		participates_in: 'Participants',
		takes_place_at: 'Events hosted'
	}
};

/** The heading of one group of relations on an actor's page, read from that actor's side: « Incubated by », « Projects incubated ». */
export function relationHeading(type: string, direction: Direction): string {
	const side = relationType(type)?.symmetric ? 'out' : direction;
	return HEADINGS[side][type] ?? relationType(type)?.labelEn ?? type;
}

const STEPS: Record<string, string> = {
	founded: 'Founded by',
	spin_off_of: 'Spun off from',
	incubated_by: 'Incubated by',
	accelerated_by: 'Accelerated by',
	funded_by: 'Funded by',
	mentored_by: 'Mentored by',
	trained_by: 'Trained by',
	member_of: 'Member of'
};

/**
 * A pathway step, from the project's side, cut before the structure's name: « Incubated by » + « Couveuse des
 * Puys », « Hosted at » + a third place; a person founds (« Founded » + « Volcabio »).
 */
export function stepParts(subject: Nameable, type: string, structure: Nameable): { before: string; name: string; label: string } {
	let label = STEPS[type] ?? relationType(type)?.labelEn ?? type;
	if (type === 'founded' && subject.kind === 'person') label = 'Founded';
	if (type === 'hosted_by') label = structure.kind === 'third_place' ? 'Hosted at' : 'Hosted by';
	return { before: `${label} `, name: structure.name, label: label.toLowerCase() };
}
