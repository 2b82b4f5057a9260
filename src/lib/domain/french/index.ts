/**
 * The one French-phrasing module: every sentence the site generates about actors, relations, dates and
 * places is written here, so that elision, contraction, agreement, tense and typography are decided once.
 *
 * - dates.ts: partial dates and date-times (« d'octobre 2019 à mars 2020 », « depuis le 18 mars 2021 », « 1er »).
 * - names.ts: articles and genders of names (« la Couveuse des Puys », « d'Arverflow », « au Cowork »).
 * - places.ts: territories (« du Puy-de-Dôme », « en Haute-Loire », « au Puy-en-Velay », « qu'Aurillac »).
 * - relations.ts: relation sentences, relation headings, pathway steps, captions for titles (« Volcabio incubée
 *   par la Couveuse des Puys ») and a card's lines (« Est incubée par la » + name + « depuis 2021 »).
 * - actors.ts: a lead for a listing without summary (« Startup fondée en 2016 à Riom »).
 * - categories.ts: categories as nouns in a sentence (« un incubateur ou une pépinière »).
 * - recurrence.ts: how often an event comes back (« tous les premiers jeudis du mois », « sauf le 7 janvier 2027 »).
 * - typography.ts: non-breaking spaces, numbers, counts (« 3 acteurs », never « acteur(s) »), lists, elision
 *   of « de » and « que ».
 */
export * from './typography';
export * from './dates';
export * from './names';
export * from './places';
export * from './relations';
export * from './categories';
export * from './actors';
export * from './notices';
export * from './recurrence';
