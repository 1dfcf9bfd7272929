/** `sst cert`: a local CA and a certificate for localhost, for HTTPS between the browser and the dev server. */
import { defineCommand } from "citty";
import { globalArgs } from "../args.js";

export const examples = [
  "sst cert                        writes <config dir>/cert/{ca.pem,cert.pem,key.pem}, prints how to trust the CA",
  "# the CA is created once and reused, so you trust it once; run again to renew the localhost certificate",
  "# some browsers (Safari, Brave) need HTTPS to connect to the dev server",
];

export default defineCommand({
  meta: { name: "cert" },
  args: { ...globalArgs },
  run: async () => (await import("../actions/cert.js")).cert(),
});
