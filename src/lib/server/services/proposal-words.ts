import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { relationCaption as englishCaption } from '$lib/domain/english';
import { formatDay, frenchSpacing, relationCaptionText, withPreposition, type Nameable } from '$lib/domain/french';
import { fieldLabel } from '$lib/history/diff';
import type { PendingChangeKind, PendingChangeStatus } from '../db/schema';

/*
 * The sentences partners and editors read about proposals and relations (« Mes propositions », the edit
 * page, the moderation queue), written with the French-phrasing module: relations agreed with their
 * subject and names with their article (« Volcabio incubée par la Couveuse des Puys », « déclarée par
 * l'Incubateur des Dômes »), days as the site writes them (« 1er décembre 2026 »).
 */

/** What a proposal is about, resolved to names. */
export type ProposalFacts =
	| { kind: 'entity_update'; entityName: string; fields: string[] }
	| { kind: 'entity_create'; name: string }
	| { kind: 'relation_create' | 'relation_update' | 'relation_delete' | 'relation_dispute'; relation: RelationFacts; fields?: string[] }
	| { kind: 'report' | 'entity_claim'; entityName: string };

export interface RelationFacts {
	source: Nameable;
	type: string;
	target: Nameable;
}

const RELATION_FIELD_WORDS: Record<Locale, Record<string, string>> = {
	fr: { startDate: 'date de début', endDate: 'date de fin', source: 'source', description: 'description' },
	en: { startDate: 'start date', endDate: 'end date', source: 'source', description: 'description' }
};

/** « nom, site web » */
export function fieldList(fields: string[], kind: 'entity' | 'relation' = 'entity', locale: Locale = 'fr'): string {
	const label = (f: string) => fieldLabel(f, locale).toLowerCase();
	return fields.map((f) => (kind === 'relation' ? (RELATION_FIELD_WORDS[locale][f] ?? label(f)) : label(f))).join(', ');
}

/** « Volcabio hébergée au Fablab Aurillac », « la Couveuse des Puys a incubé Camille Martin »; an unknown relation: its ends. */
export const relationPhrase = (r: RelationFacts) => (r.type ? relationCaptionText(r.type, r.source, r.target) : `${r.source.name} — ${r.target.name}`);

/** « Volcabio is incubated by Couveuse des Puys », for the pages under /en. */
function englishRelationPhrase(r: RelationFacts): string {
	if (!r.type) return `${r.source.name} — ${r.target.name}`;
	const c = englishCaption(r.type, r.source, r.target);
	return [c.subject.name, c.verb, c.object.name, c.tail].filter(Boolean).join(' ');
}

/**
 * « Modification de la fiche Volcabio : nom, site web », « Nouvelle relation : Volcabio incubée par la
 * Couveuse des Puys », « Suppression de la relation « Volcabio hébergée au Fablab Aurillac » ».
 */
export function proposalTitle(p: ProposalFacts, locale: Locale = 'fr'): string {
	return locale === 'en' ? englishTitle(p) : frenchSpacing(titleWords(p));
}

/** The same titles for an editor or a partner reading the English pages. */
function englishTitle(p: ProposalFacts): string {
	switch (p.kind) {
		case 'entity_update':
			return `Change to the listing ${p.entityName}${p.fields.length ? `: ${fieldList(p.fields, 'entity', 'en')}` : ''}`;
		case 'entity_create':
			return `New listing: ${p.name}`;
		case 'relation_create':
			return `New relation: ${englishRelationPhrase(p.relation)}`;
		case 'relation_update':
			return `Change to the relation “${englishRelationPhrase(p.relation)}”${p.fields?.length ? `: ${fieldList(p.fields, 'relation', 'en')}` : ''}`;
		case 'relation_delete':
			return `Removal of the relation “${englishRelationPhrase(p.relation)}”`;
		case 'relation_dispute':
			return `Contested relation: “${englishRelationPhrase(p.relation)}”`;
		case 'report':
			return `Report on the listing ${p.entityName}`;
		case 'entity_claim':
			return `Request to manage the listing ${p.entityName}`;
	}
}

function titleWords(p: ProposalFacts): string {
	switch (p.kind) {
		case 'entity_update':
			return `Modification de la fiche ${p.entityName}${p.fields.length ? ` : ${fieldList(p.fields)}` : ''}`;
		case 'entity_create':
			return `Nouvelle fiche : ${p.name}`;
		case 'relation_create':
			return `Nouvelle relation : ${relationPhrase(p.relation)}`;
		case 'relation_update':
			return `Modification de la relation « ${relationPhrase(p.relation)} »${p.fields?.length ? ` : ${fieldList(p.fields, 'relation')}` : ''}`;
		case 'relation_delete':
			return `Suppression de la relation « ${relationPhrase(p.relation)} »`;
		case 'relation_dispute':
			return `Relation contestée : « ${relationPhrase(p.relation)} »`;
		case 'report':
			return `Signalement sur la fiche ${p.entityName}`;
		case 'entity_claim':
			return `Demande de gestion de la fiche ${p.entityName}`;
	}
}

export const KIND_LABELS: Record<PendingChangeKind, string> = {
	entity_update: 'Modification de fiche',
	entity_create: 'Nouvelle fiche',
	relation_create: 'Nouvelle relation',
	relation_update: 'Modification de relation',
	relation_delete: 'Suppression de relation',
	relation_dispute: 'Relation contestée',
	entity_claim: 'Demande de gestion',
	report: 'Signalement'
};

export const STATUS_LABELS: Record<PendingChangeStatus, string> = {
	pending: 'En attente de validation',
	approved: 'Acceptée',
	rejected: 'Refusée'
};

/** « par la Couveuse des Puys », « par l'Incubateur des Dômes », « par Volcabio ». */
export const byActor = (e: Nameable): string => withPreposition('par', e);

/** The state of a relation as its reader on one side sees it: « déclarée par l'Incubateur des Dômes, en attente de confirmation par Volcabio ». */
export function relationState(
	r: {
		confirmation: 'declared' | 'confirmed' | 'disputed';
		declaredBy: Nameable | null;
		otherSide: Nameable | null;
		viewerConfirms: boolean;
	},
	locale: Locale = getLocale()
): string {
	const o = { locale };
	// French says « par la Couveuse des Puys » (its article and elision): the French-phrasing module builds it.
	const by = (e: Nameable) => (locale === 'fr' ? byActor(e) : `by ${e.name}`);
	if (r.confirmation === 'confirmed') return m.relation_state_confirmed({}, o);
	if (r.confirmation === 'disputed') return m.relation_state_disputed({}, o);
	if (!r.declaredBy) return m.relation_state_declared({}, o);
	if (r.viewerConfirms) return m.relation_state_awaiting_you({ by: by(r.declaredBy) }, o);
	return r.otherSide
		? m.relation_state_awaiting_other({ by: by(r.declaredBy), other: by(r.otherSide) }, o)
		: m.relation_state_awaiting_other_party({ by: by(r.declaredBy) }, o);
}

/** A proposal an editor has not read yet; then, for a relation, the other side's confirmation. */
export function awaitingTeam(confirmBy: Nameable | null, locale: Locale = getLocale()): string {
	if (!confirmBy) return m.relation_state_awaiting_team({}, { locale });
	return m.relation_state_awaiting_team_then({ other: locale === 'fr' ? byActor(confirmBy) : `by ${confirmBy.name}` }, { locale });
}

/** « 3 décembre 2026 », « 1er décembre 2026 » from « 2026-12-01 » or an instant (read in Paris time). */
export const frenchDay = (isoDate: string): string => formatDay(isoDate);

/** The answer to an editor who handed a listing to a partner: « « Volcabio » est confiée à Alice Incubateur. » */
export function grantDone(r: { already: boolean; partnerName: string; entityName: string }): string {
	return frenchSpacing(r.already ? `${r.partnerName} gérait déjà « ${r.entityName} ».` : `« ${r.entityName} » est confiée à ${r.partnerName}.`);
}

/** The answer to archiving or restoring a listing. */
export const archivedDone = (name: string, archived: boolean): string =>
	frenchSpacing(archived ? `« ${name} » est archivée.` : `« ${name} » est restaurée et publiée.`);

/** The answer to « Toujours à jour », saying what it did and what it did not. */
export function stillAccurateDone(name: string, isoDate: string): string {
	return frenchSpacing(
		`« ${name} » est confirmée à jour au ${frenchDay(isoDate)} : sa page affiche « vérifiée le ${frenchDay(isoDate)} ». Rien d’autre n’a changé.`
	);
}
