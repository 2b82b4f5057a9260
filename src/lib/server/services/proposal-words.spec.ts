import { describe, expect, it } from 'vitest';
import { proposalTitle } from './proposal-words';

/** The moderation queue and « Mes propositions » are read under /en too: their titles follow the page's language. */
describe('proposal titles', () => {
	const relation = {
		source: { name: 'Volcabio', kind: 'organisation', category: 'startup' },
		type: 'incubated_by',
		target: { name: 'Couveuse des Puys', kind: 'organisation', category: 'incubator' }
	};

	it('in French, with the phrasing module’s articles and spaces', () => {
		expect(proposalTitle({ kind: 'entity_update', entityName: 'Volcabio', fields: ['name', 'coordPrecision'] })).toBe(
			'Modification de la fiche Volcabio\u00a0: nom, précision de la position'
		);
		expect(proposalTitle({ kind: 'relation_create', relation })).toBe('Nouvelle relation\u00a0: Volcabio incubée par la Couveuse des Puys');
	});

	it('in English, without a French word', () => {
		expect(proposalTitle({ kind: 'entity_update', entityName: 'Volcabio', fields: ['name', 'coordPrecision'] }, 'en')).toBe(
			'Change to the listing Volcabio: name, position accuracy'
		);
		expect(proposalTitle({ kind: 'entity_create', name: 'Volcabio' }, 'en')).toBe('New listing: Volcabio');
		expect(proposalTitle({ kind: 'relation_create', relation }, 'en')).toBe('New relation: Volcabio is incubated by Couveuse des Puys');
		expect(proposalTitle({ kind: 'relation_update', relation, fields: ['endDate'] }, 'en')).toBe(
			'Change to the relation “Volcabio is incubated by Couveuse des Puys”: end date'
		);
		expect(proposalTitle({ kind: 'report', entityName: 'Volcabio' }, 'en')).toBe('Report on the listing Volcabio');
	});
});
