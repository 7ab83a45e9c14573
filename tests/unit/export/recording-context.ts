/**
 * A stand-in for CanvasRenderingContext2D that records what is drawn, in page coordinates (its
 * own translate/rotate applied), with the fill or stroke style in force at the time.
 */
import type { FigureContext } from '../../../src/lib/export/compose.ts';

export interface FakeImage {
	name: string;
}

type Matrix = [number, number, number, number, number, number];
type Point = [number, number];

export type DrawOp =
	| { op: 'fillRect' | 'strokeRect'; points: Point[]; style: string; lineWidth: number }
	| { op: 'fillText'; text: string; at: Point; font: string; align: string; style: string }
	| { op: 'drawImage'; image: FakeImage; points: Point[] }
	| { op: 'fill' | 'stroke'; points: Point[]; style: string };

interface State {
	fillStyle: string;
	strokeStyle: string;
	lineWidth: number;
	font: string;
	textAlign: CanvasTextAlign;
	textBaseline: CanvasTextBaseline;
	matrix: Matrix;
}

export class RecordingContext implements FigureContext<FakeImage> {
	ops: DrawOp[] = [];
	/** Depth of save() calls not yet restored; a finished figure leaves it at 0. */
	depth = 0;
	private state: State = {
		fillStyle: '#000000',
		strokeStyle: '#000000',
		lineWidth: 1,
		font: '10px sans-serif',
		textAlign: 'start',
		textBaseline: 'alphabetic',
		matrix: [1, 0, 0, 1, 0, 0]
	};
	private stack: State[] = [];
	private path: Point[] = [];

	get fillStyle(): string {
		return this.state.fillStyle;
	}
	set fillStyle(v: string | CanvasGradient | CanvasPattern) {
		this.state.fillStyle = String(v);
	}
	get strokeStyle(): string {
		return this.state.strokeStyle;
	}
	set strokeStyle(v: string | CanvasGradient | CanvasPattern) {
		this.state.strokeStyle = String(v);
	}
	get lineWidth(): number {
		return this.state.lineWidth;
	}
	set lineWidth(v: number) {
		this.state.lineWidth = v;
	}
	get font(): string {
		return this.state.font;
	}
	set font(v: string) {
		this.state.font = v;
	}
	get textAlign(): CanvasTextAlign {
		return this.state.textAlign;
	}
	set textAlign(v: CanvasTextAlign) {
		this.state.textAlign = v;
	}
	get textBaseline(): CanvasTextBaseline {
		return this.state.textBaseline;
	}
	set textBaseline(v: CanvasTextBaseline) {
		this.state.textBaseline = v;
	}

	private apply(x: number, y: number): Point {
		const [a, b, c, d, e, f] = this.state.matrix;
		return [a * x + c * y + e, b * x + d * y + f];
	}

	private corners(x: number, y: number, w: number, h: number): Point[] {
		return [this.apply(x, y), this.apply(x + w, y), this.apply(x + w, y + h), this.apply(x, y + h)];
	}

	save(): void {
		this.stack.push({ ...this.state, matrix: [...this.state.matrix] });
		this.depth++;
	}
	restore(): void {
		const s = this.stack.pop();
		if (s) {
			this.state = s;
			this.depth--;
		}
	}
	translate(x: number, y: number): void {
		const [a, b, c, d, e, f] = this.state.matrix;
		this.state.matrix = [a, b, c, d, a * x + c * y + e, b * x + d * y + f];
	}
	rotate(angle: number): void {
		const [a, b, c, d, e, f] = this.state.matrix;
		const cos = Math.cos(angle);
		const sin = Math.sin(angle);
		this.state.matrix = [
			a * cos + c * sin,
			b * cos + d * sin,
			c * cos - a * sin,
			d * cos - b * sin,
			e,
			f
		];
	}
	beginPath(): void {
		this.path = [];
	}
	moveTo(x: number, y: number): void {
		this.path.push(this.apply(x, y));
	}
	lineTo(x: number, y: number): void {
		this.path.push(this.apply(x, y));
	}
	closePath(): void {}
	fill(): void {
		this.ops.push({ op: 'fill', points: [...this.path], style: this.state.fillStyle });
	}
	stroke(): void {
		this.ops.push({ op: 'stroke', points: [...this.path], style: this.state.strokeStyle });
	}
	fillRect(x: number, y: number, w: number, h: number): void {
		this.ops.push({
			op: 'fillRect',
			points: this.corners(x, y, w, h),
			style: this.state.fillStyle,
			lineWidth: this.state.lineWidth
		});
	}
	strokeRect(x: number, y: number, w: number, h: number): void {
		this.ops.push({
			op: 'strokeRect',
			points: this.corners(x, y, w, h),
			style: this.state.strokeStyle,
			lineWidth: this.state.lineWidth
		});
	}
	fillText(text: string, x: number, y: number): void {
		this.ops.push({
			op: 'fillText',
			text,
			at: this.apply(x, y),
			font: this.state.font,
			align: this.state.textAlign,
			style: this.state.fillStyle
		});
	}
	drawImage(image: FakeImage, dx: number, dy: number, dw: number, dh: number): void {
		this.ops.push({ op: 'drawImage', image, points: this.corners(dx, dy, dw, dh) });
	}
}
