import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { connect, createServer as createTlsServer } from "node:tls";
import { afterAll, describe, expect, it } from "vitest";
import { sandbox } from "./_app.js";

const box = sandbox();
afterAll(() => box.cleanup());
const certDir = join(box.configDir, "cert");
const file = (name: string) => readFileSync(join(certDir, name), "utf8");

/** A TLS handshake against a server using the certificate, trusting only the CA. */
async function handshake(host: string, servername?: string): Promise<boolean> {
  const server = createTlsServer({ key: file("key.pem"), cert: file("cert.pem") }, (socket) => socket.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<boolean>((resolve, reject) => {
      const socket = connect({ host, port, ca: file("ca.pem"), servername }, () => {
        resolve(socket.authorized);
        socket.end();
      });
      socket.on("error", reject);
    });
  } finally {
    server.close();
  }
}

describe("sst cert", () => {
  it("creates a CA and a localhost certificate it signs, and says how to trust the CA", async () => {
    const r = await box.run(["cert"], { cwd: box.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created a local CA: ${join(certDir, "ca.pem")}`);
    expect(r.stdout).toContain("update-ca-certificates");
    expect(r.stdout).toContain("security add-trusted-cert");

    const ca = new X509Certificate(file("ca.pem"));
    const cert = new X509Certificate(file("cert.pem"));
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkIP("::1")).toBe("::1");
    expect(cert.checkPrivateKey(createPrivateKey(file("key.pem")))).toBe(true);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 365 * 24 * 3600 * 1000);
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
    expect(statSync(join(certDir, "key.pem")).mode & 0o077).toBe(0);
    expect(statSync(join(certDir, "ca-key.pem")).mode & 0o077).toBe(0);
  });

  it("passes a real TLS handshake that trusts only the CA", async () => {
    expect(await handshake("127.0.0.1", "localhost")).toBe(true);
    expect(await handshake("127.0.0.1")).toBe(true);
  });

  it("reuses the CA on the next run, so it is trusted once, and renews the certificate", async () => {
    const ca = file("ca.pem");
    const cert = file("cert.pem");
    const r = await box.run(["cert"], { cwd: box.root });
    expect(r.stdout).toContain("Signed by your existing local CA");
    expect(file("ca.pem")).toBe(ca);
    expect(file("cert.pem")).not.toBe(cert);
    expect(new X509Certificate(file("cert.pem")).checkIssued(new X509Certificate(ca))).toBe(true);
  });
});
