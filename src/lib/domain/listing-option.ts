/** One listing offered by a picker (its suggestions, or the candidates of a text that named several). */
export interface ListingOption {
	id: number;
	name: string;
	/** What tells namesakes apart: « Startup · Clermont-Ferrand · brouillon ». */
	detail: string;
}
