/** What the finder form shows back: the visitor's answers as read from the URL, even when some are wrong. */
export interface FinderAnswers {
	stage: string;
	sectors: string[];
	needs: string[];
	/** The commune once known (its INSEE code resolved), to prefill the autocomplete. */
	commune: { code: string; name: string } | null;
	/** What was typed in the commune field (a name, a postcode or an INSEE code). */
	communeText: string;
}

export interface FinderIssue {
	/** The form field it concerns (stage, sector, commune, need), so the form can mark it; null for the whole form. */
	field: string | null;
	text: string;
}

/** A commune the typed name may mean (several homonyms, or a partial name), with the route's address for it. */
export interface CommuneChoice {
	code: string;
	name: string;
	departementCode: string | null;
	/** « code postal 43200 », « code INSEE 43200 »; null for a name. */
	matchLabel: string | null;
	href: string;
}
