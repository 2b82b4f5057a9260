import type { ParamMatcher } from '@sveltejs/kit';
import { TERRITORY_CODE_RE } from '$lib/domain/filters';

/** Région, département, EPCI (SIREN) or commune (INSEE) codes; anything else is a 404 before any code runs. */
export const match = ((param: string) => TERRITORY_CODE_RE.test(param)) satisfies ParamMatcher;
