/**
 * The one place MapLibre's code is loaded. MapView imports this module dynamically, so the
 * prerendered page shell paints before MapLibre (about 290 KB gzip) arrives, and MapLibre (which
 * touches `window` when imported) never runs during prerendering. The PMTiles reader comes with it.
 *
 * MapLibre's published ES module is loaded as it ships (an asset, see maplibre-assets.ts), not
 * bundled: its address is then known when the page is prerendered, so the page's head asks for
 * it with `modulepreload` and the browser fetches and compiles it in parallel with the app's own
 * code, instead of only when this module runs after hydration.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import { MAPLIBRE_URL, MAPLIBRE_WORKER_URL } from './maplibre-assets.ts';

const maplibre = (await import(
	/* @vite-ignore */ new URL(MAPLIBRE_URL, document.baseURI).href
)) as typeof import('maplibre-gl');

maplibre.setWorkerUrl(new URL(MAPLIBRE_WORKER_URL, document.baseURI).href);
// The maintained PMTiles reader, loaded with the map chunk: it follows an archive replaced by a
// redeploy (ETag), servers that ignore Range, and leaf directories.
maplibre.addProtocol('pmtiles', new Protocol().tile);
// Start the worker (a 520 KB module to fetch and parse) now, while the map is still being set
// up, rather than when the first tile is requested.
maplibre.prewarm();

export { maplibre };
