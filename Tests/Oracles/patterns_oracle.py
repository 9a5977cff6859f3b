#!/usr/bin/env python3
"""Reference verdicts for the pattern conformance corpus.

Runs the OASIS validator (stix2-patterns, STIX 2.1 grammar) on every pattern of the corpus
files given on the command line (default: Tests/KakehashiHuntTests/Fixtures/patterns/*.txt) and
prints JSON: {"results": [{"file", "line", "pattern", "valid", "errors", "parses"}]}.
"error_at" is "line:column" of the grammar error the reference parser reports (null if it parses).
"parses" is whether the grammar alone accepts the pattern (stix2patterns.v21.pattern.Pattern, which
the reference matcher uses), without the validator's extra checks.

Corpus format: one pattern per line; empty lines are skipped. A pattern on which the validator
itself raises (e.g. a negative list index) is reported as invalid, with the exception in
"errors", because the reference did not validate it.
"""
import glob
import json
import os
import re
import sys

from stix2patterns.v21.pattern import Pattern
from stix2patterns.validator import validate


def verdict(pattern):
    try:
        valid, errors = validate(pattern, stix_version="2.1", ret_errs=True)
        return bool(valid), [str(e) for e in errors]
    except Exception as exc:  # the reference crashed: it did not accept the pattern
        return False, ["reference raised %s: %s" % (type(exc).__name__, exc)]


def grammar_error(pattern):
    """(parses, "line:column" of the first grammar error or None)."""
    try:
        Pattern(pattern)
        return True, None
    except Exception as exc:
        found = re.match(r"(\d+):(\d+):", str(exc))
        return False, "%s:%s" % found.groups() if found else None


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = argv[1:] or sorted(glob.glob(os.path.join(
        here, "..", "KakehashiHuntTests", "Fixtures", "patterns", "*.txt")))
    results = []
    for path in paths:
        with open(path, encoding="utf-8", newline="\n") as handle:
            for number, line in enumerate(handle, start=1):
                pattern = line.rstrip("\n")
                if not pattern.strip():
                    continue
                valid, errors = verdict(pattern)
                parses, error_at = grammar_error(pattern)
                results.append({"file": os.path.basename(path), "line": number,
                                "pattern": pattern, "valid": valid, "errors": errors,
                                "parses": parses, "error_at": error_at})
    json.dump({"results": results}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
