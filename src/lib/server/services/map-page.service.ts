import type { z } from 'zod';
import { directoryQuerySchema } from '$lib/domain/filters';
import { EXPLORE_ARRAY_KEYS, exploreHref, exploreParamSchemas, VIEW_KEYS, type ExploreParams } from '$lib/domain/explore-params';
import type { Db } from '../db';
import { basemapSetting, type Basemap } from '../config';
import { findEntity } from './entity.service';
import { parseParams } from './params';

type MapView = 'carte' | 'embed/carte';

const pick = <V extends MapView>(view: V) =>
	Object.fromEntries(VIEW_KEYS[view].map((k) => [k, exploreParamSchemas[k]])) as { [K in (typeof VIEW_KEYS)[V][number]]: (typeof exploreParamSchemas)[K] };

/** /carte's address: the shared filters plus the map's own parameters, each with the domain's one schema. */
export const mapPageQuerySchema = directoryQuerySchema.extend(pick('carte'));
const embedQuerySchema = directoryQuerySchema.extend(pick('embed/carte'));

export interface MapPage {
	/** The filters as the server reads them (the filter form shows them; a typed commune is resolved). */
	query: z.output<typeof directoryQuerySchema>;
	basemap: Basemap;
}

/**
 * Checks a map address (a bad parameter is a French 400, as the API says it) and gives what the page needs
 * besides it; the browser reads the same address with the same schemas (ExploreState). An actor named by its
 * slug (a link written by hand) is sent to its id address: `{ redirect }`, one canonical address per view.
 */
export function loadMapPage(db: Db, params: URLSearchParams, view: MapView = 'carte'): MapPage | { redirect: string } {
	const parsed = parseParams(view === 'carte' ? mapPageQuerySchema : embedQuerySchema, params, EXPLORE_ARRAY_KEYS);
	if (typeof parsed.actor === 'string') {
		const { id } = findEntity(db, parsed.actor);
		return { redirect: exploreHref(view, { ...(parsed as Partial<ExploreParams>), actor: id }) };
	}
	const { kind, category, sector, stage, offer, territory, q, sort, dir, page, perPage } = parsed;
	return { query: { kind, category, sector, stage, offer, territory, q, sort, dir, page, perPage }, basemap: basemapSetting() };
}
