/**
 * Both views of /reseau (groups, actors) draw with Cytoscape. The components import it on demand, but that
 * request only left once the page had hydrated; imported here, it is announced with the page's own scripts
 * (modulepreload) and arrives beside them (issue 18: the grouped first frame at 10k waited ~300 ms for it).
 */
import 'cytoscape';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ data }) => data;
