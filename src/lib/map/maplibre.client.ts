/**
 * The one place MapLibre's code is imported. Loaded with a dynamic import from MapView, so the
 * page shell paints before MapLibre (about 250 KB gzip) arrives, and never evaluated during
 * prerendering (MapLibre touches `window` when imported).
 */
import * as maplibre from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';

let ready = false;

/** Points MapLibre at its self-hosted worker and registers the PMTiles protocol, once. */
export function setUpMapLibre(): typeof maplibre {
	if (!ready) {
		maplibre.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
		maplibre.addProtocol('pmtiles', new Protocol().tile);
		ready = true;
	}
	return maplibre;
}
