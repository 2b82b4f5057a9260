/**
 * The English-phrasing module, counterpart of `$lib/domain/french` for the pages under /en: relation sentences,
 * relation headings, pathway steps, dates (British order, Paris time) and an actor's lead, written for English.
 */
export * from './dates';
export * from './relations';
export * from './actors';
export * from './recurrence';
