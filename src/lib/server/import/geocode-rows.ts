import { ofTerritory } from '$lib/domain/french/places';
import { error, warning } from '$lib/import/problems';
import type { PlaceLookup } from '$lib/import/place-lookup';
import type { RowDraft } from '$lib/import/row-entity';
import { geocodeKey, geocodeMany, type GeocodeOutcome } from '../geocode/ban';
import type { AnalyseOptions, ImportProgress } from './plan-types';

/**
 * Asks the geocoder for the rows that have an address but no coordinates (each distinct address once, and
 * never again for an address the dry run already asked about), then places each row: the address point,
 * or the commune's centre with a warning saying why.
 */
export async function geocodeDrafts(drafts: RowDraft[], places: PlaceLookup, options: AnalyseOptions, say: (p: ImportProgress) => void) {
	const waiting = drafts.filter((d) => d.geocode && !d.problems.some((p) => p.severity === 'error'));
	if (waiting.length === 0) return;
	const known = (options.knownGeocodes ??= {});
	const queries = waiting.map((d) => d.geocode!);
	const missing = queries.filter((q) => !(geocodeKey(q) in known));
	if (missing.length > 0) {
		const answers = await geocodeMany(options.geocoder, missing, {
			onProgress: (done, total) => say({ phase: 'geocodage', done, total, message: 'Géocodage des adresses (Base Adresse Nationale)' })
		});
		missing.forEach((q, i) => (known[geocodeKey(q)] = answers[i]!));
	}
	for (const d of waiting) applyGeocode(d, known[geocodeKey(d.geocode!)]!, places);
}

function applyGeocode(d: RowDraft, outcome: GeocodeOutcome, places: PlaceLookup) {
	if (outcome.status === 'found') {
		const { lon, lat } = outcome.hit;
		const inside = places.inScope(lon, lat);
		// An address found elsewhere, for a row that named no commune of ours: a row of another territory.
		if (!inside && !d.commune) {
			d.outside = `adresse trouvée : ${outcome.hit.label}`;
			d.problems.length = 0;
			delete d.unknownCategory;
			return;
		}
		const commune = d.commune ?? places.communeByCode(outcome.hit.citycode) ?? places.communeAt(lon, lat) ?? null;
		if (!commune || !inside) {
			d.problems.push(
				error(d.row, d.addressColumn ?? null, 'outside_scope', `adresse « ${d.geocode!.address} » trouvée hors du territoire couvert (${outcome.hit.label})`)
			);
			return;
		}
		Object.assign(d.input, { lon, lat, coordPrecision: outcome.hit.precision, communeCode: commune.code });
		d.commune = commune;
		return;
	}
	const why = outcome.status === 'failed' ? `géocodage impossible (${outcome.reason})` : 'adresse introuvable dans la Base Adresse Nationale';
	if (d.commune?.centroid) {
		Object.assign(d.input, { lon: d.commune.centroid[0], lat: d.commune.centroid[1], coordPrecision: 'commune' });
		d.problems.push(warning(d.row, null, 'geocode_fallback', `${why} : placé au centre ${ofTerritory(d.commune.name, 'commune')}`));
	} else {
		// Without a commune the row has no place: the plan says so (an error, unless « sans lieu » is chosen).
		d.unplaced = why;
	}
}
