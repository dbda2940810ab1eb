import { ACCEPTING_COLOR, INSTITUTION_COLOR, type InstitutionShape } from './palette';

/**
 * Institution markers drawn on a canvas at start (no sprite server needed offline):
 *   full ①②③ — square, admit ③ only — triangle, primary ①② — diamond, none — hollow circle;
 * each also with a green ring for an institution that declared it takes new partners (one symbol
 * layer draws both: no extra layer to lay out).
 */
const SIZE = 26;
/** The shapes are drawn in a 22-px square centred in the icon, leaving room for the ring. */
const PAD = 2;

function path(ctx: CanvasRenderingContext2D, shape: InstitutionShape): void {
  const s = SIZE - 2 * PAD;
  ctx.beginPath();
  if (shape === 'full') ctx.rect(4, 4, s - 8, s - 8);
  else if (shape === 'admit') {
    ctx.moveTo(s / 2, 2.5);
    ctx.lineTo(s - 2.5, s - 4);
    ctx.lineTo(2.5, s - 4);
    ctx.closePath();
  } else if (shape === 'primary') {
    ctx.moveTo(s / 2, 2);
    ctx.lineTo(s - 2, s / 2);
    ctx.lineTo(s / 2, s - 2);
    ctx.lineTo(2, s / 2);
    ctx.closePath();
  } else ctx.arc(s / 2, s / 2, 5.5, 0, Math.PI * 2);
}

/**
 * A canvas the CPU draws on: read back at once, so a GPU-backed canvas would stall the page on each
 * readback (about 80 ms an icon with software GL).
 */
function cpuCanvas(px: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = px;
  return canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
}

function draw(ctx: CanvasRenderingContext2D, shape: InstitutionShape, ratio: number, accepting: boolean): void {
  ctx.scale(ratio, ratio);
  if (accepting) {
    ctx.beginPath();
    ctx.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 1.25, 0, Math.PI * 2);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = ACCEPTING_COLOR;
    ctx.stroke();
  }
  ctx.translate(PAD, PAD);
  path(ctx, shape);
  ctx.lineWidth = 2;
  ctx.strokeStyle = shape === 'none' ? INSTITUTION_COLOR : '#FFFFFF';
  ctx.fillStyle = shape === 'none' ? '#FFFFFF' : INSTITUTION_COLOR;
  ctx.fill();
  ctx.stroke();
  if (shape !== 'none') {
    // a thin dark edge keeps the white outline visible on light land
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = '#0B2540';
    ctx.stroke();
  }
}

export function drawInstitutionIcon(shape: InstitutionShape, ratio = 1, accepting = false): ImageData {
  const ctx = cpuCanvas(SIZE * ratio);
  draw(ctx, shape, ratio, accepting);
  return ctx.getImageData(0, 0, SIZE * ratio, SIZE * ratio);
}

const swatches = new Map<string, string>();
/** An <svg>-free legend swatch: the same drawing as a data URL, drawn once per shape. */
export function institutionIconUrl(shape: InstitutionShape, accepting = false): string {
  const key = `${shape}-${accepting}`;
  let url = swatches.get(key);
  if (!url) {
    const ctx = cpuCanvas(SIZE);
    draw(ctx, shape, 1, accepting);
    swatches.set(key, (url = ctx.canvas.toDataURL()));
  }
  return url;
}
