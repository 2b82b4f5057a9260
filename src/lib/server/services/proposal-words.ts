import { relationLabel } from '$lib/domain/vocabulary';
import { fieldLabel } from '$lib/history/diff';
import type { PendingChangeKind, PendingChangeStatus } from '../db/schema';

/*
 * The sentences partners read about their proposals and relations (« Mes propositions », the edit page).
 * Kept together so that they move to the shared French-phrasing module in one go; relation labels are
 * the vocabulary's until that module agrees them with their subject.
 */

/** What a proposal is about, resolved to names. */
export type ProposalFacts =
	| { kind: 'entity_update'; entityName: string; fields: string[] }
	| { kind: 'entity_create'; name: string }
	| { kind: 'relation_create' | 'relation_update' | 'relation_delete'; relation: RelationFacts; fields?: string[] }
	| { kind: 'report'; entityName: string };

export interface RelationFacts {
	sourceName: string;
	type: string;
	targetName: string;
}

const RELATION_FIELD_WORDS: Record<string, string> = { startDate: 'date de début', endDate: 'date de fin', source: 'source', description: 'description' };

/** « nom, site web » */
export function fieldList(fields: string[], kind: 'entity' | 'relation' = 'entity'): string {
	return fields.map((f) => (kind === 'relation' ? (RELATION_FIELD_WORDS[f] ?? fieldLabel(f).toLowerCase()) : fieldLabel(f).toLowerCase())).join(', ');
}

/** « Volcabio hébergé·e par Fablab Aurillac » */
export const relationPhrase = (r: RelationFacts) => `${r.sourceName} ${relationLabel(r.type)} ${r.targetName}`;

/** « Modification de la fiche Volcabio : nom, site web », « Nouvelle relation : … », « Nouvelle fiche : … » */
export function proposalTitle(p: ProposalFacts): string {
	switch (p.kind) {
		case 'entity_update':
			return `Modification de la fiche ${p.entityName}${p.fields.length ? ` : ${fieldList(p.fields)}` : ''}`;
		case 'entity_create':
			return `Nouvelle fiche : ${p.name}`;
		case 'relation_create':
			return `Nouvelle relation : ${relationPhrase(p.relation)}`;
		case 'relation_update':
			return `Modification de la relation ${relationPhrase(p.relation)}${p.fields?.length ? ` : ${fieldList(p.fields, 'relation')}` : ''}`;
		case 'relation_delete':
			return `Suppression de la relation ${relationPhrase(p.relation)}`;
		case 'report':
			return `Signalement sur la fiche ${p.entityName}`;
	}
}

export const KIND_LABELS: Record<PendingChangeKind, string> = {
	entity_update: 'Modification de fiche',
	entity_create: 'Nouvelle fiche',
	relation_create: 'Nouvelle relation',
	relation_update: 'Modification de relation',
	relation_delete: 'Suppression de relation',
	report: 'Signalement'
};

export const STATUS_LABELS: Record<PendingChangeStatus, string> = {
	pending: 'En attente de validation',
	approved: 'Acceptée',
	rejected: 'Refusée'
};

/** The state of a relation as its reader on one side sees it. */
export function relationState(r: {
	confirmation: 'declared' | 'confirmed' | 'disputed';
	declaredByName: string | null;
	otherSideName: string | null;
	viewerConfirms: boolean;
}): string {
	if (r.confirmation === 'confirmed') return 'confirmée par les deux parties';
	if (r.confirmation === 'disputed') return 'contestée';
	if (!r.declaredByName) return 'déclarée';
	if (r.viewerConfirms) return `déclarée par ${r.declaredByName}, en attente de votre confirmation`;
	return `déclarée par ${r.declaredByName}, en attente de confirmation par ${r.otherSideName ?? 'l’autre partie'}`;
}

/** A proposal an editor has not read yet. */
export const AWAITING_TEAM = 'en attente de validation par l’équipe du Connecteur';

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** « 3 décembre 2026 » from « 2026-12-03 ». */
export function frenchDay(isoDate: string): string {
	const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? isoDate : day.format(d);
}

/** The answer to « Toujours à jour », saying what it did and what it did not. */
export function stillAccurateDone(name: string, isoDate: string): string {
	return `« ${name} » est confirmée à jour au ${frenchDay(isoDate)} : sa page affiche « vérifiée le ${frenchDay(isoDate)} ». Rien d’autre n’a changé.`;
}
