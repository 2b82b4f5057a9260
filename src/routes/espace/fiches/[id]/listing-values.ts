import type { DisplayChange } from '$lib/history/format';

/**
 * What each field of the listing form shows: what was typed when the last save was refused, else the
 * value the partner proposed and an editor has not validated yet, else the stored one. Shared by the
 * form's fieldsets so they all answer the same way.
 */
export class ListingValues {
	constructor(
		readonly entity: Record<string, unknown>,
		readonly editable: readonly string[],
		private readonly pending: { values: Record<string, unknown>; changes: Record<string, DisplayChange> } | null,
		private readonly typed: Record<string, unknown> | null
	) {}

	value(field: string): unknown {
		if (this.typed && field in this.typed) return this.typed[field];
		if (this.pending && field in this.pending.values) return this.pending.values[field];
		return this.entity[field];
	}
	text(field: string): string {
		const v = this.value(field);
		return v === null || v === undefined ? '' : String(v);
	}
	list(field: string): string[] {
		const v = this.value(field);
		return Array.isArray(v) ? (v as string[]) : [];
	}
	can(field: string): boolean {
		return this.editable.includes(field);
	}
	note(field: string): DisplayChange | undefined {
		return this.pending?.changes[field];
	}
	describedBy(field: string, ...more: (string | undefined)[]): string | undefined {
		const ids = [this.note(field) ? `pending-${field}` : undefined, ...more].filter(Boolean);
		return ids.length ? ids.join(' ') : undefined;
	}
}
