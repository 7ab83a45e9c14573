/**
 * MapLibre's worker as the site hosts it: the page-side copy of blob: GeoJSON is dropped first
 * (see drop-url-data.ts), then MapLibre's own worker code runs unchanged. Imports run in order.
 */
import './drop-url-data.ts';
import MapLibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs';

// MapLibre's module starts its worker itself when it is evaluated. Its package marks it free of
// side effects, so the bundler would drop a bare import: naming the class keeps the module, and
// this line only starts the worker if that evaluation did not.
(self as unknown as { worker?: unknown }).worker ??= new MapLibreWorker(self);
