import type { Db } from '../db';
import { territoryOptionRows } from '../repos/territory.repo';

export interface TerritoryOption {
	code: string;
	name: string;
	kind: 'departement' | 'epci' | 'commune';
	departementCode: string | null;
}

/**
 * Places offered by the directory's territory filter: every département and EPCI, and the communes
 * that host at least one published actor (a short list, unlike the ~1,300 communes of the scope).
 */
export function territoryOptions(db: Db): { departements: TerritoryOption[]; epcis: TerritoryOption[]; communes: TerritoryOption[] } {
	const rows = territoryOptionRows(db) as TerritoryOption[];
	return {
		departements: rows.filter((r) => r.kind === 'departement').sort((a, b) => a.code.localeCompare(b.code)),
		epcis: rows.filter((r) => r.kind === 'epci'),
		communes: rows.filter((r) => r.kind === 'commune')
	};
}
