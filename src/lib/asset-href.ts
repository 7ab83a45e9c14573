/**
 * The address a page gives for a file the build emitted (a `?url` import, hashed under `_app/`),
 * relative to the page as the prerendered site needs: `?url` gives a root address, which breaks
 * on a deployment under a sub-path, so the part from `_app/` on is put under `base`.
 */
import { base } from '$app/paths';

export function assetHref(url: string): string {
	return `${base}/${url.replace(/^.*?(?=_app\/)/, '')}`;
}
