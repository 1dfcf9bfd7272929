/**
 * Just enough ASN.1 DER (X.690) to write X.509 certificates: node:crypto signs and parses certificates but
 * cannot build one, so the TBSCertificate is assembled here and signed with crypto.sign.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A TLV with the given tag byte. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
export const octetString = (data: Buffer) => tlv(0x04, data);
export const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
export const nullValue = () => Buffer.from([0x05, 0x00]);
export const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
/** `[n] EXPLICIT` (constructed, context-specific). */
export const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);
/** `[n] IMPLICIT` of a primitive (context-specific): GeneralName's dNSName [2], iPAddress [7], keyIdentifier [0]. */
export const implicit = (n: number, content: Buffer) => tlv(0x80 | n, content);

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function integer(bytes: Buffer | number): Buffer {
  let b = typeof bytes === "number" ? Buffer.from([bytes]) : bytes;
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && b[i + 1]! < 0x80) i++;
  b = b.subarray(i);
  return tlv(0x02, b[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

/** A BIT STRING; `unused` is the count of padding bits in the last byte. */
export function bitString(data: Buffer, unused = 0): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unused]), data]));
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const bytes = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z";
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), "ascii")) : tlv(0x18, Buffer.from(iso, "ascii"));
}

/** The TLVs directly inside a constructed value's content (a reader just deep enough for `subjectOf`). */
export function children(content: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < content.length) {
    let len = content[i + 1]!;
    let header = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + content[i + 2 + k]!;
      header += n;
    }
    out.push(content.subarray(i, i + header + len));
    i += header + len;
  }
  return out;
}

/** A TLV's content (what follows its tag and length). */
export function contentOf(value: Buffer): Buffer {
  const first = value[1]!;
  return value.subarray(first & 0x80 ? 2 + (first & 0x7f) : 2);
}
