/**
 * The one place MapLibre's code is imported. MapView imports this module dynamically, so the
 * prerendered page shell paints before MapLibre (about 290 KB gzip) arrives, and MapLibre (which
 * touches `window` when imported) never runs during prerendering. The PMTiles reader comes with it.
 */
import * as maplibre from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';

maplibre.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
// The maintained PMTiles reader, loaded with the map chunk: it follows an archive replaced by a
// redeploy (ETag), servers that ignore Range, and leaf directories.
maplibre.addProtocol('pmtiles', new Protocol().tile);
// Start the worker (a 520 KB module to fetch and parse) now, while the map is still being set
// up, rather than when the first tile is requested.
maplibre.prewarm();

export { maplibre };
