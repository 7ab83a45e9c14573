import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The site is plain static files: every page is prerendered, and nothing may be fetched from
 * another origin. The Content-Security-Policy below is written into each page as a meta tag
 * (with hashes for SvelteKit's inline bootstrap script) and is what enforces that rule in the
 * browser. scripts/serve.js and static/_headers add, as response headers, what a meta tag cannot
 * carry (frame-ancestors).
 */
const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		// Style sheets only from the site; inline style attributes (Svelte's style: directives,
		// MapLibre's markers and canvas sizing, SvelteKit's announcer) are the one inline styling
		// allowed, and they cannot run code.
		'style-src': ['self'],
		'style-src-attr': ['unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self', 'data:'],
		// Nothing is fetched from anywhere but the site (imported files reach the map as tiles
		// from a worker, through a custom protocol, never as URLs).
		'connect-src': ['self'],
		// MapLibre's worker is self-hosted; blob: covers its module-worker fallback.
		'worker-src': ['self', 'blob:'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// ATLAS_BUILD_DIR: `npm run edit` builds its editor-enabled site beside build/, not over it.
		adapter: adapter({
			strict: true,
			pages: process.env.ATLAS_BUILD_DIR ?? 'build',
			assets: process.env.ATLAS_BUILD_DIR ?? 'build'
		}),
		// BASE_PATH lets the same build be served from a sub-folder, e.g. /atlas.
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		csp,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
