import { type Row, ratioOf } from "./rows.ts";

/**
 * A horizontal bar chart of each row's cost relative to openai (openai = 1, lower is better; for
 * throughput the ratio is inverted so lower still means better). Bars are medians; the black
 * whisker on @aoai's bar spans the min–max of its per-repetition ratios. Blue: @aoai, dark grey:
 * the transport floor (core-rest-pipeline node:http), light grey: bare fetch, red tick: the target
 * against openai (targets against the transport floor are in the table). Hand-written SVG.
 */
export function chartSvg(rows: readonly Row[], title: string): string {
  const cap = 2;
  const left = 330;
  const plot = 520;
  const right = 90;
  const rowH = 38;
  const top = 56;
  const width = left + plot + right;
  const height = top + rows.length * rowH + 48;
  const x = (v: number) => left + (Math.min(Math.max(v, 0), cap) / cap) * plot;
  const cost = (r: Row, v: number | null) => (v === null ? null : r.better === "higher" ? 1 / v : v);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">${esc(title)}</text>`,
  );
  const legend: [string, string, number][] = [
    ["#2563eb", "@aoai (median, min–max)", 0],
    ["#4b5563", "transport floor", 170],
    ["#d1d5db", "bare fetch", 285],
    ["#f59e0b", "@aoai, target missed", 370],
  ];
  for (const [color, text, dx] of legend)
    out.push(
      `<rect x="${left - 200 + dx}" y="32" width="10" height="10" fill="${color}"/><text x="${left - 186 + dx}" y="41">${esc(text)}</text>`,
    );
  out.push(
    `<rect x="${left + 335}" y="31" width="3" height="12" fill="#dc2626"/><text x="${left + 342}" y="41">target</text>`,
  );
  out.push(
    `<text x="${width / 2}" y="${height - 4}" text-anchor="middle" fill="#555">cost relative to openai AzureOpenAI (dashed line = 1.0); lower is better (throughput is inverted)</text>`,
  );
  for (let t = 0; t <= cap; t += 0.25) {
    const gx = x(t);
    out.push(
      `<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${height - 42}" stroke="${t === 1 ? "#111" : "#e5e7eb"}" stroke-width="${t === 1 ? 1.5 : 1}"${t === 1 ? ' stroke-dasharray="4 3"' : ""}/>`,
    );
    out.push(`<text x="${gx}" y="${height - 28}" text-anchor="middle" fill="#555">${t.toFixed(2)}x</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const label = `${r.section.split(/ [\d(]/)[0]}: ${r.metric.replace(/ vs import\('openai'\)/, "")}`;
    out.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(label.length > 50 ? `${label.slice(0, 49)}…` : label)}</text>`,
    );
    const a = cost(r, r.ratio);
    const transport = r.http === null ? null : cost(r, ratioOf(r.http, r.openai));
    const f = cost(r, r.floorRatio);
    const aColor = r.status === "MISS" ? "#f59e0b" : "#2563eb";
    if (a !== null)
      out.push(
        `<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(a) - left)}" height="14" fill="${aColor}"/>`,
      );
    if (a !== null && r.ratioSpread && r.n > 1) {
      const [lo, hi] = r.ratioSpread.map((v) => cost(r, v)!).sort((p, q) => p - q) as [number, number];
      out.push(
        `<line x1="${x(lo)}" y1="${y + 10}" x2="${x(hi)}" y2="${y + 10}" stroke="#111" stroke-width="1.2"/>`,
        `<line x1="${x(lo)}" y1="${y + 6}" x2="${x(lo)}" y2="${y + 14}" stroke="#111"/>`,
        `<line x1="${x(hi)}" y1="${y + 6}" x2="${x(hi)}" y2="${y + 14}" stroke="#111"/>`,
      );
    }
    const labelX = Math.max(a === null ? left : x(a), r.target === null ? 0 : x(r.target) + 2) + 4;
    const ratioText = a === null ? "no ratio (openai 0)" : `${a.toFixed(2)}x${a > cap ? " ▸" : ""}`;
    out.push(
      `<text x="${labelX}" y="${y + 14}" fill="#111">${ratioText}${r.status ? ` ${r.status}` : ""}</text>`,
    );
    if (transport !== null)
      out.push(
        `<rect x="${left}" y="${y + 19}" width="${Math.max(1, x(transport) - left)}" height="7" fill="#4b5563"/>`,
      );
    if (f !== null)
      out.push(
        `<rect x="${left}" y="${y + 27}" width="${Math.max(1, x(f) - left)}" height="6" fill="#d1d5db"/>`,
      );
    if (r.target !== null) {
      const tx = x(r.target);
      out.push(`<rect x="${tx - 1.5}" y="${y + 1}" width="3" height="18" fill="#dc2626"/>`);
    }
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
