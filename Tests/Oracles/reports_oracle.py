#!/usr/bin/env python3
"""Reference checks for the shared incident bundle (KakehashiCore Reports/Sharing).

Usage: reports_oracle.py BUNDLE.json
Validates the bundle with the OASIS stix2-validator (STIX 2.1) and every indicator pattern with
stix2-patterns, and prints JSON: {"valid": bool, "errors": [...], "warnings": [...],
"patterns": [{"pattern", "valid", "errors"}]}.
"""
import json
import sys

from stix2patterns.validator import validate as validate_pattern
from stix2validator import ValidationOptions, validate_string


def main(argv):
    with open(argv[1], encoding="utf-8") as handle:
        text = handle.read()
    results = validate_string(text, ValidationOptions(version="2.1"))
    errors = [str(e) for e in results.errors] if hasattr(results, "errors") else []
    warnings = [str(w) for w in results.warnings] if hasattr(results, "warnings") else []
    for obj in getattr(results, "object_results", []) or []:
        errors += ["%s: %s" % (obj.object_id, e.message) for e in obj.errors]
        warnings += ["%s: %s" % (obj.object_id, w.message) for w in obj.warnings]
    patterns = []
    for obj in json.loads(text).get("objects", []):
        if obj.get("type") == "indicator":
            valid, errs = validate_pattern(obj["pattern"], stix_version="2.1", ret_errs=True)
            patterns.append({"pattern": obj["pattern"], "valid": bool(valid), "errors": [str(e) for e in errs]})
    json.dump({"valid": bool(results.is_valid), "errors": errors, "warnings": warnings, "patterns": patterns},
              sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
