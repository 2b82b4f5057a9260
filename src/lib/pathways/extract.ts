import { stepParts } from '$lib/domain/french';
import { comparePartial } from './dates';
import { PATHWAY_STEP_TYPES, PROJECT_CATEGORIES, type EntityRef, type Pathway, type PathwayStep, type PathwayStepType } from './types';

export interface PathwayEntity extends EntityRef {
	sectors: string[];
	stages: string[];
	offers: string[];
}

export interface PathwayRelation {
	id: number;
	type: string;
	sourceId: number;
	targetId: number;
	startDate: string | null;
	endDate: string | null;
	source: string | null;
	confirmation: 'declared' | 'confirmed' | 'disputed';
	description: string | null;
}

/** `member_of` is a pathway step only when it joins a network (DOMAIN.md), not any association of people. */
export const NETWORK_CATEGORIES = new Set(['support_network', 'cluster', 'association']);
/** Steps that open a pathway: they come first among steps of the same date. */
const START_TYPES = new Set<string>(['founded', 'spin_off_of']);
const STEP_TYPES = new Set<string>(PATHWAY_STEP_TYPES);
const typeRank = (t: string) => PATHWAY_STEP_TYPES.indexOf(t as PathwayStepType);

/** Who has a pathway: startups and companies (the projects), and entrepreneurs. */
export function hasPathway(e: Pick<EntityRef, 'kind' | 'category'>): boolean {
	return (
		(e.kind === 'organisation' && (PROJECT_CATEGORIES as readonly string[]).includes(e.category)) || (e.kind === 'person' && e.category === 'entrepreneur')
	);
}

/**
 * The other side of a relation when it is a step of the subject's pathway, else null. A company's
 * `founded` step comes from its founder (person -> company); an entrepreneur's from the company founded.
 */
export function stepCounterpart(
	subject: Pick<EntityRef, 'id' | 'kind'>,
	r: PathwayRelation,
	byId: (id: number) => PathwayEntity | undefined
): PathwayEntity | null {
	if (!STEP_TYPES.has(r.type)) return null;
	if (r.type === 'founded') {
		if (subject.kind === 'person') return r.sourceId === subject.id ? (byId(r.targetId) ?? null) : null;
		return r.targetId === subject.id ? (byId(r.sourceId) ?? null) : null;
	}
	if (r.sourceId !== subject.id) return null;
	const other = byId(r.targetId);
	if (!other) return null;
	if (r.type === 'member_of' && !NETWORK_CATEGORIES.has(other.category)) return null;
	return other;
}

/** « incubée par » for a startup, « incubation à » for an entrepreneur (no recorded gender): the French-phrasing module decides. */
function stepLabel(subject: EntityRef, type: string, structure: EntityRef): string {
	return stepParts(subject, type, structure).label;
}

/**
 * One subject's pathway: its step relations in time order. Dated steps by start (partial dates compared
 * at their common precision; a pathway's opening steps first on a tie), then undated ones, which keep no
 * invented date. A step overlaps when an earlier dated step was still running at its start.
 */
export function extractPathway(subject: PathwayEntity, relations: PathwayRelation[], byId: (id: number) => PathwayEntity | undefined): Pathway {
	const found: Omit<PathwayStep, 'order' | 'overlapsPrevious'>[] = [];
	for (const r of relations) {
		const other = stepCounterpart(subject, r, byId);
		if (!other) continue;
		const { sectors: _s, stages: _st, offers: _o, ...structure } = other;
		found.push({
			relationId: r.id,
			type: r.type as PathwayStepType,
			label: stepLabel(subject, r.type, other),
			structure,
			start: r.startDate,
			end: r.endDate,
			dateKnown: r.startDate != null,
			source: r.source,
			confirmation: r.confirmation,
			description: r.description || null
		});
	}
	const dated = found.filter((s) => s.start != null);
	const undated = found.filter((s) => s.start == null);
	dated.sort(
		(a, b) =>
			comparePartial(a.start as string, b.start as string) ||
			Number(START_TYPES.has(b.type)) - Number(START_TYPES.has(a.type)) ||
			(a.start as string).length - (b.start as string).length ||
			typeRank(a.type) - typeRank(b.type) ||
			a.relationId - b.relationId
	);
	undated.sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.relationId - b.relationId);
	const steps: PathwayStep[] = [];
	for (const s of dated) {
		const overlapsPrevious = steps.some((p) => !START_TYPES.has(p.type) && p.end != null && comparePartial(s.start as string, p.end) < 0);
		steps.push({ ...s, order: steps.length + 1, overlapsPrevious });
	}
	for (const s of undated) steps.push({ ...s, order: steps.length + 1, overlapsPrevious: false });
	const { stages: _st, offers: _o, ...ref } = subject;
	return { subject: ref, steps, undated: undated.length };
}
