import { describe, expect, it } from 'vitest';
import {
	actorPointAccuracy,
	beyondRadius,
	combinedUncertaintyKm,
	communeCentreAccuracy,
	distanceFrom,
	formatKm,
	niceCeilKm,
	originNote,
	POINT_ACCURACIES,
	pointNote,
	roundingStepKm,
	scoringKm,
	showDistance,
	UNCERTAINTY_KM,
	type PointAccuracy
} from './distance-precision';

const end = (accuracy: PointAccuracy, communeCode = 'A', epciCode = 'E1') => ({ accuracy, communeCode, epciCode });
const PAIRS = POINT_ACCURACIES.flatMap((a) => POINT_ACCURACIES.map((b) => [a, b] as const));
const DISTANCES = [0, 0.04, 0.2, 0.9, 1.5, 3.44, 7, 12.4, 24.9, 27, 38, 59.6, 74.3, 120];
/** Decimal comma and non-breaking spaces, as the page shows them. */
const figure = (text: string) => Number(/([\d,]+)\u00a0km/.exec(text)?.[1]?.replace(',', '.'));

describe('accuracy of each end', () => {
	it('reads the commune centre from the territories’ precision', () => {
		expect(communeCentreAccuracy('contour')).toBe('commune');
		expect(communeCentreAccuracy('geonames')).toBe('commune');
		expect(communeCentreAccuracy('epci_seat')).toBe('epci_seat');
		expect(communeCentreAccuracy('departement')).toBe('departement');
		expect(communeCentreAccuracy('none')).toBeNull();
		expect(communeCentreAccuracy(null)).toBeNull();
	});
	it('takes an address or a hand-placed point as exact, and a commune-placed actor as good as its commune’s centre', () => {
		for (const centre of ['contour', 'geonames', 'epci_seat', 'departement', 'none', null]) {
			expect(actorPointAccuracy('address', centre)).toBe('exact');
			expect(actorPointAccuracy('manual', centre)).toBe('exact');
		}
		expect(actorPointAccuracy('commune', 'geonames')).toBe('commune');
		expect(actorPointAccuracy('commune', 'epci_seat')).toBe('epci_seat');
		expect(actorPointAccuracy(null, 'departement')).toBe('departement');
		expect(actorPointAccuracy('commune', null)).toBe('commune');
	});
	it('orders the uncertainties from the address to the département', () => {
		const u = POINT_ACCURACIES.map((a) => UNCERTAINTY_KM[a]);
		expect(u).toEqual([...u].sort((a, b) => a - b));
		expect(combinedUncertaintyKm('epci_seat', 'exact')).toBeCloseTo(25, 0);
		expect(combinedUncertaintyKm('epci_seat', 'epci_seat')).toBeCloseTo(35.4, 1);
	});
});

describe('what may be said of a distance, for every pair of precisions', () => {
	it.each(PAIRS)('%s → %s: never finer than the uncertainty, never an untrue bound', (a, b) => {
		const u = combinedUncertaintyKm(a, b);
		for (const d of DISTANCES) {
			// Different communes and intercommunalities: only figures and bounds.
			const shown = showDistance(d, end(a, 'A', 'E1'), end(b, 'B', 'E2'));
			expect(shown.uncertaintyKm).toBeCloseTo(u, 1);
			expect(shown.note).toBe(pointNote(b));
			if (a === 'exact' && b === 'exact') {
				expect(shown).toMatchObject({ kind: 'measured', approx: false });
				expect(shown.text).toBe(formatKm(d));
				expect(shown.text).not.toContain('≈');
				continue;
			}
			expect(shown.approx).toBe(true);
			if (d < u) {
				// Below its uncertainty a measure says only « less than »: the bound covers the worst case.
				expect(shown.kind).toBe('under');
				expect(shown.text).toMatch(/^moins de \d+\u00a0km$/);
				expect(shown.km).toBeGreaterThanOrEqual(d + u);
				expect(figure(shown.text)).toBe(shown.km);
			} else {
				const step = roundingStepKm(u);
				expect(shown.kind).toBe('approx');
				expect(shown.text).toMatch(/^≈\u00a0\d+\u00a0km$/);
				expect((shown.km as number) % step).toBe(0);
				expect(Math.abs((shown.km as number) - d)).toBeLessThanOrEqual(step / 2 + 1e-9);
				expect(shown.km).toBeGreaterThan(0);
			}
		}
	});

	it.each(PAIRS)('%s → %s: within one commune or one intercommunality, the shared territory is said', (a, b) => {
		const u = combinedUncertaintyKm(a, b);
		const sameCommune = showDistance(0.2, end(a, 'A', 'E1'), end(b, 'A', 'E1'));
		if (u < 0.5) expect(sameCommune.text).toBe('0,2\u00a0km');
		else expect(sameCommune).toMatchObject({ kind: 'same_commune', text: 'dans la même commune', km: null });

		const sameEpci = showDistance(0.2, end(a, 'A', 'E1'), end(b, 'B', 'E1'));
		if (u < 0.5) expect(sameEpci.kind).toBe('measured');
		else if (a === 'epci_seat' || b === 'epci_seat') expect(sameEpci).toMatchObject({ kind: 'same_epci', text: 'dans la même intercommunalité', km: null });
		else expect(sameEpci.kind).toBe('under');
	});

	it('from Saint-Geneys-près-Saint-Paulien (placed at Le Puy) a Le Puy structure is not « 0,2 km » away', () => {
		const saintGeneys = { accuracy: 'epci_seat' as const, communeCode: '43187', epciCode: '200073419' };
		const lePuyAddress = { accuracy: 'exact' as const, communeCode: '43157', epciCode: '200073419' };
		const shown = showDistance(0.2, saintGeneys, lePuyAddress);
		expect(shown.text).toBe('dans la même intercommunalité');
		expect(shown.text).not.toMatch(/0,2/);
		// Brioude is about 50 km from Le Puy: from Saint-Geneys that is « ≈ 50 km », to the ten.
		expect(showDistance(51.3, saintGeneys, { accuracy: 'commune', communeCode: '43040', epciCode: '200073302' }).text).toBe('≈\u00a050\u00a0km');
		// Under the seat's uncertainty in another intercommunality: a bound, not a figure.
		expect(showDistance(12, saintGeneys, { accuracy: 'exact', communeCode: 'X', epciCode: 'Y' }).text).toBe('moins de 40\u00a0km');
	});

	it('rounds an approximate figure near a commune centre to the kilometre (« ≈ 12 km »)', () => {
		expect(showDistance(12.4, end('commune', 'A'), end('exact', 'B')).text).toBe('≈\u00a012\u00a0km');
		expect(showDistance(3.44, end('exact', 'A'), end('exact', 'B')).text).toBe('3,4\u00a0km');
		expect(showDistance(27.6, end('exact', 'A'), end('exact', 'B')).text).toBe('28\u00a0km');
	});

	it('rounds bounds to figures a person would say', () => {
		expect([0.3, 2.3, 9.2, 10, 10.1, 26, 47, 50.5, 74].map(niceCeilKm)).toEqual([1, 3, 10, 10, 15, 30, 50, 60, 80]);
	});
});

describe('scores count what was measured', () => {
	it('never counts two ends nearer than half their uncertainty', () => {
		expect(scoringKm(0.2, end('epci_seat'), end('exact', 'B'))).toBeCloseTo(12.5, 1);
		expect(scoringKm(0.2, end('exact'), end('exact', 'B'))).toBeCloseTo(0.2, 5);
		expect(scoringKm(40, end('epci_seat'), end('epci_seat', 'B'))).toBe(40);
		for (const [a, b] of PAIRS) for (const d of DISTANCES) expect(scoringKm(d, end(a), end(b))).toBeGreaterThanOrEqual(d);
	});
});

describe('notes and sentences', () => {
	it('says once what a commune’s distances are measured from', () => {
		expect(originNote({ name: 'Paris', accuracy: 'exact' })).toBeNull();
		expect(originNote({ name: 'Aurillac', accuracy: 'commune' })).toBe("Distances mesurées depuis le centre d'Aurillac, à 2\u00a0km près.");
		expect(originNote({ name: 'Saint-Geneys-près-Saint-Paulien', accuracy: 'epci_seat', seatName: 'Le Puy-en-Velay' })).toBe(
			"Distances mesurées depuis le chef-lieu de l'intercommunalité (Le Puy-en-Velay)\u00a0: la position de Saint-Geneys-près-Saint-Paulien n'est pas encore connue plus précisément (à 25\u00a0km près)."
		);
		expect(originNote({ name: 'Saint-Geneys-près-Saint-Paulien', accuracy: 'epci_seat' })).toContain("chef-lieu de l'intercommunalité\u00a0:");
		expect(originNote({ name: 'Le Vernet', accuracy: 'departement', departementName: 'Allier' })).toBe(
			"Distances mesurées depuis le centre du département (Allier)\u00a0: la position du Vernet n'est pas encore connue plus précisément (à 40\u00a0km près)."
		);
	});

	it('writes the distance into a sentence about the place', () => {
		const o = { name: 'Saint-Geneys-près-Saint-Paulien', accuracy: 'epci_seat' as const };
		const from = end('epci_seat', '43187', '200073419');
		expect(distanceFrom(showDistance(0.2, from, end('exact', '43157', '200073419')), o)).toBe(
			'dans la même intercommunalité que Saint-Geneys-près-Saint-Paulien (distance exacte inconnue)'
		);
		expect(distanceFrom(showDistance(41, from, end('exact', 'X', 'Y')), o)).toBe(
			"à ≈\u00a040\u00a0km de Saint-Geneys-près-Saint-Paulien, mesurée depuis le chef-lieu de l'intercommunalité"
		);
		expect(distanceFrom(showDistance(12, from, end('exact', 'X', 'Y')), o)).toBe(
			"à moins de 40\u00a0km de Saint-Geneys-près-Saint-Paulien, mesurée depuis le chef-lieu de l'intercommunalité"
		);
		expect(distanceFrom(showDistance(3.44, end('exact'), end('exact', 'B')), { name: 'Aurillac', accuracy: 'exact' })).toBe("à 3,4\u00a0km d'Aurillac");
		expect(distanceFrom(showDistance(0.3, end('commune'), end('exact')), { name: 'Aurillac', accuracy: 'commune' })).toBe("dans la même commune qu'Aurillac");
	});

	it('marks what lies beyond the radius', () => {
		expect(beyondRadius(showDistance(74.3, end('exact'), end('exact', 'B')))).toBe('hors rayon (74\u00a0km)');
		expect(beyondRadius(showDistance(74.3, end('commune'), end('exact', 'B')))).toBe('hors rayon (≈\u00a074\u00a0km)');
	});

	it('names the commune with the French-phrasing module: elided, contracted, with its own article', () => {
		const at = (name: string) => distanceFrom(showDistance(3.44, end('exact'), end('exact', 'B')), { name, accuracy: 'exact' });
		expect(['Aurillac', 'Le Puy-en-Velay', 'Les Estables', 'Brioude', 'Yssingeaux', 'La Chaise-Dieu', 'Yolet'].map(at)).toEqual(
			["d'Aurillac", 'du Puy-en-Velay', 'des Estables', 'de Brioude', "d'Yssingeaux", 'de La Chaise-Dieu', 'de Yolet'].map((of) => `à 3,4\u00a0km ${of}`)
		);
		expect(distanceFrom(showDistance(0.3, end('commune'), end('exact')), { name: 'Le Puy-en-Velay', accuracy: 'commune' })).toBe(
			'dans la même commune que Le Puy-en-Velay'
		);
	});
});
