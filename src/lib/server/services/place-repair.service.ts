import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import { placeLookup } from '../import/places';
import { pointsWithoutCommune } from '../repos/place-repair.repo';
import { updateEntities } from './entity-write.service';

/*
 * Listings stored with a point but no commune (imported before the importer located points in the commune
 * outlines) are on the map but missing from every territory's counts and filters. The repair gives each
 * the commune whose outline holds its point, through the single write path: one revision per listing.
 */

export interface PlaceRepairItem {
	id: number;
	slug: string;
	name: string;
	lon: number;
	lat: number;
}

export interface PlaceRepairReport {
	/** Listings that get a commune (or would, in a dry run). */
	located: Array<PlaceRepairItem & { communeCode: string; communeName: string }>;
	/** Points outside the territory: left as they are. */
	outside: PlaceRepairItem[];
	/** Points inside with no commune outline around them (outlines not loaded): left as they are. */
	unlocated: PlaceRepairItem[];
	/** Whether the changes were written. */
	applied: boolean;
	/** Commune outlines known: without them no point can be located. */
	outlines: number;
}

export const REPAIR_ACTOR: Actor = { userId: null, label: 'réparation des lieux (npm run places:repair)' };

export function repairPlaces(db: Db, options: { apply: boolean; actor?: Actor }): PlaceRepairReport {
	const places = placeLookup(db);
	const report: PlaceRepairReport = { located: [], outside: [], unlocated: [], applied: false, outlines: places.outlineCount() };
	const versions = new Map<number, number>();
	for (const e of pointsWithoutCommune(db)) {
		const item = { id: e.id, slug: e.slug, name: e.name, lon: e.lon, lat: e.lat };
		versions.set(e.id, e.version);
		if (!places.inScope(e.lon, e.lat)) report.outside.push(item);
		else {
			const commune = places.communeAt(e.lon, e.lat);
			if (commune) report.located.push({ ...item, communeCode: commune.code, communeName: commune.name });
			else report.unlocated.push(item);
		}
	}
	if (options.apply && report.located.length > 0) {
		updateEntities(
			db,
			report.located.map((l) => ({ id: l.id, expectedVersion: versions.get(l.id)!, patch: { communeCode: l.communeCode } })),
			{ actor: options.actor ?? REPAIR_ACTOR, reason: "Commune trouvée d'après les coordonnées (contour officiel de la commune)" }
		);
		report.applied = true;
	}
	return report;
}
