import type { Row } from "./rows.ts";

/**
 * A horizontal bar chart of each row's cost relative to openai (openai = 1, lower is better; for
 * throughput the ratio is inverted so lower still means better). Blue: @aoai, grey: bare fetch,
 * red tick: target. Hand-written SVG, no dependencies.
 */
export function chartSvg(rows: readonly Row[], title: string): string {
  const cap = 2;
  const left = 330;
  const plot = 520;
  const right = 70;
  const rowH = 34;
  const top = 56;
  const width = left + plot + right;
  const height = top + rows.length * rowH + 48;
  const x = (v: number) => left + (Math.min(v, cap) / cap) * plot;
  const cost = (r: Row, v: number | null) => (v === null ? null : r.better === "higher" ? 1 / v : v);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${esc(title)}</text>`,
  );
  out.push(
    `<rect x="${left}" y="32" width="10" height="10" fill="#2563eb"/><text x="${left + 14}" y="41">@aoai</text>`,
  );
  out.push(
    `<rect x="${left + 70}" y="32" width="10" height="10" fill="#9ca3af"/><text x="${left + 84}" y="41">bare fetch</text>`,
  );
  out.push(
    `<rect x="${left + 160}" y="31" width="3" height="12" fill="#dc2626"/><text x="${left + 168}" y="41">target</text>`,
  );
  out.push(
    `<rect x="${left + 220}" y="32" width="10" height="10" fill="#f59e0b"/><text x="${left + 234}" y="41">@aoai, target missed</text>`,
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
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(label.length > 48 ? `${label.slice(0, 47)}…` : label)}</text>`,
    );
    const a = cost(r, r.ratio)!;
    const f = cost(r, r.floorRatio);
    const aColor = r.status === "MISS" ? "#f59e0b" : "#2563eb";
    out.push(
      `<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(a) - left)}" height="${f === null ? 20 : 13}" fill="${aColor}"/>`,
    );
    const labelX = Math.max(x(a), r.target === null ? 0 : x(r.target) + 2) + 4;
    out.push(
      `<text x="${labelX}" y="${y + 14}" fill="#111">${a.toFixed(2)}x${a > cap ? " ▸" : ""}${r.status ? ` ${r.status}` : ""}</text>`,
    );
    if (f !== null)
      out.push(
        `<rect x="${left}" y="${y + 18}" width="${Math.max(1, x(f) - left)}" height="8" fill="#9ca3af"/>`,
      );
    if (r.target !== null) {
      const tx = x(r.target);
      out.push(`<rect x="${tx - 1.5}" y="${y + 1}" width="3" height="28" fill="#dc2626"/>`);
    }
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
