/**
 * Report exports: presets, figure layout, scale bar, footnotes, citations and drawing. Plain
 * TypeScript with no DOM access at import time, so the app, the render CLI and Node tests share it.
 */
export * from './presets.ts';
export * from './scale-bar.ts';
export * from './text-layout.ts';
export * from './layout.ts';
export * from './safe-url.ts';
export * from './footnotes.ts';
export * from './citations.ts';
export * from './figure.ts';
export * from './compose.ts';
export * from './briefing-figures.ts';
export * from './png-text.ts';
