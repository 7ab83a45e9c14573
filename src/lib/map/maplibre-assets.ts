/**
 * Addresses of MapLibre's published files as the build emits them (hashed, under _app/). Plain
 * strings, safe to import anywhere (prerendering included): the page head preloads them, and
 * maplibre.client.ts loads them.
 */
import maplibreUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export const MAPLIBRE_URL: string = maplibreUrl;
export const MAPLIBRE_WORKER_URL: string = workerUrl;
