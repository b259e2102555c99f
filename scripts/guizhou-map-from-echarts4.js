#!/usr/bin/env node
/**
 * Writes the dashboard's Guizhou map (apps/platform/web/src/map/guizhou-prefectures.geo.json) from the
 * province map that Apache ECharts 4.9.0 shipped (Apache-2.0): `npm pack echarts@4.9.0`, then
 * `node scripts/guizhou-map-from-echarts4.js package/map/json/province/guizhou.json`.
 * ECharts 4 stored coordinates zigzag- and delta-encoded as characters; this decodes them to plain GeoJSON,
 * keeps the GB/T 2260 code and the name of each prefecture and its label point, drops points closer than
 * about 200 m to the line through their neighbours (Douglas-Peucker, so the file is small enough to ship
 * in the page) and rounds to 0.001°.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [source] = process.argv.slice(2);
if (!source) {
  console.error(
    'usage: node scripts/guizhou-map-from-echarts4.js <echarts-4.9.0>/map/json/province/guizhou.json',
  );
  process.exit(2);
}
const TOLERANCE = 0.002;
const OUT = join(__dirname, '..', 'apps', 'platform', 'web', 'src', 'map', 'guizhou-prefectures.geo.json');

function decodeRing(text, [x0, y0], scale) {
  const ring = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64;
    const dy = text.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop();
    let worst = -1;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(points[i], points[from], points[to]);
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > TOLERANCE) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v) => Math.round(v * 1000) / 1000;
const ring = (text, offset, scale) => {
  const points = simplify(decodeRing(text, offset, scale)).map(([x, y]) => [round(x), round(y)]);
  const [first] = points;
  const last = points[points.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) points.push(first);
  return points;
};

const map = JSON.parse(readFileSync(source, 'utf8'));
const scale = map.UTF8Scale ?? 1024;
const features = map.features.map((f) => {
  const { type, coordinates, encodeOffsets } = f.geometry;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  const offsets = type === 'Polygon' ? [encodeOffsets] : encodeOffsets;
  const decoded = polygons
    .map((rings, p) => rings.map((r, i) => ring(r, offsets[p][i], scale)))
    .filter((rings) => rings[0].length >= 4);
  return {
    type: 'Feature',
    properties: { code: f.id, name: f.properties.name, labelPoint: f.properties.cp },
    geometry: { type: 'MultiPolygon', coordinates: decoded },
  };
});
writeFileSync(OUT, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
const points = features.reduce(
  (n, f) => n + f.geometry.coordinates.flat().reduce((m, r) => m + r.length, 0),
  0,
);
console.log(`${OUT}: ${features.length} prefectures, ${points} points`);
