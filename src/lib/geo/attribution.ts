/** The credit the Licence Ouverte asks for the embedded official outlines: on the map, the site and the data README. */
export const OUTLINES_ATTRIBUTION = 'IGN – ADMIN EXPRESS COG 2018, INSEE COG 2018 — Licence Ouverte';
