/**
 * The work behind `sst cert`: `<config dir>/cert/` holds the CA (`ca.pem`, `ca-key.pem`, created once so the
 * user trusts it once) and the localhost certificate (`cert.pem`, `key.pem`, renewed on every run).
 */
import { configDir } from "@sst/core/home";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCA, createServerCert, type Issued } from "../cert/x509.js";
import { logger } from "../ui/logger.js";

const ORG = "SST";
const HOSTS = ["localhost", "127.0.0.1", "::1"];

function loadCA(dir: string): Issued | undefined {
  const certPath = join(dir, "ca.pem");
  const keyPath = join(dir, "ca-key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  try {
    const cert = readFileSync(certPath, "utf8");
    const parsed = new X509Certificate(cert);
    // An expired CA, or one that does not match its key, is replaced.
    if (!parsed.ca || new Date(parsed.validTo) < new Date()) return undefined;
    const key = createPrivateKey(readFileSync(keyPath));
    return parsed.checkPrivateKey(key) ? { cert, key } : undefined;
  } catch {
    return undefined;
  }
}

const pemKey = (issued: Issued) => issued.key.export({ type: "pkcs8", format: "pem" }) as string;

export async function cert(): Promise<void> {
  const dir = join(configDir(), "cert");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let ca = loadCA(dir);
  const fresh = !ca;
  if (!ca) {
    ca = createCA(ORG);
    writeFileSync(join(dir, "ca-key.pem"), pemKey(ca), { mode: 0o600 });
    writeFileSync(join(dir, "ca.pem"), ca.cert);
  }
  const server = createServerCert(ca, ORG, HOSTS);
  writeFileSync(join(dir, "key.pem"), pemKey(server), { mode: 0o600 });
  writeFileSync(join(dir, "cert.pem"), server.cert);
  const caPath = join(dir, "ca.pem");
  logger.success(`Certificate for ${HOSTS.join(", ")}: ${join(dir, "cert.pem")} (key: ${join(dir, "key.pem")})`);
  if (fresh) logger.success(`Created a local CA: ${caPath}`);
  else logger.log(`  Signed by your existing local CA: ${caPath}`);
  logger.log(
    [
      "",
      "Trust the CA once (its key never leaves this machine):",
      `  macOS:   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${caPath}"`,
      `  Linux:   sudo cp "${caPath}" /usr/local/share/ca-certificates/sst-local-ca.crt && sudo update-ca-certificates`,
      `  Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import "${caPath}"`,
      `  Node.js: NODE_EXTRA_CA_CERTS="${caPath}"`,
    ].join("\n"),
  );
}
