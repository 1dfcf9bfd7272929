#!/usr/bin/env python3
# Bench program: the first linked property through the sst SDK, as user code reads it.
from sst import Resource

print(Resource.Link042.name)
