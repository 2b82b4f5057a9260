/**
 * French typography for generated text: non-breaking spaces where French puts a space before
 * punctuation, numbers as France writes them, lists with « et », a capital at the start of a sentence.
 */

/** U+00A0: the space before « : ; ? ! » and inside « », as the site writes `&nbsp;` in its templates. */
export const NBSP = '\u00a0';

/**
 * The no-break spaces alone, for a fragment whose edges matter (a catalogue message such as « Étape {order} : »):
 * one before « : ; ! ? » typed with a plain space or none after a word, one inside « ». What is not punctuation
 * stays as it is: an address (« https://… », « ?p=2 »), a time (« 10:30 »), a narrow no-break space already there.
 */
export function frenchPunctuationSpaces(text: string): string {
	return text
		.replace(/ +([:;!?])(?=\s|$|[»)"'’.,]|\{)/g, `${NBSP}$1`)
		.replace(/([^\s\u00a0\u202f«(])([!?])(?=\s|$)/gu, `$1${NBSP}$2`)
		.replace(/« */g, `«${NBSP}`)
		.replace(/ *»/g, `${NBSP}»`)
		.replace(/«[\u00a0\u202f]{2}/g, `«${NBSP}`)
		.replace(/[\u00a0\u202f]{2}»/g, `${NBSP}»`);
}

/** What French typography refuses: a breakable space (or none) before « : ; ! ? » ending a word group, or a guillemet without its no-break space. */
export const BREAKABLE_FRENCH_SPACING = /(^|[^\u00a0\u202f])[:;!?](\s|$)|«(?![\u00a0\u202f])|[^\u00a0\u202f]»/;

/**
 * Cleans a generated sentence: one space between words, the no-break spaces above, none before « , . ».
 */
export function frenchSpacing(text: string): string {
	return frenchPunctuationSpaces(text.replace(/[ \t]{2,}/g, ' '))
		.replace(/ ([,.])/g, '$1')
		.trim();
}

export function capitalise(text: string): string {
	return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** « A », « A et B », « A, B et C »: the French list, no comma before « et ». */
export function frenchList(items: readonly string[], last = 'et'): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

const integer = new Intl.NumberFormat('fr-FR');
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 1 234 » (narrow no-break space between thousands), « 7,5 ». */
export function formatNumber(n: number, fractionDigits: 0 | 1 = 0): string {
	return (fractionDigits ? decimal : integer).format(n);
}

/** « 1 projet », « 3 projets », « 1 234 projets ». `plural` when adding an « s » is not the plural. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${formatNumber(n)} ${byCount(n, singular, plural)}`;
}

/**
 * The word alone, agreed with a count said elsewhere in the sentence: « 3 acteurs situés sur la carte »,
 * « Voir les 50 suivants » / « Voir le suivant ». French puts 0 and 1 in the singular; never « (s) ».
 */
export function byCount(n: number, singular: string, plural = `${singular}s`): string {
	return Math.abs(n) >= 2 ? plural : singular;
}

/**
 * A count with its article, agreed: « les 3 acteurs », « l'acteur » (one thing is not counted: never
 * « les 1 acteurs »), « aucun acteur ». For a sentence such as « Télécharger les 12 acteurs de ce territoire ».
 */
export function theCount(n: number, singular: string, plural = `${singular}s`, gender: 'm' | 'f' = 'm'): string {
	if (Math.abs(n) >= 2) return `les ${formatNumber(n)} ${plural}`;
	if (n === 0) return `${gender === 'f' ? 'aucune' : 'aucun'} ${singular}`;
	return elides(singular) ? `l'${singular}` : `${gender === 'f' ? 'la' : 'le'} ${singular}`;
}

/** The same with a demonstrative: « ces 3 acteurs », « cet acteur », « cette structure », « ce lieu », « aucun acteur ». */
export function theseCount(n: number, singular: string, plural = `${singular}s`, gender: 'm' | 'f' = 'm'): string {
	if (Math.abs(n) >= 2) return `ces ${formatNumber(n)} ${plural}`;
	if (n === 0) return `${gender === 'f' ? 'aucune' : 'aucun'} ${singular}`;
	if (gender === 'f') return `cette ${singular}`;
	return elides(singular) ? `cet ${singular}` : `ce ${singular}`;
}

const VOWEL_START = /^[aeiouàâäéèêëîïôöûùüœæ]/i;

/**
 * Whether « de », « le », « la » elide before this word (« d'avril », « l'Incubateur », « d'Yssingeaux »).
 * A « y » elides before a consonant only (« d'Yssingeaux » but « de Yanis »). The « h » is left to the
 * caller, who knows whether it is mute (« l'hôtel ») or aspirated (« le hackathon »).
 */
export function elides(word: string): boolean {
	if (VOWEL_START.test(word)) return true;
	return /^y[^aeiouyàâéèêîôû]/i.test(word);
}

/** « de » before a word: « d'avril », « de mars », « d'Amélie », « de 2019 ». */
export function de(word: string, muteH = false): string {
	return elides(word) || (muteH && /^h/i.test(word)) ? `d'${word}` : `de ${word}`;
}

/** « que » before a word: « qu'Aurillac », « que Brioude », « qu'Yssingeaux ». */
export function que(word: string, muteH = false): string {
	return elides(word) || (muteH && /^h/i.test(word)) ? `qu'${word}` : `que ${word}`;
}
