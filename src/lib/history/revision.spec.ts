import { describe, expect, it } from 'vitest';
import { importJobOfReason } from './revision';

describe('importJobOfReason', () => {
	it('finds the import job of an imported or undone revision, and nothing elsewhere', () => {
		expect(importJobOfReason('Import n° 12 (tiers-lieux.csv)')).toBe(12);
		expect(importJobOfReason("Annulation de l'import n° 7 (a.csv) : doublons")).toBe(7);
		expect(importJobOfReason('Correction demandée : Import n° 3')).toBeNull();
		expect(importJobOfReason('')).toBeNull();
	});
});
