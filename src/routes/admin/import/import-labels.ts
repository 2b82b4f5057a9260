import { countOf as plural, formatNumber } from '$lib/domain/french/typography';

/** French words of the import pages, shared by the history and the report. */
export const statusLabels: Record<'preview' | 'committed' | 'undone', string> = {
	preview: 'essai',
	committed: 'importé',
	undone: 'annulé'
};

export const actionLabels: Record<string, string> = {
	create: 'création',
	update: 'mise à jour',
	skip: 'ignorée',
	error: 'erreur'
};

interface Counts {
	create?: number;
	update?: number;
	skip?: number;
	error?: number;
	warnings?: number;
}

/** « 487 fiches à créer, 3 à mettre à jour, 10 ignorées, 0 en erreur · 12 avertissements » */
export function countsSentence(c: Counts, committed = false): string {
	const created = committed ? plural(c.create ?? 0, 'fiche créée', 'fiches créées') : plural(c.create ?? 0, 'fiche à créer', 'fiches à créer');
	const updated = committed ? plural(c.update ?? 0, 'mise à jour', 'mises à jour') : `${formatNumber(c.update ?? 0)} à mettre à jour`;
	const skipped = plural(c.skip ?? 0, 'ignorée', 'ignorées');
	const errors = `${formatNumber(c.error ?? 0)} en erreur`;
	return `${created}, ${updated}, ${skipped}, ${errors} · ${plural(c.warnings ?? 0, 'avertissement', 'avertissements')}`;
}
