/**
 * Builds X.509 v3 certificates with ECDSA P-256 keys: a local CA, and a server certificate it signs for
 * `localhost`, `127.0.0.1` and `::1` (the names the dev server and the Console connect to).
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isIPv4 } from "node:net";
import * as der from "./der.js";

const OID = {
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

export interface Issued {
  /** PEM. */
  cert: string;
  key: KeyObject;
}

const name = (cn: string, org: string) =>
  der.sequence(
    der.set(der.sequence(der.oid(OID.organization), der.utf8String(org))),
    der.set(der.sequence(der.oid(OID.commonName), der.utf8String(cn))),
  );

const extension = (id: string, critical: boolean, value: Buffer) =>
  der.sequence(der.oid(id), ...(critical ? [der.boolean(true)] : []), der.octetString(value));

/** SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2, method 1). */
function keyId(key: KeyObject): Buffer {
  const jwk = createPublicKey(key).export({ format: "jwk" });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")]);
  return createHash("sha1").update(point).digest();
}

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split(".").map(Number));
  const [head, tail = ""] = ip.split("::");
  const groups = (s: string) => (s ? s.split(":") : []);
  const fill = 8 - groups(head!).length - groups(tail).length;
  const all = [...groups(head!), ...Array(ip.includes("::") ? fill : 0).fill("0"), ...groups(tail)];
  return Buffer.concat(all.map((g) => Buffer.from(g.padStart(4, "0"), "hex")));
}

function build(options: {
  subject: Buffer;
  issuer: Buffer;
  publicKey: KeyObject;
  signer: KeyObject;
  days: number;
  extensions: Buffer[];
}): string {
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(notBefore.getTime() + options.days * 24 * 60 * 60 * 1000);
  const algorithm = der.sequence(der.oid(OID.ecdsaWithSHA256));
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    der.integer(serial),
    algorithm,
    options.issuer,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    options.subject,
    createPublicKey(options.publicKey).export({ type: "spki", format: "der" }),
    der.explicit(3, der.sequence(...options.extensions)),
  );
  const signature = sign("sha256", tbs, { key: options.signer, dsaEncoding: "der" });
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature));
  const base64 = certificate.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

const newKey = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;

/** A CA that can sign server certificates only (pathLen 0), valid for ten years. */
export function createCA(org: string): Issued {
  const key = newKey();
  const subject = name(`${org} local CA`, org);
  const cert = build({
    subject,
    issuer: subject,
    publicKey: key,
    signer: key,
    days: 3650,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence(der.boolean(true), der.integer(0))),
      // keyCertSign (bit 5) and cRLSign (bit 6): 0b0000011 with one unused bit.
      extension(OID.keyUsage, true, der.bitString(Buffer.from([0x06]), 1)),
      extension(OID.subjectKeyIdentifier, false, der.octetString(keyId(key))),
    ],
  });
  return { cert, key };
}

/** A server certificate for the given DNS names and IPs, signed by `ca` (825 days: what Apple platforms accept). */
export function createServerCert(ca: Issued, org: string, hosts: string[]): Issued {
  const key = newKey();
  const names = hosts.map((h) => (/^[\d.]+$|:/.test(h) ? der.implicit(7, ipBytes(h)) : der.implicit(2, Buffer.from(h, "ascii"))));
  const cert = build({
    subject: name(hosts[0]!, org),
    issuer: subjectOf(ca.cert),
    publicKey: key,
    signer: ca.key,
    days: 825,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence()),
      // digitalSignature (bit 0): 0b1 with seven unused bits.
      extension(OID.keyUsage, true, der.bitString(Buffer.from([0x80]), 7)),
      extension(OID.extKeyUsage, false, der.sequence(der.oid(OID.serverAuth))),
      extension(OID.subjectAltName, false, der.sequence(...names)),
      extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicit(0, keyId(ca.key)))),
      extension(OID.subjectKeyIdentifier, false, der.octetString(keyId(key))),
    ],
  });
  return { cert, key };
}

/** The subject Name of a PEM certificate, byte for byte: the issuer of the certificates it signs. */
export function subjectOf(pem: string): Buffer {
  const certificate = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
  const tbs = der.children(der.contentOf(certificate))[0]!;
  // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, ...
  return der.children(der.contentOf(tbs))[5]!;
}
