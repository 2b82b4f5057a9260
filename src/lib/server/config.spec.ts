import { describe, expect, it } from 'vitest';
import { embedAncestors, freshnessSettings, jobsEnabled, territoryScope } from './config';

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

describe('embedAncestors', () => {
	it('defaults to no partner origin (only the site itself may frame the embeds)', () => {
		expect(embedAncestors({})).toEqual([]);
		expect(embedAncestors({ CARTO_EMBED_ANCESTORS: '  ' })).toEqual([]);
	});

	it('reads origins separated by spaces or commas, wildcard subdomains and ports included', () => {
		expect(embedAncestors({ CARTO_EMBED_ANCESTORS: 'https://partenaire.fr, https://*.exemple.org  http://localhost:8080' })).toEqual([
			'https://partenaire.fr',
			'https://*.exemple.org',
			'http://localhost:8080'
		]);
	});

	it('refuses anything that is not an origin with a French message', () => {
		for (const bad of ['partenaire.fr', 'https://partenaire.fr/page', "'none'", 'javascript:alert(1)', 'https://a.fr;script-src *']) {
			expect(() => embedAncestors({ CARTO_EMBED_ANCESTORS: bad }), bad).toThrow(/Configuration invalide : CARTO_EMBED_ANCESTORS contient/);
		}
	});
});

describe('freshness and jobs settings', () => {
	it('defaults to 12 months and a reminder every 30 days', () => {
		expect(freshnessSettings({})).toEqual({ months: 12, reminderDays: 30 });
		expect(freshnessSettings({ CARTO_FRESHNESS_MONTHS: '6', CARTO_REMINDER_DAYS: '14' })).toEqual({ months: 6, reminderDays: 14 });
	});
	it('refuses a malformed value in French, naming the variable', () => {
		expect(() => freshnessSettings({ CARTO_FRESHNESS_MONTHS: 'douze' })).toThrow(/CARTO_FRESHNESS_MONTHS="douze".*mois entre 1 et 120/);
		expect(() => freshnessSettings({ CARTO_REMINDER_DAYS: '0' })).toThrow(/CARTO_REMINDER_DAYS/);
	});
	it('CARTO_JOBS=off turns the scheduler off', () => {
		expect(jobsEnabled({})).toBe(true);
		expect(jobsEnabled({ CARTO_JOBS: 'off' })).toBe(false);
		expect(() => jobsEnabled({ CARTO_JOBS: 'peut-être' })).toThrow(/CARTO_JOBS/);
	});
});
