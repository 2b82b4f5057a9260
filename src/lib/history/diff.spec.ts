import { describe, expect, it } from 'vitest';
import { contactIsPublic, diffSnapshots, fieldLabel, publicDiff, sameValue, withoutPrivateFields } from './diff';
import { displayChange, formatValue } from './format';
import { vocabularyIn } from '$lib/domain/vocabulary';

const person = {
	id: 7,
	version: 1,
	deletedAt: null,
	name: 'Léa Martin',
	slug: 'lea-martin',
	kind: 'person',
	category: 'entrepreneur',
	sectors: ['agri', 'health'],
	email: 'lea@example.org',
	phone: '04 00 00 12 34',
	contactPublic: false,
	lon: 3.08,
	lat: 45.77
};

describe('sameValue', () => {
	it('compares arrays and objects by value, whatever the key order', () => {
		expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
		expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
		expect(sameValue({ x: 1, y: [1, { z: 2 }] }, { y: [1, { z: 2 }], x: 1 })).toBe(true);
		expect(sameValue({ x: 1 }, { x: 1, y: 2 })).toBe(false);
		expect(sameValue(null, undefined)).toBe(true);
		expect(sameValue(0, null)).toBe(false);
		expect(sameValue([], {})).toBe(false);
	});
});

describe('diffSnapshots', () => {
	it('lists only changed fields, in display order, with French labels', () => {
		const after = { ...person, version: 2, name: 'Léa Martin-Roux', summary: 'Fondatrice', lat: 45.78 };
		const changes = diffSnapshots(person, after);
		expect(changes.map((c) => c.field)).toEqual(['name', 'summary', 'lat']);
		expect(changes[0]).toMatchObject({ label: 'Nom', before: 'Léa Martin', after: 'Léa Martin-Roux', change: 'changed' });
		expect(changes[1]).toMatchObject({ label: 'Résumé', before: null, change: 'set' });
	});

	it('ignores bookkeeping fields (id, version, deletion mark, derived columns)', () => {
		const after = { ...person, version: 9, deletedAt: '2026-01-01T00:00:00.000Z', searchTerms: 'x', descriptionText: 'y' };
		expect(diffSnapshots(person, after)).toEqual([]);
	});

	it('compares list fields by value and tells which items came and went', () => {
		const same = diffSnapshots(person, { ...person, sectors: ['agri', 'health'] });
		expect(same).toEqual([]);
		const [c] = diffSnapshots(person, { ...person, sectors: ['health', 'energy'] });
		expect(c).toMatchObject({ field: 'sectors', label: 'Secteurs', change: 'changed', added: ['energy'], removed: ['agri'] });
		const [reordered] = diffSnapshots(person, { ...person, sectors: ['health', 'agri'] });
		expect(reordered).toMatchObject({ added: [], removed: [] });
		const [cleared] = diffSnapshots(person, { ...person, sectors: [] });
		expect(cleared).toMatchObject({ change: 'cleared', removed: ['agri', 'health'] });
	});

	it('treats a field an older snapshot lacks as empty, and empty values as equal', () => {
		const older: Record<string, unknown> = { ...person };
		delete older.lat;
		expect(diffSnapshots(older, { ...person, lat: null })).toEqual([]);
		expect(diffSnapshots({ ...person, summary: '' }, { ...person, summary: null })).toEqual([]);
		expect(diffSnapshots({ ...person, offers: [] }, { ...person })).toEqual([]);
	});

	it('reads a creation (no previous snapshot) as every field set', () => {
		const changes = diffSnapshots(null, person);
		expect(changes.every((c) => c.change === 'set')).toBe(true);
		expect(changes.map((c) => c.field)).toContain('contactPublic');
		expect(changes.map((c) => c.field)).not.toContain('id');
	});

	it('labels relation fields too, and unknown fields by their name', () => {
		expect(fieldLabel('targetId')).toBe("Acteur d'arrivée");
		expect(fieldLabel('confirmation')).toBe('Confirmation');
		const [c] = diffSnapshots({ id: 1, mystery: 1 }, { id: 1, mystery: 2 });
		expect(c?.label).toBe('mystery');
	});
});

describe('private fields', () => {
	it('removes a person’s e-mail and phone unless they agreed to publish them', () => {
		expect(contactIsPublic(person)).toBe(false);
		const cleaned = withoutPrivateFields(person);
		expect(cleaned).not.toHaveProperty('email');
		expect(cleaned).not.toHaveProperty('phone');
		expect(cleaned.name).toBe('Léa Martin');
		expect(person.email).toBe('lea@example.org');
		const agreed = { ...person, contactPublic: true };
		expect(withoutPrivateFields(agreed)).toBe(agreed);
		const organisation = { ...person, kind: 'organisation', category: 'startup' };
		expect(withoutPrivateFields(organisation)).toHaveProperty('email', 'lea@example.org');
	});

	it('hides contacts of older revisions once the person withdrew consent', () => {
		const then = { ...person, contactPublic: true };
		expect(withoutPrivateFields(then, person)).not.toHaveProperty('email');
		expect(withoutPrivateFields(then, then)).toHaveProperty('email');
	});

	it('publicDiff never shows a private contact, but says that one changed', () => {
		const after = { ...person, version: 2, email: 'lea.martin@example.org', name: 'Léa M.' };
		const d = publicDiff(person, after, after);
		expect(d.changes.map((c) => c.field)).toEqual(['name']);
		expect(d.privateChanged).toBe(true);
		expect(JSON.stringify(d)).not.toContain('example.org');
		// Consent given: the switch shows, the address does not appear as « added ».
		const consent = publicDiff(person, { ...person, contactPublic: true }, { ...person, contactPublic: true });
		expect(consent.changes.map((c) => c.field)).toEqual(['contactPublic']);
		expect(consent.privateChanged).toBe(false);
		const open = { ...person, contactPublic: true };
		expect(publicDiff(open, { ...open, phone: '04 00 00 99 99' }, open).changes.map((c) => c.field)).toEqual(['phone']);
	});
});

describe('display', () => {
	it('turns codes into French labels and dates into French dates', () => {
		expect(formatValue('kind', 'third_place')).toBe('Tiers-lieu');
		expect(formatValue('category', 'incubator')).toBe('Incubateur');
		expect(formatValue('contactPublic', false)).toBe('non');
		expect(formatValue('startDate', '2019-03')).toBe('mars 2019');
		// The first of the month is « 1er ».
		expect(formatValue('lastVerifiedAt', '2025-02-01')).toBe('1er février 2025');
		// French typography (« 22 h 09 », non-breaking spaces), Paris time.
		expect(formatValue('startsAt', '2026-11-28T21:09:00.000Z')).toBe('28 novembre 2026 à 22\u00a0h\u00a009');
		expect(formatValue('summary', '')).toBeNull();
		expect(formatValue('communeCode', '63113', { commune: () => 'Clermont-Ferrand' })).toBe('Clermont-Ferrand (63113)');
		expect(formatValue('targetId', 12, { entity: (id) => (id === 12 ? 'Le Bivouac' : undefined) })).toBe('Le Bivouac');
		expect(formatValue('targetId', 13)).toBe('acteur n° 13');
	});

	it('prints list changes with labelled items', () => {
		const [c] = diffSnapshots({ stages: ['emergence'] }, { stages: ['emergence', 'growth'] });
		const shown = displayChange(c!);
		expect(shown.label).toBe('Stades accompagnés');
		expect(shown.added).toEqual(["Croissance / changement d'échelle"]);
		expect(shown.removed).toEqual([]);
		expect(shown.long).toBe(false);
	});

	it('says the same in English on an English page: labels, vocabulary, dates', () => {
		expect(formatValue('kind', 'third_place', {}, 'en')).toBe('Third place');
		expect(formatValue('contactPublic', false, {}, 'en')).toBe('no');
		expect(formatValue('status', 'published', {}, 'en')).toBe('Published');
		expect(formatValue('startDate', '2019-03', {}, 'en')).toBe('March 2019');
		expect(formatValue('startsAt', '2026-11-28T21:09:00.000Z', {}, 'en')).toBe('28 November 2026 at 22:09');
		expect(formatValue('targetId', 13, {}, 'en')).toBe('actor no. 13');
		const [c] = diffSnapshots({ stages: ['emergence'] }, { stages: ['emergence', 'growth'] });
		const shown = displayChange(c!, {}, 'en');
		expect(shown.label).toBe('Stages supported');
		expect(shown.added).toEqual([vocabularyIn('en').stage('growth')]);
		// The services' own sentences keep the French label.
		expect(c!.label).toBe('Stades accompagnés');
		expect(fieldLabel('communeCode', 'en')).toBe('Commune');
	});
});
