/**
 * Renders an export figure in the browser: the map is drawn again off-screen at the preset's
 * size and pixel ratio (not a stretched screenshot), with footnote numbers in its labels, then
 * composed with title, legend, scale bar, north arrow, attribution, caveat and numbered sources,
 * and encoded as a PNG that carries its citations as text metadata.
 *
 * Browser only (canvas, WebGL); imported on demand by the export dialog and the handout.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EvidenceIndex } from '../data/evidence.ts';
import type { CategoryId } from '../data/schema.ts';
import type { FigureView } from './in-view.ts';
import {
	addPngText,
	citationsText,
	composeFigure,
	FIGURE_ATTRIBUTION,
	figureText,
	figureTime,
	frameBounds,
	labelWithFootnotes,
	layoutFigure,
	mapRenderSize,
	measureWithContext,
	metersPerPixel,
	scaleBar,
	scaleBarNote,
	zoomToKeepExtent,
	type ExportPreset,
	type FigureContext,
	type Footnotes
} from '../export/index.ts';
import type { FigureText } from '../export/layout.ts';
import { buildStyle } from './basemap-style.ts';
import { deploymentOverlay } from './deployment-layers.ts';
import { featuresInView, layersIn } from './in-view.ts';
import { drawCategorySymbol } from './legend-symbols.ts';
import { addOverlayImage } from './map-images.ts';
import type { DeploymentData } from './map-data.ts';
import { kindOf, type OverlayEntry } from './kinds/registry.ts';
import { whenDrawn } from './offscreen.ts';
import { keepLabelsInFrame, type Frame } from './label-frame.ts';
import { composeOverlays, type Overlay } from './overlays.ts';
import { defaultTheme } from './theme.ts';

export interface RenderedFigure {
	blob: Blob;
	width: number;
	height: number;
	footnotes: Footnotes;
	citations: string;
	warnings: string[];
}

export type Progress = (stage: string, done: number) => void;

/** The deployment data with each label's footnote numbers appended, for the exported map. */
function withFootnoteLabels(data: DeploymentData, footnotes: Footnotes): DeploymentData {
	const numbers = new Map(footnotes.features.map((f) => [f.featureId, f.numbers]));
	return {
		...data,
		labels: {
			...data.labels,
			features: data.labels.features.map((f) => {
				const n = numbers.get(f.properties.id) ?? [];
				const short = labelWithFootnotes(f.properties.short, n);
				const rest = f.properties.full.split('\n').slice(1);
				return {
					...f,
					properties: { ...f.properties, short, full: [short, ...rest].join('\n') }
				};
			})
		}
	};
}

/**
 * The overlays of a figure: the deployment overlay as the view shows it, labels footnoted, then
 * every other overlay on the screen (drafts, imported files), so the figure shows what the map does.
 */
function figureOverlay(
	data: DeploymentData,
	footnotes: Footnotes,
	view: FigureView,
	frame: Frame
): Overlay {
	const deployments = deploymentOverlay(withFootnoteLabels(data, footnotes), defaultTheme, {
		visible: view.visible,
		filter: view.filter,
		fade: view.fade,
		...(view.state ? { state: view.state } : {}),
		shownIds: view.shownIds
	});
	// Labels stay inside the figure's frame, whatever overlay they belong to.
	const framed = [deployments, ...(view.overlays ?? [])].map((o) =>
		o.labels ? { ...o, labels: keepLabelsInFrame(o.labels, frame) } : o
	);
	return composeOverlays(framed, defaultTheme);
}

/** Legend ids of the other overlays' entries: `overlay/key`, apart from the category ids. */
function otherEntries(view: FigureView): Map<string, OverlayEntry> {
	const entries = new Map<string, OverlayEntry>();
	for (const o of view.overlays ?? []) {
		for (const e of o.entries) if (o.visible.has(e.key)) entries.set(`${o.id}/${e.key}`, e);
	}
	return entries;
}

/**
 * The figure's words with the other overlays' visible entries added to the legend and the view's
 * notes (where imported layers came from) listed, numbered on, after the sources.
 */
function withOtherOverlays<T extends { text: FigureText }>(result: T, view: FigureView): T {
	const { text } = result;
	const last = text.footnotes.at(-1)?.number ?? 0;
	return {
		...result,
		text: {
			...text,
			legend: [
				...text.legend,
				...[...otherEntries(view)].map(([id, e]) => ({ id, label: e.name }))
			],
			footnotes: [
				...text.footnotes,
				...(view.notes ?? []).map((note, i) => ({ number: last + i + 1, text: note }))
			]
		}
	};
}

/** The map style of a figure: the basemap and the figure's overlays. */
function figureStyle(overlay: Overlay, siteRoot: string): ReturnType<typeof buildStyle> {
	return buildStyle(defaultTheme, { siteRoot }, overlay);
}

async function loadFonts(): Promise<void> {
	await Promise.all(
		['400 16px "Noto Sans"', '700 16px "Noto Sans"', 'italic 400 16px "Noto Sans"'].map((f) =>
			document.fonts.load(f)
		)
	);
}

function renderMap(
	maplibre: typeof import('maplibre-gl'),
	overlay: Overlay,
	style: ReturnType<typeof buildStyle>,
	size: { cssWidth: number; cssHeight: number; pixelRatio: number },
	camera: { center: [number, number]; zoom: number; bearing: number }
): Promise<{ map: MapLibreMap; container: HTMLDivElement }> {
	const container = document.createElement('div');
	// Off-screen but laid out: MapLibre sizes its canvas from the container.
	Object.assign(container.style, {
		position: 'fixed',
		left: '-100000px',
		top: '0',
		width: `${size.cssWidth}px`,
		height: `${size.cssHeight}px`
	});
	document.body.append(container);
	return whenDrawn(
		() => {
			const map = new maplibre.Map({
				container,
				style,
				center: camera.center,
				zoom: camera.zoom,
				bearing: camera.bearing,
				pixelRatio: size.pixelRatio,
				interactive: false,
				attributionControl: false,
				fadeDuration: 0,
				// Read back after the render below, so the drawing buffer must survive it.
				canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true }
			});
			map.setMissingStyleImageResolver((id) => addOverlayImage(map, overlay, id, size.pixelRatio));
			return map;
		},
		() => container.remove()
	).then((map) => ({ map, container }));
}

/**
 * Renders the figure for a view at a preset. Throws an Error whose message says what to change
 * when the figure cannot be laid out (too many footnotes for the size, say).
 */
export async function renderFigure(
	maplibre: typeof import('maplibre-gl'),
	index: EvidenceIndex,
	data: DeploymentData,
	view: FigureView,
	preset: ExportPreset,
	siteRoot: string,
	progress: Progress = () => {}
): Promise<RenderedFigure> {
	progress('Laying out the figure', 0.05);
	await loadFonts();
	const visibleFeatureIds = featuresInView(index, view);
	// The legend lists the layers that have something in the figure, not every layer switched on.
	const layers = layersIn(index, view.visible, visibleFeatureIds);
	const time = figureTime(view.time);
	const attribution = FIGURE_ATTRIBUTION;

	const canvas = document.createElement('canvas');
	canvas.width = preset.width;
	canvas.height = preset.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw on a canvas of this size.');
	const measure = measureWithContext(ctx);

	// First pass without the scale note, to learn the map frame and so its geographic extent.
	const textOptions = {
		title: view.title,
		subtitle: view.subtitle,
		time,
		layers,
		visibleFeatureIds,
		attribution
	};
	const draft = withOtherOverlays(figureText(index.dataset, textOptions), view);
	const first = layoutFigure(preset, draft.text, measure);
	if (!first.ok) throw new Error(first.reason);
	const size = mapRenderSize(first.layout.map, preset.pixelRatio);
	const zoom = zoomToKeepExtent(view.zoom, view.viewport, {
		width: size.cssWidth,
		height: size.cssHeight
	});
	const extent = frameBounds(view.center, zoom, size.cssWidth, size.cssHeight);
	const scaleNote = scaleBarNote(view.center[1], extent.south, extent.north);
	const { text, footnotes } = withOtherOverlays(
		figureText(index.dataset, { ...textOptions, scaleNote }),
		view
	);
	const second = layoutFigure(preset, text, measure);
	if (!second.ok) throw new Error(second.reason);
	const layout = second.layout;
	const warnings = [...second.warnings];
	if (size.reduced) {
		warnings.push(
			'The map was drawn at a lower resolution than the figure: it exceeds the largest canvas the browser allows.'
		);
	}

	progress('Drawing the map', 0.2);
	const mapSize = mapRenderSize(layout.map, preset.pixelRatio);
	const overlay = figureOverlay(data, footnotes, view, {
		center: view.center,
		zoom,
		width: mapSize.cssWidth,
		height: mapSize.cssHeight
	});
	const { map, container } = await renderMap(
		maplibre,
		overlay,
		figureStyle(overlay, siteRoot),
		mapSize,
		{
			center: view.center,
			zoom,
			bearing: view.bearing
		}
	);
	try {
		progress('Composing the figure', 0.75);
		const mpp = metersPerPixel(view.center[1], zoom, preset.pixelRatio);
		const bar = scaleBar(mpp, layout.scaleBar.maxBarWidth);
		const others = otherEntries(view);
		const drawSymbol = (
			c: FigureContext<CanvasImageSource>,
			id: string,
			rect: { x: number; y: number; width: number; height: number }
		) => {
			const other = others.get(id);
			if (other) {
				kindOf(other).drawSymbol(
					c as CanvasRenderingContext2D,
					other,
					rect,
					defaultTheme,
					layout.pxPerPt
				);
			} else {
				drawCategorySymbol(
					c as CanvasRenderingContext2D,
					id as CategoryId,
					rect,
					defaultTheme,
					layout.pxPerPt
				);
			}
		};
		const composed = composeFigure<CanvasImageSource>(
			ctx,
			layout,
			{ scaleBar: bar, bearing: view.bearing },
			map.getCanvas(),
			drawSymbol
		);
		warnings.push(...composed.warnings);
	} finally {
		map.remove();
		container.remove();
	}

	progress('Encoding the PNG', 0.9);
	const png = await new Promise<Blob>((resolve, reject) =>
		canvas.toBlob(
			(b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))),
			'image/png'
		)
	);
	// The view's notes (imported layers' origin) follow the sources, numbered as in the figure.
	const citations = [
		citationsText({ title: view.title, asOf: text.asOf }, footnotes),
		...text.footnotes.slice(footnotes.footnotes.length).map((n) => `[${n.number}] ${n.text}`)
	].join('\n');
	const tagged = addPngText(new Uint8Array(await png.arrayBuffer()), {
		Title: view.title,
		Description: text.asOf,
		Source: citations,
		Software: 'Deployment Atlas'
	});
	progress('Done', 1);
	return {
		blob: new Blob([tagged as BlobPart], { type: 'image/png' }),
		width: preset.width,
		height: preset.height,
		footnotes,
		citations,
		warnings
	};
}

/**
 * The map with a scale bar drawn into its lower left corner, so the bar scales with the image
 * wherever the image is set (a handout page shrinks a map to fit a long step's text).
 */
function withScaleBar(
	map: HTMLCanvasElement,
	bar: ReturnType<typeof scaleBar>,
	ratio: number
): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	canvas.width = map.width;
	canvas.height = map.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw on a canvas of this size.');
	ctx.drawImage(map, 0, 0);
	if (!bar) return canvas;
	const pad = 6 * ratio;
	const barHeight = 5 * ratio;
	ctx.font = `600 ${11 * ratio}px "Noto Sans", sans-serif`;
	const labelWidth = ctx.measureText(bar.label).width;
	const boxWidth = bar.widthPx + labelWidth + 3 * pad;
	const boxHeight = barHeight + 2 * pad + 4 * ratio;
	const x = 8 * ratio;
	const y = canvas.height - 8 * ratio - boxHeight;
	ctx.fillStyle = 'rgb(255 255 255 / 0.88)';
	ctx.fillRect(x, y, boxWidth, boxHeight);
	const barY = y + (boxHeight - barHeight) / 2;
	const segment = bar.widthPx / bar.segments;
	for (let i = 0; i < bar.segments; i++) {
		ctx.fillStyle = i % 2 === 0 ? '#222' : '#fff';
		ctx.fillRect(x + pad + i * segment, barY, segment, barHeight);
	}
	ctx.lineWidth = Math.max(1, ratio * 0.75);
	ctx.strokeStyle = '#222';
	ctx.strokeRect(x + pad, barY, bar.widthPx, barHeight);
	ctx.fillStyle = '#222';
	ctx.textBaseline = 'middle';
	ctx.fillText(bar.label, x + 2 * pad + bar.widthPx, y + boxHeight / 2);
	return canvas;
}

/**
 * Only the map of a view, at its viewport size and a pixel ratio, with `footnotes`' numbers in
 * its labels and a scale bar, as a PNG: for pages that set the title, legend and sources as text
 * (the briefing handout), and so number the sources themselves.
 */
export async function renderMapImage(
	maplibre: typeof import('maplibre-gl'),
	data: DeploymentData,
	view: FigureView,
	footnotes: Footnotes,
	pixelRatio: number,
	siteRoot: string
): Promise<Blob> {
	await loadFonts();
	const { width, height } = view.viewport;
	const overlay = figureOverlay(data, footnotes, view, {
		center: view.center,
		zoom: view.zoom,
		width,
		height
	});
	const { map, container } = await renderMap(
		maplibre,
		overlay,
		figureStyle(overlay, siteRoot),
		{ cssWidth: width, cssHeight: height, pixelRatio },
		{ center: view.center, zoom: view.zoom, bearing: view.bearing }
	);
	try {
		const canvas = withScaleBar(
			map.getCanvas(),
			scaleBar(metersPerPixel(view.center[1], view.zoom, pixelRatio), map.getCanvas().width / 4),
			pixelRatio
		);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('The map image could not be encoded.'))),
				'image/png'
			)
		);
	} finally {
		map.remove();
		container.remove();
	}
}
