import { describe, expect, it } from 'vitest';
import { addressParts } from './address';
import { backLink } from './back-link';

const origin = 'http://127.0.0.1:4173';
const territory = (code: string) => ({ '63': { name: 'Puy-de-Dôme', kind: 'departement' }, '63113': { name: 'Clermont-Ferrand', kind: 'commune' } })[code];

describe('backLink', () => {
	it('goes back to the route, the list with its filters, the map, the network, the search, a territory', () => {
		expect(backLink(`${origin}/parcours?stage=creation&commune=43268`, origin)).toEqual({
			href: '/parcours?stage=creation&commune=43268',
			label: 'Retour à votre parcours'
		});
		expect(backLink(`${origin}/acteurs?kind=organisation&category=incubator&territory=63&q=volca`, origin, territory)).toEqual({
			href: '/acteurs?kind=organisation&category=incubator&territory=63&q=volca',
			label: 'Retour à la liste (Organisations · Incubateur · Puy-de-Dôme · «\u00a0volca\u00a0»)'
		});
		expect(backLink(`${origin}/acteurs`, origin)?.label).toBe('Retour à la liste des acteurs');
		expect(backLink(`${origin}/carte?sector=health`, origin)).toEqual({ href: '/carte?sector=health', label: 'Retour à la carte' });
		expect(backLink(`${origin}/reseau?focus=4`, origin)?.label).toBe('Retour au réseau');
		expect(backLink(`${origin}/recherche?q=fablab`, origin)?.label).toBe('Retour à la recherche «\u00a0fablab\u00a0»');
		expect(backLink(`${origin}/territoires/63`, origin, territory)?.label).toBe('Retour au Puy-de-Dôme');
		expect(backLink(`${origin}/territoires/63113`, origin, territory)?.label).toBe('Retour à Clermont-Ferrand');
		expect(backLink(`${origin}/parcours/flux?sector=health`, origin)?.label).toBe('Retour aux parcours habituels');
	});
	it('in English: the label in English, the address kept in the language the visitor came from', () => {
		const en = (path: string) => backLink(`${origin}${path}`, origin, territory, 'en');
		expect(en('/en/acteurs?kind=organisation&category=incubator&territory=63&q=volca')).toEqual({
			href: '/en/acteurs?kind=organisation&category=incubator&territory=63&q=volca',
			label: 'Back to the list (Organisations · Incubator · Puy-de-Dôme · “volca”)'
		});
		expect(en('/en/parcours?stage=creation')?.label).toBe('Back to your pathway');
		expect(en('/en/territoires/63')?.label).toBe('Back to Puy-de-Dôme');
		expect(en('/en')).toBeNull();
		// A French page followed by an English one (the switcher): the way back still names it, in English.
		expect(en('/carte')).toEqual({ href: '/carte', label: 'Back to the map' });
	});
	it('offers nothing for another site, another page, or a broken address', () => {
		expect(backLink('https://example.org/acteurs?kind=person', origin)).toBeNull();
		expect(backLink(`${origin}/acteurs/volcabio`, origin)).toBeNull();
		expect(backLink(`${origin}/admin/utilisateurs`, origin)).toBeNull();
		expect(backLink(`${origin}/territoires/../admin`, origin)).toBeNull();
		expect(backLink('not a url', origin)).toBeNull();
		expect(backLink(null, origin)).toBeNull();
		expect(backLink(`${origin}/carte?${'a'.repeat(3000)}`, origin)).toBeNull();
	});
});

describe('addressParts', () => {
	it('finds the commune in the address, as a whole word, its last mention', () => {
		expect(addressParts('3 rue de Riom, 63200 Riom', 'Riom')).toEqual({ before: '3 rue de Riom, 63200 ', after: '', communeInAddress: true });
		expect(addressParts('3 rue des Tilleuls, 63200 Riomès', 'Riom').communeInAddress).toBe(false);
		expect(addressParts(null, 'Riom')).toEqual({ before: '', after: '', communeInAddress: false });
	});
});
