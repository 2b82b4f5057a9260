/**
 * The generated sentences of a page in its language: the French-phrasing module on French pages, the English
 * one under /en. Components ask `phrasing()` once and call the same names in both languages.
 */
import * as english from '$lib/domain/english';
import * as french from '$lib/domain/french';
import { pathwaySummary } from '$lib/components/pathway/pathway-view';
import { vocabularyIn, kindPluralLabels, kindPluralLabelsEn, type TerritoryKind } from '$lib/domain/vocabulary';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

const FRENCH = {
	vocabulary: vocabularyIn('fr'),
	kindPlural: kindPluralLabels,
	relationDates: french.relationDates,
	relationHeading: french.relationHeading,
	stepParts: french.stepParts,
	periodLabel: french.periodLabel,
	actorLead: french.actorLead,
	eventDates: french.eventDates,
	formatDay: french.formatDay,
	weekHeading: french.weekHeading,
	recurrenceWords: french.recurrenceWords,
	exceptionWords: french.exceptionWords,
	pathwaySummary,
	inTerritory: (name: string, kind: string) => french.inTerritory(name, kind as TerritoryKind)
};

const ENGLISH: typeof FRENCH = {
	vocabulary: vocabularyIn('en'),
	kindPlural: kindPluralLabelsEn,
	relationDates: english.relationDates,
	relationHeading: (type, direction) => english.relationHeading(type, direction),
	stepParts: english.stepParts,
	periodLabel: english.periodLabel,
	actorLead: english.actorLead,
	eventDates: english.eventDates,
	formatDay: english.formatDay,
	weekHeading: english.weekHeading,
	recurrenceWords: english.recurrenceWords,
	exceptionWords: english.exceptionWords,
	pathwaySummary: english.pathwaySummary,
	inTerritory: (name) => `in ${name}`
};

export type Phrasing = typeof FRENCH;

export function phrasing(locale: Locale = getLocale()): Phrasing {
	return locale === 'en' ? ENGLISH : FRENCH;
}
