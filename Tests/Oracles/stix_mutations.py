#!/usr/bin/env python3
"""Writes a bundle of randomly mutated copies of the valid STIX fixtures, for differential testing.

Usage: $KAKEHASHI_PYTHON Tests/Oracles/stix_mutations.py FIXTURE_DIR OUT_FILE SEED COUNT

Each object is a valid fixture object with one or two mutations: a property deleted, a property's
value replaced, or a property added (from small pools of awkward values and names). Nothing here
decides validity: stix_oracle.py (stix2-validator) does, and the Swift test compares.
"""
import copy
import json
import os
import random
import sys

VALUES = [None, [], {}, "", "x", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z", "2026-02-30T00:00:00Z", 0, -1, 1.5,
          2 ** 40, True, ["a"], [1], {"a": 1}, "identity--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111",
          "indicator--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111", "file--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111",
          ["identity--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111"], "http://x.example/a", "192.0.2.1", "not-a-thing",
          [{"kill_chain_name": "a", "phase_name": "b"}], {"MD5": "0" * 32}, "abc_def", "deadbeef", "ja", "en-US"]
NAMES = ["name", "description", "created", "modified", "labels", "confidence", "lang", "value", "x_custom", "Bad", "ab",
         "extensions", "object_marking_refs", "created_by_ref", "hashes", "granular_markings", "spec_version",
         "revoked", "x_foo_bin", "x_foo_hex", "defanged", "first_seen", "last_seen", "count", "size", "severity"]
VALID_FILES = ["sdo-sro-meta-bundle.json", "sco-bundle.json"]


def main(fixture_dir, out_file, seed, count):
    rng = random.Random(seed)
    base = []
    for name in VALID_FILES:
        with open(os.path.join(fixture_dir, name), encoding="utf-8") as handle:
            base += json.load(handle)["objects"]
    out = []
    for _ in range(count):
        obj = copy.deepcopy(rng.choice(base))
        for _ in range(rng.choice([1, 1, 2])):
            keys = [k for k in obj if k not in ("type", "id")]
            roll = rng.random()
            if roll < 0.3 and keys:
                del obj[rng.choice(keys)]
            elif roll < 0.65 and keys:
                obj[rng.choice(keys)] = copy.deepcopy(rng.choice(VALUES))
            else:
                obj[rng.choice(NAMES)] = copy.deepcopy(rng.choice(VALUES))
        out.append(obj)
    bundle = {"type": "bundle", "id": "bundle--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111", "objects": out}
    with open(out_file, "w", encoding="utf-8") as handle:
        json.dump(bundle, handle, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
