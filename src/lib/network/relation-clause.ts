/**
 * A relation in an actor's card, in the page's language, cut around the other actor's name (the name becomes
 * a link): French through the French-phrasing module (« Est incubée par la » + « Couveuse des Puys » +
 * « depuis 2021 »), English from the English sentence without its subject (« Has been incubated by » +
 * « Couveuse des Puys » + « since 2021 »).
 */
import * as english from '$lib/domain/english';
import { capitalise, relationClause, type Direction, type Nameable, type RelationFacts } from '$lib/domain/french';
import type { Locale } from '$lib/paraglide/runtime';

export interface CardClause {
	before: string;
	name: string;
	tail: string;
	dates: string;
}

export function cardClause(r: RelationFacts, subject: Nameable, other: Nameable, direction: Direction, locale: Locale, today?: string): CardClause {
	if (locale !== 'en') return relationClause(r, subject, other, direction, today);
	const dates = english.relationTiming(r, today).dates ?? '';
	// The sentence with an empty subject starts at its verb: « has been incubated by Couveuse des Puys since 2021 ».
	const sentence = english.relationSentence(r, { ...subject, name: '' }, other, direction, today);
	const at = sentence.indexOf(other.name);
	const rest = sentence.slice(at + other.name.length).trim();
	const tail = dates && rest.endsWith(dates) ? rest.slice(0, -dates.length).trim() : rest;
	return { before: capitalise(sentence.slice(0, at)), name: other.name, tail, dates };
}
