import { describe, expect, it } from 'vitest';
import { attributions, baseStyle, IGN_ATTRIBUTION, IGN_STYLE_URL } from './basemap';
import { kindColor, kindColorExpression, kindLegend } from './kind-colors';

describe('basemap', () => {
	it('makes no request by default', () => {
		const style = baseStyle('none');
		expect(typeof style).toBe('object');
		expect(JSON.stringify(style)).not.toMatch(/https?:/);
	});
	it('uses the Plan IGN style or OSM tiles when configured, with attribution', () => {
		expect(baseStyle('ign')).toBe(IGN_STYLE_URL);
		expect(attributions('ign')).toContain(IGN_ATTRIBUTION);
		expect(JSON.stringify(baseStyle('osm'))).toContain('tile.openstreetmap.org');
		expect(JSON.stringify(baseStyle('osm'))).toContain("contributeurs d'OpenStreetMap");
	});
});

describe('kind colours', () => {
	it('has a legend entry per kind, in vocabulary order', () => {
		expect(kindLegend().map((k) => k.label)).toEqual(['Personne', 'Organisation', 'Tiers-lieu', 'Événement']);
		expect(kindLegend(['event']).map((k) => k.kind)).toEqual(['event']);
	});
	it('matches the MapLibre expression', () => {
		const expr = kindColorExpression();
		expect(expr.slice(0, 2)).toEqual(['match', ['get', 'kind']]);
		expect(expr).toContain(kindColor('third_place'));
	});
});
