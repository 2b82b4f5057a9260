import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { formatNumber, frenchSpacing, NBSP } from '$lib/domain/french';
import { IMAGE_WIDTHS, isImageKey, isImageWidth, type ImageWidth } from '$lib/domain/listing-image';
import { ValidationError } from '../services/errors';
import { uploadsDir } from './uploads-dir';

/*
 * A listing's logo or photo, from the uploaded bytes to WebP files on disk. The type is read from the bytes
 * (libvips sniffs them), never from the file's name or the browser's word; the file is turned the way the
 * camera held it, then every size is re-encoded without any metadata (sharp keeps none unless asked: no
 * EXIF, no GPS position, no camera serial). All of it runs in libuv's thread pool: the event loop only
 * awaits.
 */

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** 50 million pixels: a 48-megapixel phone photo passes, a decompression bomb stops before it is decoded. */
export const MAX_IMAGE_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
const KEY_HEX_DIGITS = 16;

const megabytes = (bytes: number) => `${formatNumber(bytes / (1024 * 1024), 1)}${NBSP}Mo`;

export const tooHeavyMessage = (bytes: number) => frenchSpacing(`Fichier trop lourd : ${megabytes(bytes)}, ${megabytes(MAX_IMAGE_BYTES)} au plus.`);
export const UNKNOWN_FORMAT = frenchSpacing('Format non reconnu : JPEG, PNG ou WebP.');
export const EMPTY_FILE = 'Choisissez une image (JPEG, PNG ou WebP).';

export const imageFileName = (key: string, width: ImageWidth) => `${key}-${width}.webp`;

/** The file of one size, or null for anything that is not a key and a width we write (no path is ever built from raw input). */
export function imageFilePath(key: string, width: number, dir = uploadsDir()): string | null {
	if (!isImageKey(key) || !isImageWidth(width)) return null;
	return join(dir, imageFileName(key, width));
}

export interface StoredImage {
	key: string;
	/** Width and height of each file written, by nominal width. */
	sizes: { width: ImageWidth; actualWidth: number; actualHeight: number; bytes: number }[];
}

async function readableImage(bytes: Uint8Array): Promise<Metadata> {
	try {
		// Headers only: the pixel count is checked below, with its own message, before anything is decoded.
		const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
		if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw new ValidationError([UNKNOWN_FORMAT]);
		return meta;
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw new ValidationError([UNKNOWN_FORMAT]);
	}
}

/**
 * Checks, resizes and stores an uploaded image; its key is the start of the SHA-256 of its bytes, so the
 * same photo uploaded twice is the same files. Throws a ValidationError in French and writes nothing when
 * the file is empty, too heavy, not a JPEG/PNG/WebP, or too many pixels.
 */
export async function storeListingImage(bytes: Uint8Array, dir = uploadsDir()): Promise<StoredImage> {
	if (bytes.byteLength === 0) throw new ValidationError([EMPTY_FILE]);
	if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ValidationError([tooHeavyMessage(bytes.byteLength)]);
	const meta = await readableImage(bytes);
	if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS) {
		throw new ValidationError([
			frenchSpacing(
				`Image trop grande : ${formatNumber(meta.width ?? 0)} × ${formatNumber(meta.height ?? 0)} pixels, ${formatNumber(MAX_IMAGE_PIXELS / 1_000_000)} millions de pixels au plus.`
			)
		]);
	}
	const key = createHash('sha256').update(bytes).digest('hex').slice(0, KEY_HEX_DIGITS);
	// Encode every size before writing any: a file libvips cannot decode midway leaves nothing behind.
	let encoded: { width: ImageWidth; data: Buffer; info: OutputInfo }[];
	try {
		encoded = await Promise.all(
			IMAGE_WIDTHS.map(async (width) => {
				const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
					.rotate()
					.resize({ width, withoutEnlargement: true })
					.webp({ quality: 82 })
					.toBuffer({ resolveWithObject: true });
				return { width, data, info };
			})
		);
	} catch {
		throw new ValidationError([UNKNOWN_FORMAT]);
	}
	await mkdir(dir, { recursive: true });
	for (const { width, data } of encoded) {
		const path = join(dir, imageFileName(key, width));
		if (await exists(path)) continue;
		// Written aside then renamed: a reader never gets half a file.
		const part = `${path}.${process.pid}.part`;
		await writeFile(part, data);
		await rename(part, path);
	}
	return { key, sizes: encoded.map(({ width, data, info }) => ({ width, actualWidth: info.width, actualHeight: info.height, bytes: data.byteLength })) };
}

const exists = (path: string) =>
	access(path).then(
		() => true,
		() => false
	);
