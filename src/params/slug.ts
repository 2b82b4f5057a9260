import type { ParamMatcher } from '@sveltejs/kit';
import { SLUG_RE } from '$lib/domain/slug';

export const match = ((param: string) => param.length <= 120 && SLUG_RE.test(param)) satisfies ParamMatcher;
