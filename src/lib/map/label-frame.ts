/**
 * Keeps the labels of an exported figure inside its frame. MapLibre places a label around its
 * point whatever the edge of the canvas, so a label near the edge of a figure is cut off; here
 * each label point inside the frame is moved in just far enough for the label block (its
 * longest line, its number of lines, at the size the map draws it) to fit on any side.
 */
import type { FeatureCollection, Point } from 'geojson';
import { projectToFrame, unprojectFromFrame } from './camera-math.ts';

export interface Frame {
	center: readonly [number, number];
	zoom: number;
	/** CSS pixels. */
	width: number;
	height: number;
}

/** The labels' text size at a zoom (the label layer interpolates 11 px at zoom 2 to 13 at 6). */
export function labelSize(zoom: number): number {
	const t = Math.min(1, Math.max(0, (zoom - 2) / 4));
	return 11 + 2 * t;
}

/** Average advance of a character of the label font, in ems (Noto Sans semibold, mixed case). */
const CHAR_EM = 0.58;
const LINE_EM = 1.15;
/** The label layer's radial offset from its point, in ems. */
const OFFSET_EM = 0.8;

type Labels = FeatureCollection<Point, { full?: unknown; short?: unknown }>;

/** The labels with every point inside the frame moved in so that its label fits in the frame. */
export function keepLabelsInFrame<L extends Labels>(labels: L, frame: Frame): L {
	const size = labelSize(frame.zoom);
	const text = (p: { full?: unknown; short?: unknown }) =>
		String((frame.zoom >= 4 ? p.full : p.short) ?? '');
	const features = labels.features.map((f) => {
		const [lon, lat] = f.geometry.coordinates as [number, number];
		const at = projectToFrame([lon, lat], frame.center, frame.zoom, frame.width, frame.height);
		const inside = at.x >= 0 && at.x <= frame.width && at.y >= 0 && at.y <= frame.height;
		const lines = text(f.properties).split('\n').filter(Boolean);
		if (!inside || lines.length === 0) return f;
		const longest = Math.max(...lines.map((l) => l.length));
		// The label may go on any side of its point: leave room for all of it on either side.
		const mx = Math.min(frame.width / 2, (longest * CHAR_EM * size) / 2 + OFFSET_EM * size);
		const my = Math.min(frame.height / 2, (lines.length * LINE_EM + OFFSET_EM) * size);
		const x = Math.min(frame.width - mx, Math.max(mx, at.x));
		const y = Math.min(frame.height - my, Math.max(my, at.y));
		if (x === at.x && y === at.y) return f;
		const moved = unprojectFromFrame({ x, y }, frame.center, frame.zoom, frame.width, frame.height);
		return { ...f, geometry: { type: 'Point' as const, coordinates: moved } };
	});
	return { ...labels, features };
}
