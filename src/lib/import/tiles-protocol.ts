/** Messages between the page and the imported-tiles worker (tiles.worker.ts). */
import type { FeaturePage, FeaturePlace } from './tile-index.ts';

export type TilesRequest = { id: number } & (
	| { type: 'set'; layerId: string; features: Blob }
	| { type: 'remove'; layerId: string }
	| { type: 'order'; layerIds: string[] }
	| { type: 'tile'; z: number; x: number; y: number }
	| { type: 'props'; featureId: string }
	| { type: 'place'; featureId: string }
	| { type: 'list'; layerId: string; query: string; offset: number; limit: number }
);

export type TilesReply = { id: number } & (
	{ result: ArrayBuffer | string | FeaturePage | FeaturePlace | null } | { error: string }
);
