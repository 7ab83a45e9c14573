/** MapLibre ships its worker module without types; the site only starts it. */
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs' {
	const MapLibreWorker: new (scope: typeof globalThis) => unknown;
	export default MapLibreWorker;
}
