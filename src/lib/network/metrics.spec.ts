import { describe, expect, it } from 'vitest';
import { METRIC_IDS, SIZE_BY } from '$lib/domain/explore-params';
import { legendModel } from './legend-model';
import { metricById, metrics, sizeChoices, sizeNote } from './metrics';

describe('the metrics registry', () => {
	it('describes every measure of the domain, in its order, and every node size choice', () => {
		expect(metrics.map((m) => m.id)).toEqual([...METRIC_IDS]);
		expect(sizeChoices.map((c) => c.id)).toEqual([...SIZE_BY]);
		for (const m of metrics) for (const text of [m.label(), m.legend(), m.top(), m.hint()]) expect(text.length, m.id).toBeGreaterThan(3);
	});

	it('gives the legend its words (the page’s and the PNG’s)', () => {
		expect(sizeNote('none')).toBeNull();
		expect(sizeNote('betweenness')).toBe('Taille\u00a0: intermédiarité (rôle de pont)');
		expect(legendModel('kind', 'pagerank').sizeNote).toBe(`Taille\u00a0: ${metricById('pagerank').legend()}`);
	});

	it('formats values in French: counts whole, measures to three figures', () => {
		expect(metricById('degree').format(1234)).toBe('1\u202f234');
		expect(metricById('pagerank').format(0.012345)).toBe('0,0123');
	});
});
