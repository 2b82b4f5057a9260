import type { PathwayEntity, PathwayRelation } from './extract';

/** Small hand-made actors and relations for the pathway tests. */
export function entity(id: number, category: string, over: Partial<PathwayEntity> = {}): PathwayEntity {
	const kind =
		category === 'entrepreneur' || category === 'mentor'
			? 'person'
			: ['coworking', 'rural_third_place', 'fablab', 'incubation_space'].includes(category)
				? 'third_place'
				: 'organisation';
	return {
		id,
		slug: `e-${id}`,
		name: `Acteur ${id}`,
		kind,
		category,
		sectors: [],
		stages: [],
		offers: [],
		communeCode: null,
		communeName: null,
		departementCode: '63',
		epciCode: null,
		lon: null,
		lat: null,
		...over
	};
}

let nextId = 1000;
export function rel(type: string, sourceId: number, targetId: number, startDate: string | null = null, endDate: string | null = null): PathwayRelation {
	return { id: nextId++, type, sourceId, targetId, startDate, endDate, source: 'https://exemple.fr/source', confirmation: 'declared', description: null };
}
