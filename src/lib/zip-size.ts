// Guards for uploaded .xlsx files (which are zip archives), before anything unpacks them.

/**
 * The total unzipped size a zip's central directory declares, or null when the bytes are not a
 * zip at all (an .xls, a CSV, a truncated upload). ZIP64 archives count as too large.
 */
export function zipDeclaredSize(file: Buffer): number | null {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  for (let end = file.length - 22; end >= Math.max(0, file.length - 65_557); end--) {
    if (file.readUInt32LE(end) !== END) continue;
    const entries = file.readUInt16LE(end + 10);
    if (entries === 0xffff) return Number.POSITIVE_INFINITY;
    let at = file.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > file.length || file.readUInt32LE(at) !== ENTRY) return null;
      const size = file.readUInt32LE(at + 24);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}
