import {
	entityInputSchema,
	formatIssues,
	relationInputSchema,
	type EntityData,
	type EntityInput,
	type RelationInput
} from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { existingEntityIds, insertEntity, insertRelation, territoryNameIndex } from '../repos/entity-write.repo';
import { ValidationError } from './errors';
import { buildSearchTerms } from './search-terms';
import { markdownToPlainText } from '../markdown';

/**
 * The single write path for entities and relations: validates every input first (one schema),
 * then writes all or nothing in one transaction. The FTS index follows through SQL triggers.
 */
export function createEntities(db: Db, inputs: EntityInput[]): number[] {
	const problems: string[] = [];
	const valid: EntityData[] = [];
	inputs.forEach((input, i) => {
		const parsed = entityInputSchema.safeParse(input);
		if (parsed.success) valid.push(parsed.data);
		else problems.push(...formatIssues(parsed.error).map((p) => `élément ${i + 1} (${String(input.slug)}) : ${p}`));
	});
	if (problems.length) throw new ValidationError(problems);
	const places = territoryNameIndex(db);
	const unknownCommunes = valid.filter((e) => e.communeCode && !places.has(e.communeCode));
	if (unknownCommunes.length) {
		throw new ValidationError(unknownCommunes.map((e) => `${e.slug} : commune ${e.communeCode} inconnue`));
	}
	return db.transaction((tx) =>
		valid.map((e) =>
			insertEntity(tx as unknown as Db, {
				...e,
				descriptionText: markdownToPlainText(e.description),
				searchTerms: buildSearchTerms(e, places)
			})
		)
	);
}

export function createEntity(db: Db, input: EntityInput): number {
	const [id] = createEntities(db, [input]);
	return id as number;
}

export function createRelations(db: Db, inputs: RelationInput[]): number[] {
	const problems: string[] = [];
	const valid = inputs.flatMap((input, i) => {
		const parsed = relationInputSchema.safeParse(input);
		if (parsed.success) return [parsed.data];
		problems.push(...formatIssues(parsed.error).map((p) => `relation ${i + 1} : ${p}`));
		return [];
	});
	if (problems.length) throw new ValidationError(problems);
	const ids = [...new Set(valid.flatMap((r) => [r.sourceId, r.targetId]))];
	const existing = existingEntityIds(db, ids);
	const missing = ids.filter((id) => !existing.has(id));
	if (missing.length) throw new ValidationError(missing.map((id) => `acteur ${id} introuvable`));
	return db.transaction((tx) => valid.map((r) => insertRelation(tx as unknown as Db, r)));
}
