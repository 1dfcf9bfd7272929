#!/usr/bin/env node
// Bench program: the first linked property through @sst/sdk, as user code reads it.
import { Resource } from "@sst/sdk";

console.log(Resource.Link042.name);
