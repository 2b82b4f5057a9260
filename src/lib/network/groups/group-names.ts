import type { GraphGroupsResponse } from '$lib/domain/api/groups-response';
import type { GroupBy } from '$lib/domain/group-params';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Group = GraphGroupsResponse['groups'][number];

/**
 * A group's name in the page's language (the API answers in French): a community after its most related actor
 * (« autour de X »), a category from the vocabulary, a territory by its own name.
 */
export function groupName(by: GroupBy, g: Group): string {
	if (g.key === 'sans') return by === 'community' ? m.network_group_alone() : by === 'category' ? m.network_group_no_category() : m.network_group_no_place();
	if (by === 'community') return m.network_group_around({ name: g.hub?.label ?? g.key });
	if (by === 'category') return vocabularyIn(getLocale()).category(g.key);
	return g.label;
}
