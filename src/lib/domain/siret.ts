/**
 * SIRET numbers carry a checksum, so a typo in a spreadsheet is caught before it becomes a false
 * "same company" match. Luhn over the 14 digits, except La Poste's establishments (SIREN 356000000),
 * whose numbers are too many for Luhn and use a digit sum divisible by 5 instead.
 */
const LA_POSTE_SIREN = '356000000';

export function compactSiret(raw: string): string {
	return raw.replace(/[\s.\u00a0\u202f-]/g, '');
}

export function isValidSiret(siret: string): boolean {
	if (!/^\d{14}$/.test(siret)) return false;
	const digits = [...siret].map(Number);
	if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
		return digits.reduce((a, b) => a + b, 0) % 5 === 0;
	}
	let sum = 0;
	digits.forEach((d, i) => {
		// From the right, every second digit is doubled: with 14 digits those are the even indexes.
		const v = i % 2 === 0 ? d * 2 : d;
		sum += v > 9 ? v - 9 : v;
	});
	return sum % 10 === 0;
}
