/** Words the moderation pages share, in the page's language. */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { PendingChangeKind } from '$lib/server/db/schema';

/** A proposal's kind (the services' KIND_LABELS are the French ones). */
const KIND_LABELS: Record<PendingChangeKind, () => string> = {
	entity_update: m.newsroom_kind_entity_update,
	entity_create: m.newsroom_kind_entity_create,
	relation_create: m.newsroom_kind_relation_create,
	relation_update: m.newsroom_kind_relation_update,
	relation_delete: m.newsroom_kind_relation_delete,
	relation_dispute: m.newsroom_kind_relation_dispute,
	entity_claim: m.newsroom_kind_entity_claim,
	report: m.newsroom_kind_report
};

export const proposalKindLabel = (kind: string): string => KIND_LABELS[kind as PendingChangeKind]?.() ?? kind;

/** « 1 234 » on a French page (narrow no-break space, as formatNumber writes it), « 1,234 » on an English one. */
export const formatCount = (n: number): string => new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'fr-FR').format(n);
