// Small SVG charts drawn from the API's figures: a histogram of schools by
// band, a stacked bar of parts of a whole, a progress bar. Each carries a
// text alternative (role="img" with aria-label) for screen readers.
import { html } from './vendor/preact-htm.js';

// Bars of schools per band: bands = [{label, count}].
export function Histogram({ title, bands }) {
  const max = Math.max(1, ...bands.map((b) => b.count));
  const width = 260, height = 96, gap = 6;
  const barWidth = (width - gap * (bands.length - 1)) / bands.length;
  const alt = `${title}: ${bands.map((b) => `${b.label}: ${b.count}`).join('; ')}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${width} ${height + 30}" role="img" aria-label=${alt}>
      ${bands.map((band, i) => {
        const h = Math.round((band.count / max) * height);
        const x = i * (barWidth + gap);
        return html`<g>
          <rect x=${x} y=${height - h} width=${barWidth} height=${Math.max(h, 1)} class=${band.cls || 'bar'}>
            <title>${band.label}: ${band.count}</title>
          </rect>
          <text x=${x + barWidth / 2} y=${height - h - 3} class="count">${band.count}</text>
          <text x=${x + barWidth / 2} y=${height + 14} class="axis">${band.label}</text>
        </g>`;
      })}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}

// One bar split into parts = [{label, value, cls}].
export function StackedBar({ title, parts }) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  let x = 0;
  const alt = `${title}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 260 28" role="img" aria-label=${alt}>
      ${parts.map((p) => {
        const w = (p.value / total) * 260;
        const rect = html`<rect x=${x} y="0" width=${w} height="28" class=${p.cls}><title>${p.label}: ${p.value}</title></rect>`;
        x += w;
        return rect;
      })}
    </svg>
    <figcaption>${parts.map((p) => html`<span class="legend"><i class=${p.cls}></i>${p.label}: ${p.value}</span>`)}</figcaption>
  </figure>`;
}

export function ProgressBar({ value, max = 100, label }) {
  const share = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return html`<span class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=${max} aria-valuenow=${value}
      aria-label=${label || ''}>
    <span class="fill" style=${{ width: `${share.toFixed(1)}%` }}></span>
    <span class="text">${label}</span>
  </span>`;
}

// Counts of `values` in bands given by their lower bounds (ascending).
export function bandCounts(values, bounds, labels) {
  const counts = bounds.map(() => 0);
  for (const v of values) {
    let i = bounds.length - 1;
    while (i > 0 && v < bounds[i]) i--;
    counts[i]++;
  }
  return bounds.map((_, i) => ({ label: labels[i], count: counts[i] }));
}
