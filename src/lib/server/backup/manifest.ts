import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'carto.db';
export const UPLOADS_FOLDER = 'uploads';
export const MANIFEST_FORMAT = 'connecteur-carto-sauvegarde';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a backup archive says about itself: read back before anything is restored. */
export const manifestSchema = z.object({
	format: z.literal(MANIFEST_FORMAT),
	version: z.literal(1),
	createdAt: z.iso.datetime(),
	/** How the copy was taken: VACUUM INTO (a command-line run) or SQLite's online backup (the server's schedule). */
	method: z.enum(['vacuum-into', 'online-backup']),
	schema: z.object({
		migrations: z.array(z.object({ tag: z.string().nullable(), when: z.number().int() })),
		last: z.string().nullable()
	}),
	tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), sha256 })),
	/** Every file of the archive but the manifest, by path inside the archive's folder. */
	files: z.array(z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256 }))
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup refused or failed, said in French for the operator (the command prints it as it is). */
export class BackupError extends Error {
	override name = 'BackupError';
}
