/** What the filter form says about its commune field, as the server resolved it (see commune-field.service.ts). */
export interface CommuneFieldChoice {
	code: string;
	name: string;
	departementCode: string | null;
	matchLabel: string | null;
	/** The same page filtered on that commune. */
	href: string;
}

export interface CommuneField {
	/** What was typed (empty when the commune came from the URL's `territory`). */
	text: string;
	commune: { code: string; name: string; departementCode: string | null } | null;
	/** « code postal 43200 », « code INSEE 43200 », null for a name. */
	matchLabel: string | null;
	/** Why no commune was chosen. */
	message: string | null;
	choices: CommuneFieldChoice[];
}
