import { getDb } from '$lib/server/db/connection';
import { territoryOptions } from '$lib/server/services/directory-options.service';
import type { LayoutServerLoad } from './$types';

/**
 * The territory choices of the filter form (≈ 100 KB) depend on no URL parameter: loaded here, they are
 * sent once per visit instead of again with every filter change while the map redraws.
 */
export const load = (() => ({ territoryOptions: territoryOptions(getDb()) })) satisfies LayoutServerLoad;
