#!/usr/bin/env python3
"""Runs stix2-validator on every object of the given STIX fixture files and prints the verdicts as JSON.

Usage: $KAKEHASHI_PYTHON Tests/Oracles/stix_oracle.py FILE...

Each file holds a bundle or a single object. Each object of a bundle is validated on its own, as
KakehashiCore validates objects one by one (TAXII envelopes carry loose objects). Output, on stdout:
[{"file": "x.json", "index": 0, "id": "...", "valid": true, "crashed": false, "errors": ["..."]}, ...]
"crashed" marks objects on which stix2-validator raised instead of answering (it then counts as invalid).
Only errors decide validity; warnings (SHOULD checks) are ignored, as stix2-validator does by default.
"""
import json
import logging
import os
import sys

from stix2validator import ValidationOptions, validate_instance

logging.disable(logging.CRITICAL)  # the validator logs to stderr; keep the output clean


def verdict(obj):
    try:
        result = validate_instance(obj, ValidationOptions())
        return result.is_valid, False, [e.message for e in result.errors]
    except Exception as error:  # the validator raises on some malformed input instead of reporting it
        return False, True, ["%s: %s" % (type(error).__name__, error)]


def main(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        objects = document.get("objects", []) if document.get("type") == "bundle" else [document]
        for index, obj in enumerate(objects):
            valid, crashed, errors = verdict(obj)
            out.append({"file": os.path.basename(path), "index": index,
                        "id": obj.get("id") if isinstance(obj, dict) else None,
                        "valid": valid, "crashed": crashed, "errors": errors})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
