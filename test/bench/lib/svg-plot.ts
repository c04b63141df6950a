import { writeFileSync } from 'node:fs';

export interface Series {
  name: string;
  unit: string;
  points: Array<[x: number, y: number]>;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One small chart per series, x on a log10 scale (events in the store), written as a hand-made SVG. */
export function writeGrowthSvg(file: string, title: string, xLabel: string, series: Series[]): void {
  const w = 420;
  const h = 260;
  const pad = { l: 70, r: 20, t: 40, b: 50 };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const lx = (x: number) => Math.log10(x);
  const x0 = Math.floor(lx(Math.min(...xs)));
  const x1 = Math.max(x0 + 1, Math.ceil(lx(Math.max(...xs))));
  const charts = series.map((s, i) => {
    const ys = s.points.map((p) => p[1]).filter(Number.isFinite);
    const yMax = Math.max(1e-9, ...ys) * 1.15;
    const px = (x: number) => pad.l + ((lx(x) - x0) / (x1 - x0)) * (w - pad.l - pad.r);
    const py = (y: number) => h - pad.b - (y / yMax) * (h - pad.t - pad.b);
    const ox = (i % 2) * w;
    const oy = Math.floor(i / 2) * h;
    const grid: string[] = [];
    for (let d = x0; d <= x1; d++) {
      const x = px(10 ** d);
      grid.push(`<line x1="${x}" y1="${pad.t}" x2="${x}" y2="${h - pad.b}" stroke="#ddd"/><text x="${x}" y="${h - pad.b + 16}" text-anchor="middle" font-size="11">10^${d}</text>`);
    }
    for (let k = 0; k <= 4; k++) {
      const y = (yMax / 4) * k;
      grid.push(`<line x1="${pad.l}" y1="${py(y)}" x2="${w - pad.r}" y2="${py(y)}" stroke="#eee"/><text x="${pad.l - 6}" y="${py(y) + 4}" text-anchor="end" font-size="11">${y >= 100 ? Math.round(y) : y.toFixed(1)}</text>`);
    }
    const pts = s.points.filter((p) => Number.isFinite(p[1]));
    const path = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    const dots = pts.map((p) => `<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3.5" fill="${COLORS[i % COLORS.length]}"><title>${p[0]} events: ${p[1].toFixed(2)} ${esc(s.unit)}</title></circle>`).join('');
    return `<g transform="translate(${ox},${oy})">
  <text x="${w / 2}" y="22" text-anchor="middle" font-size="13" font-weight="bold">${esc(s.name)} (${esc(s.unit)})</text>
  ${grid.join('\n  ')}
  <line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#333"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${h - pad.b}" stroke="#333"/>
  <text x="${(w + pad.l) / 2}" y="${h - 12}" text-anchor="middle" font-size="11">${esc(xLabel)}</text>
  <path d="${path}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2"/>${dots}
</g>`;
  });
  const rows = Math.ceil(series.length / 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w * 2}" height="${h * rows + 30}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${w}" y="20" text-anchor="middle" font-size="15">${esc(title)}</text>
<g transform="translate(0,30)">
${charts.join('\n')}
</g>
</svg>
`;
  writeFileSync(file, svg);
}
