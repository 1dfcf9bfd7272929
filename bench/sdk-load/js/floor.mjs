#!/usr/bin/env node
// Bench floor: decrypt and parse resource.enc with node:crypto directly, no SDK.
import { createDecipheriv } from "node:crypto";
import { readFileSync } from "node:fs";

const key = Buffer.from(process.env.SST_KEY, "base64");
const data = readFileSync(process.env.SST_KEY_FILE);
const decipher = createDecipheriv("aes-256-gcm", key, Buffer.alloc(12));
decipher.setAuthTag(data.subarray(-16));
const links = JSON.parse(Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString("utf8"));
console.log(links.Link042.name);
