/*
 * A listing's logo or photo as pages and the server name it: a key (the first 16 hex digits of the
 * uploaded file's SHA-256) and a few widths, each a WebP file `<key>-<width>.webp` served at
 * `/images/<key>/<width>`. Pure: the browser imports it for `srcset`.
 */

export const IMAGE_WIDTHS = [160, 480, 960] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/** Nothing but 16 lowercase hex digits: a key can never name a path outside the uploads folder. */
export const IMAGE_KEY_RE = /^[0-9a-f]{16}$/;

export const isImageKey = (key: unknown): key is string => typeof key === 'string' && IMAGE_KEY_RE.test(key);
export const isImageWidth = (w: number): w is ImageWidth => (IMAGE_WIDTHS as readonly number[]).includes(w);

export const imageUrl = (key: string, width: ImageWidth) => `/images/${key}/${width}`;

/** « /images/…/160 160w, /images/…/480 480w, … » for an `<img srcset>`. */
export const imageSrcset = (key: string) => IMAGE_WIDTHS.map((w) => `${imageUrl(key, w)} ${w}w`).join(', ');
