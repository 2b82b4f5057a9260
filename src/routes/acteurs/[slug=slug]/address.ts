/**
 * « 12 rue des Tilleuls, 63200 Riom » with « Riom » linked to its commune page: the commune is said once,
 * inside the address, rather than the address and then the commune again.
 */
export interface AddressParts {
	before: string;
	after: string;
	communeInAddress: boolean;
}

export function addressParts(address: string | null, communeName: string | null): AddressParts {
	if (!address || !communeName) return { before: address ?? '', after: '', communeInAddress: false };
	// The last mention: « 3 rue de Riom, 63200 Riom » links the town, not the street.
	const at = address.toLowerCase().lastIndexOf(communeName.toLowerCase());
	const end = at + communeName.length;
	const wordEdge = (i: number) => i < 0 || i >= address.length || !/[\p{L}\p{N}-]/u.test(address[i] as string);
	if (at < 0 || !wordEdge(at - 1) || !wordEdge(end)) return { before: address, after: '', communeInAddress: false };
	return { before: address.slice(0, at), after: address.slice(end), communeInAddress: true };
}
