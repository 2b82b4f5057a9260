import { getDb } from '$lib/server/db/connection';
import { hasDemoData } from '$lib/server/services/site.service';
import type { LayoutServerLoad } from './$types';

export const load = (() => ({ demo: hasDemoData(getDb()) })) satisfies LayoutServerLoad;
