#!/usr/bin/env python3
# Bench floor: decrypt and parse resource.enc with cryptography and json directly, no SDK.
import base64
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

key = base64.b64decode(os.environ["SST_KEY"])
with open(os.environ["SST_KEY_FILE"], "rb") as f:
    data = f.read()
links = json.loads(AESGCM(key).decrypt(bytes(12), data, None).decode("utf-8"))
print(links["Link042"]["name"])
