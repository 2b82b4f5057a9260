/**
 * Categories as common nouns in a sentence, with their indefinite article: « après un passage par un
 * incubateur ou une pépinière », « une startup ». The vocabulary's labels are headings (« Pôle / cluster »,
 * « Entrepreneur·e »); these are what a sentence says.
 */
import { categoryLabel } from '$lib/domain/vocabulary';

const A_CATEGORY: Record<string, string> = {
	entrepreneur: 'un entrepreneur ou une entrepreneuse',
	researcher: 'un chercheur ou une chercheuse',
	mentor: 'un ou une mentor',
	investor: 'un investisseur ou une investisseuse',
	elected: 'un ou une élue',
	journalist: 'un ou une journaliste',
	startup: 'une startup',
	company: 'une entreprise',
	large_company: 'un grand groupe',
	lab: 'un laboratoire',
	university: "un établissement d'enseignement supérieur",
	incubator: 'un incubateur',
	accelerator: 'un accélérateur',
	funder: 'un financeur',
	public_body: 'une collectivité ou un organisme public',
	support_network: "un réseau d'accompagnement",
	cluster: 'un pôle ou un cluster',
	association: 'une association',
	media: 'un média',
	coworking: 'un espace de coworking',
	fablab: 'un fablab',
	living_lab: 'un living lab',
	makerspace: 'un atelier partagé',
	rural_third_place: 'un tiers-lieu rural',
	incubation_space: 'une pépinière',
	meetup: 'une rencontre',
	conference: 'une conférence',
	hackathon: 'un hackathon',
	training: 'une formation',
	pitch: 'un concours ou un pitch'
};

/** « un incubateur », « une pépinière »; a category the table does not know keeps its label, lower case. */
export function aCategory(code: string): string {
	return A_CATEGORY[code] ?? categoryLabel(code).toLowerCase();
}
