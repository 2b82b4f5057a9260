import { describe, expect, it } from 'vitest';
import { carryTo, decodeExplore, encodeExplore, exploreHref, exploreSchema, EXPLORE_DEFAULTS, VIEW_KEYS } from './explore-params';
import { searchParamsToObject } from './filter-params';

const decode = (qs: string) => decodeExplore(new URLSearchParams(qs));

describe('explore codec', () => {
	it('round-trips every parameter of the explorer', () => {
		const qs =
			'kind=organisation&sector=health&territory=63&q=fablab&type=incubated_by&type=funded_by&year=2019&confirmed=1&focus=12&depth=2&layout=geo&size=pagerank&colour=community&centrality=betweenness&from=3&to=9&path=2&isolated=show&actor=7&stat=rate&level=epci&near=63113&radius=15&at=45.7772,3.087,9.5&flows=1&pane=reseau';
		const { value, errors } = decode(qs);
		expect(errors).toEqual([]);
		expect(value.at).toEqual({ lat: 45.7772, lng: 3.087, zoom: 9.5 });
		expect(value.type).toEqual(['incubated_by', 'funded_by']);
		const again = decode(encodeExplore(value, 'explorer').toString()).value;
		expect(again).toEqual(value);
		for (const key of VIEW_KEYS.explorer) expect(encodeExplore(value, 'explorer').has(key), key).toBe(true);
	});

	it('writes nothing for defaults and drops what means nothing alone', () => {
		expect(exploreHref('reseau', {})).toBe('/reseau');
		expect(exploreHref('reseau', { depth: 2 })).toBe('/reseau');
		expect(exploreHref('reseau', { from: 3, path: 2 })).toBe('/reseau?from=3');
		expect(exploreHref('carte', { radius: 30 })).toBe('/carte');
		expect(exploreHref('carte', { near: '63113', radius: 30, layout: 'geo' })).toBe('/carte?near=63113&radius=30');
	});

	it('keeps the filters and what the other view understands when the menu moves between views', () => {
		expect(carryTo('carte', new URLSearchParams('sector=health&focus=12&year=2019&layout=geo&actor=7'))).toBe('/carte?sector=health&year=2019&actor=7');
		expect(carryTo('reseau', new URLSearchParams('territory=63&at=45.7,3.1,8&stat=count'))).toBe('/reseau?territory=63');
	});

	it('rejects bad values in French, each on its own, the rest still applying', () => {
		const { value, errors } = decode('year=1700&depth=9&at=0,0,40&type=ami&layout=spirale&focus=Robert%20Dupont&sector=health');
		expect(value.sector).toEqual(['health']);
		expect(value.year).toBeUndefined();
		expect(value.depth).toBe(EXPLORE_DEFAULTS.depth);
		expect(errors.join(' | ')).toMatch(/year\u00a0: 1800 au minimum/);
		expect(errors.join(' | ')).toMatch(/depth\u00a0: 3 au maximum/);
		expect(errors.join(' | ')).toMatch(/type de relation inconnu/);
		expect(errors.join(' | ')).toMatch(/disposition inconnue/);
		expect(errors.join(' | ')).toMatch(/focus\u00a0: identifiant ou slug d'acteur invalide/);
		expect(errors.join(' | ')).toMatch(/at\u00a0: /);
		// Each parameter named once, never « year : year : ».
		expect(errors.join(' | ')).not.toMatch(/(\w+)\u00a0: \1\u00a0:/);
	});

	it('accepts an actor by id or by slug, as the API does', () => {
		expect(decode('focus=12').value.focus).toBe(12);
		expect(decode('focus=couveuse-des-puys').value.focus).toBe('couveuse-des-puys');
	});

	it('is the schema pages parse strictly with', () => {
		const ok = exploreSchema.safeParse(searchParamsToObject(new URLSearchParams('year=1850&confirmed=true'), ['type']));
		expect(ok.success && ok.data.year).toBe(1850);
		expect(ok.success && ok.data.confirmed).toBe(true);
		expect(exploreSchema.safeParse({ year: '2200' }).success).toBe(false);
	});
});
