#!/usr/bin/env node
// The `sst` executable: hands argv to the CLI and exits with its status.
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
