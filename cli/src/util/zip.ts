/**
 * A small zip writer (PKWARE APPNOTE 6.3, no zip64): each entry deflated with node:zlib, or stored when that
 * does not make it smaller. Names are UTF-8 (general-purpose flag bit 11).
 */
import { deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive, `/`-separated. */
  name: string;
  data: Buffer | string;
  date?: Date;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export function createZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name.replace(/\\/g, "/"), "utf8");
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, "utf8");
    const deflated = deflateRawSync(raw);
    const method = deflated.length < raw.length ? 8 : 0;
    const body = method === 8 ? deflated : raw;
    if (raw.length > 0xfffffffe || offset > 0xfffffffe) throw new RangeError(`zip: ${entry.name} is too large for a zip without zip64`);
    const { time, date } = dosTime(entry.date ?? new Date());
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    const fields = { method, time, date, crc, compressed: body.length, size: raw.length, nameLength: name.length };
    writeFileFields(local, 8, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    writeFileFields(central, 10, fields);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * The run of fields the local header (at 8) and the central directory entry (at 10) share, in the same
 * order: method, DOS time and date, CRC-32, compressed and uncompressed sizes, name length.
 */
function writeFileFields(
  buf: Buffer,
  at: number,
  f: { method: number; time: number; date: number; crc: number; compressed: number; size: number; nameLength: number },
): void {
  buf.writeUInt16LE(f.method, at);
  buf.writeUInt16LE(f.time, at + 2);
  buf.writeUInt16LE(f.date, at + 4);
  buf.writeUInt32LE(f.crc, at + 6);
  buf.writeUInt32LE(f.compressed, at + 10);
  buf.writeUInt32LE(f.size, at + 14);
  buf.writeUInt16LE(f.nameLength, at + 18);
}
