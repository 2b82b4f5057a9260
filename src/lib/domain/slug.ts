/**
 * A listing's address part: lowercase letters, digits and single hyphens. Its own module so the route
 * matcher (which runs in the browser too) does not pull the entity schema and its parsers in.
 */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
