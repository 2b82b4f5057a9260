/**
 * An actor's page says each fact once: the lead (the summary) says what the actor is, the sidebar holds
 * the facts (address, creation, sectors, stages, offers, dates, contacts), the description tells the
 * rest. Descriptions written before this rule (and imported ones) often restate the summary and list the
 * same facts again: this removes from the description's Markdown
 * - a paragraph that restates the lead (« **Volcabio** — startup installée à Riom… »),
 * - the « **Label** : value » lines of a list whose label is a fact the sidebar shows, or whose value
 *   the lead already says,
 * - a paragraph saying the listing is fictional, when the page says it already.
 * Everything else is kept as written.
 */
import { foldAccents } from './fold';

/** The facts the sidebar shows, by the labels a description may give them. */
export type PortraitFact = 'place' | 'founded' | 'sectors' | 'stages' | 'offers' | 'date' | 'website' | 'email' | 'phone' | 'demo';

const FACT_LABELS: Record<string, PortraitFact> = {
	implantation: 'place',
	adresse: 'place',
	commune: 'place',
	localisation: 'place',
	lieu: 'place',
	creation: 'founded',
	fondation: 'founded',
	'annee de creation': 'founded',
	'date de creation': 'founded',
	secteur: 'sectors',
	secteurs: 'sectors',
	theme: 'sectors',
	themes: 'sectors',
	stades: 'stages',
	'stades accompagnes': 'stages',
	offres: 'offers',
	"offres d'accompagnement": 'offers',
	date: 'date',
	dates: 'date',
	'site web': 'website',
	site: 'website',
	'site internet': 'website',
	'e-mail': 'email',
	email: 'email',
	courriel: 'email',
	telephone: 'phone'
};

/** Lower case, no accents, no Markdown emphasis, no punctuation but apostrophes: what two texts share. */
const normal = (s: string) =>
	foldAccents(s)
		.replace(/[’`]/g, "'")
		.replace(/[*_]/g, '')
		.replace(/[^a-z0-9' ]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** « **Volcabio** — … », « Volcabio : … »: the paragraph without its opening name. */
function withoutOpeningName(paragraph: string, name: string): string {
	const plain = paragraph.replace(/^\s*(\*\*|__)?/, '');
	if (!plain.toLowerCase().startsWith(name.toLowerCase())) return paragraph;
	return plain.slice(name.length).replace(/^(\*\*|__)?\s*[—–:,-]?\s*/, '');
}

const LIST_ITEM = /^\s*[-*+]\s+(?:\*\*|__)?([^*_:]+?)(?:\*\*|__)?\s*:\s*(.*)$/;

export function withoutRepeatedFacts(markdown: string, page: { name: string; summary: string | null; shown: ReadonlySet<PortraitFact> }): string {
	const lead = page.summary ? normal(page.summary) : '';
	const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
	const kept: string[] = [];
	for (const block of blocks) {
		const lines = block.split('\n');
		if (lines.every((l) => /^\s*[-*+]\s/.test(l) || !l.trim())) {
			const items = lines.filter((l) => {
				const [, label, value] = LIST_ITEM.exec(l) ?? [];
				const fact = label ? FACT_LABELS[normal(label)] : undefined;
				if (fact && page.shown.has(fact)) return false;
				// « Activité : des isolants biosourcés » when the lead says « qui développe des isolants biosourcés ».
				const said = value ? normal(value) : '';
				return !(said.length >= 12 && lead.includes(said));
			});
			if (items.some((l) => l.trim())) kept.push(items.join('\n'));
			continue;
		}
		const text = normal(withoutOpeningName(block, page.name));
		if (lead && text && (text === lead || text === normal(`${page.name} ${page.summary}`))) continue;
		if (page.shown.has('demo') && /^(fiche|donnees) (de demonstration|fictive)\b.*\bfictif|^fiche fictive/.test(text)) continue;
		kept.push(block);
	}
	return kept.join('\n\n');
}
