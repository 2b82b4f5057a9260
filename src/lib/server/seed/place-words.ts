import { inTerritory, ofTerritory } from '$lib/domain/french/places';

// The demo's names, areas, descriptions and actors all say « de Riom » or « à Riom »: said here, below them all.

/** « de Riom », « d'Aurillac », « du Puy-en-Velay », « des Ancizes-Comps » (French-phrasing module). */
export const ofPlace = (communeName: string): string => ofTerritory(communeName, 'commune');

/** « à Riom », « au Puy-en-Velay », « aux Ancizes-Comps » (French-phrasing module). */
export const atPlace = (communeName: string): string => inTerritory(communeName, 'commune');
