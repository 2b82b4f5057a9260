import { describe, expect, it } from 'vitest';
import { widenCsp } from './csp';
import { BASEMAP_HOSTS, basemapSetting } from '../config';

const csp = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'";

describe('basemap configuration and CSP', () => {
	it('stays offline by default', () => {
		expect(basemapSetting({})).toBe('none');
		expect(widenCsp(csp, BASEMAP_HOSTS.none)).toBe(csp);
	});
	it('allows exactly the chosen basemap host', () => {
		expect(basemapSetting({ CARTO_BASEMAP: 'IGN' })).toBe('ign');
		expect(widenCsp(csp, BASEMAP_HOSTS.ign)).toBe(
			"default-src 'self'; img-src 'self' data: blob: https://data.geopf.fr; connect-src 'self' https://data.geopf.fr; object-src 'none'"
		);
	});
	it('refuses an unknown basemap with a French message', () => {
		expect(() => basemapSetting({ CARTO_BASEMAP: 'google' })).toThrow(/none, ign ou osm/);
	});
});
