import { deflateSync } from 'node:zlib';
import {
  containsPoint,
  type PickFeature,
  type Position,
} from '../web/src/features/demands/mobile/pickPointMap';

// Helpers of the demands flow browser test (demands-flow.e2e.ts): what a login says of the user, a
// real PNG made on the spot, a point inside a grid.

export type Session = { user: { id: string; displayName: string }; assignments: { scopePath: string }[] };

/** A real PNG of 16×16 pixels in one colour (a photo the server recognises by its signature). */
export function tinyPng(rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A point well inside a polygon: the first of a 9×9 lattice over its box that falls inside. */
export function interiorPoint(feature: PickFeature): Position {
  const rings =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates[0]]
      : feature.geometry.coordinates.map((p) => p[0]);
  const all = rings.flatMap((ring) => ring ?? []);
  const lngs = all.map(([lng]) => lng);
  const lats = all.map(([, lat]) => lat);
  const [west, east, south, north] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const order = [5, 4, 6, 3, 7, 2, 8, 1, 9];
  for (const i of order)
    for (const j of order) {
      const candidate: Position = [
        Number((west + ((east - west) * i) / 10).toFixed(6)),
        Number((south + ((north - south) * j) / 10).toFixed(6)),
      ];
      if (containsPoint(feature.geometry, candidate)) return candidate;
    }
  throw new Error(`no interior point found in ${feature.properties.code}`);
}
