import type { ListingOption } from '$lib/domain/listing-option';
import { PickError } from '../services/errors';
import type { ListingPick } from '../services/listing-picker.service';

/**
 * What a ListingPicker sent: the id chosen in its list or among the radio buttons of a previous answer
 * (several inputs may carry the field, the empty hidden one included), and the text typed in `<field>Query`.
 */
export function pickFrom(form: FormData, field: string): ListingPick {
	const id = form
		.getAll(field)
		.map(String)
		.find((v) => /^[1-9]\d{0,14}$/.test(v));
	return { field, id: id ? Number(id) : null, query: String(form.get(`${field}Query`) ?? '').slice(0, 200) };
}

/** The picker's state to send back with a refusal: the text typed, the candidates, the sentence. */
export interface PickState {
	field: string;
	query: string;
	candidates: ListingOption[];
	message: string;
}

export function pickState(e: unknown): PickState | null {
	if (!(e instanceof PickError)) return null;
	return { field: e.field, query: e.query, candidates: e.candidates, message: e.issues.join(' ') };
}
