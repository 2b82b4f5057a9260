import { describe, expect, it } from 'vitest';
import { territoryScope } from './config';

describe('territoryScope', () => {
	it('defaults to the four Auvergne départements in région 84', () => {
		expect(territoryScope({})).toEqual({ departements: ['03', '15', '43', '63'], regionCode: '84' });
	});

	it('reads a comma-separated list, tolerating spaces', () => {
		expect(territoryScope({ CARTO_DEPARTEMENTS: ' 63, 2a ,974', CARTO_REGION: '84' })).toEqual({
			departements: ['63', '2A', '974'],
			regionCode: '84'
		});
	});

	it('refuses malformed codes with a French message', () => {
		expect(() => territoryScope({ CARTO_DEPARTEMENTS: '63,3' })).toThrow(/code de département invalide : « 3 »/);
		expect(() => territoryScope({ CARTO_DEPARTEMENTS: '63,63' })).toThrow(/répété/);
		expect(() => territoryScope({ CARTO_REGION: 'ARA' })).toThrow(/code de région invalide/);
	});
});
