#!/usr/bin/env python3
"""Time the OASIS stix2-matcher on a sample of the benchmark's Zeek conn/dns log.

Every indicator pattern is matched against every sampled event (the reference has no index),
so events/s = sample size / total time. Usage: stix2_matcher_bench.py INDICATORS LOG SAMPLE
"""
import json
import sys
import time
from datetime import datetime, timezone

from stix2matcher.matcher import Pattern


def events(path, limit):
    fields = []
    out = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#fields"):
                fields = line.split("\t")[1:]
                continue
            if line.startswith("#") or not line:
                continue
            row = dict(zip(fields, line.split("\t")))
            ts = datetime.fromtimestamp(float(row["ts"]), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            objects = {
                "0": {"type": "ipv4-addr", "value": row["id.orig_h"]},
                "1": {"type": "ipv4-addr", "value": row["id.resp_h"]},
                "2": {"type": "network-traffic", "src_ref": "0", "dst_ref": "1",
                      "src_port": int(row["id.orig_p"]), "dst_port": int(row["id.resp_p"]),
                      "protocols": [row["proto"]]},
            }
            if row.get("query", "-") != "-":
                objects["3"] = {"type": "domain-name", "value": row["query"]}
            out.append({"type": "observed-data", "id": "observed-data--00000000-0000-4000-8000-%012d" % len(out),
                        "created": ts, "modified": ts, "first_observed": ts, "last_observed": ts,
                        "number_observed": 1, "objects": objects})
            if len(out) >= limit:
                break
    return out


def main():
    indicators_path, log_path, sample = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(indicators_path) as f:
        bundle = json.load(f)
    patterns = [Pattern(o["pattern"], stix_version="2.0") for o in bundle["objects"] if o.get("type") == "indicator"]
    data = events(log_path, sample)
    start = time.process_time()
    matches = 0
    for sdo in data:
        for p in patterns:
            if p.match([sdo]):
                matches += 1
    seconds = time.process_time() - start
    print(json.dumps({"events": len(data), "indicators": len(patterns), "matches": matches,
                      "cpu_seconds": seconds, "events_per_cpu_second": len(data) / seconds if seconds else 0}))


if __name__ == "__main__":
    main()
