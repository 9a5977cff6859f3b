"""TAXII 2.1 benchmark driver: the same workload against a Kakehashi hub and, for comparison, medallion.

The workload posts generated STIX 2.1 indicators (unique ids and patterns) in envelopes of
`--batch` objects over one keep-alive connection, then pages through all of them with
`limit=--batch`, following `next`. Each server runs on loopback in a fresh temporary folder.

Rates count only the time spent in requests (sending the envelope, waiting for the answer and
reading its body); generating envelopes and parsing answers in Python is left out, so the figures
describe the server and not this driver. Wall-clock rates are printed beside them.

Run through benchmarks/taxii/run, which builds the hub and passes its path:
    python taxii_bench.py --kakehashi .build-release/release/kakehashi --compare 10000 --sizes 100000,1000000
"""
import argparse
import base64
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import requests

TAXII = "application/taxii+json;version=2.1"
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"


# ---------------------------------------------------------------- workload


def indicator(n):
    """The n-th generated indicator as JSON text: an IPv4 address, a domain or a SHA-256, each unique."""
    kind = n % 3
    if kind == 0:
        pattern = f"[ipv4-addr:value = '10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}']"
        name = f"bench address {n}"
    elif kind == 1:
        pattern = f"[domain-name:value = 'h{n}.bench.example.jp']"
        name = f"bench domain {n}"
    else:
        digest = hashlib.sha256(str(n).encode()).hexdigest()
        pattern = f"[file:hashes.'SHA-256' = '{digest}']"
        name = f"bench file {n}"
    return (
        '{"type":"indicator","spec_version":"2.1","id":"indicator--%s",'
        '"created":"2026-11-26T00:00:00.000Z","modified":"2026-11-26T00:00:00.000Z",'
        '"name":"%s","indicator_types":["malicious-activity"],"pattern":"%s","pattern_type":"stix",'
        '"valid_from":"2026-11-26T00:00:00Z","object_marking_refs":["%s"]}'
        % (uuid.uuid4(), name, pattern, TLP_GREEN)
    )


def envelope(start, count):
    return ('{"objects":[' + ",".join(indicator(n) for n in range(start, start + count)) + "]}").encode()


# ---------------------------------------------------------------- measurements


class ServerProcess:
    """A server started by this driver: its PID gives CPU time and peak memory."""

    def __init__(self, popen):
        self.popen = popen

    def peak_rss_mb(self):
        return self._status_kb("VmHWM") / 1024

    def rss_mb(self):
        return self._status_kb("VmRSS") / 1024

    def _status_kb(self, field):
        with open(f"/proc/{self.popen.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        with open(f"/proc/{self.popen.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def ingest(session, url, total, batch, budget=None):
    """Posts `total` objects; returns the figures. Stops early (and says so) past `budget` seconds."""
    in_requests = 0.0
    slowest = 0.0
    latencies = []
    posted = 0
    started = time.perf_counter()
    while posted < total:
        count = min(batch, total - posted)
        body = envelope(posted, count)
        t0 = time.perf_counter()
        response = session.post(url, data=body, headers={"Content-Type": TAXII, "Accept": TAXII})
        answer = response.content
        elapsed = time.perf_counter() - t0
        if response.status_code != 202:
            raise SystemExit(f"POST {url} answered {response.status_code}: {answer[:500]!r}")
        status = json.loads(answer)
        if status.get("success_count") != count:
            raise SystemExit(f"POST {url}: {status.get('success_count')} of {count} accepted; failures: {status.get('failures', [])[:3]}")
        in_requests += elapsed
        slowest = max(slowest, elapsed)
        latencies.append((count, elapsed))
        posted += count
        if budget is not None and time.perf_counter() - started > budget:
            break
    wall = time.perf_counter() - started
    return {"objects": posted, "seconds": in_requests, "wall": wall, "slowest_ms": slowest * 1000,
            "rate": posted / in_requests, **percentiles([t for _, t in latencies]), "first_tenth": tenth_rate(latencies[: max(1, len(latencies) // 10)]),
            "last_tenth": tenth_rate(latencies[-max(1, len(latencies) // 10):])}


def percentiles(latencies):
    """Median and 99th percentile of request latencies, in milliseconds."""
    if not latencies:
        return {"p50_ms": 0.0, "p99_ms": 0.0}
    ordered = sorted(latencies)
    return {"p50_ms": ordered[len(ordered) // 2] * 1000, "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000}


def tenth_rate(latencies):
    return sum(c for c, _ in latencies) / sum(t for _, t in latencies)


def page_through(session, url, limit, expected, budget=None):
    """Reads every object, `limit` at a time, following `next`; checks that each id comes once."""
    in_requests = 0.0
    slowest = 0.0
    seen = set()
    latencies = []
    pages = 0
    next_token = None
    started = time.perf_counter()
    complete = False
    timed_out = False
    while True:
        params = {"limit": str(limit)}
        if next_token:
            params["next"] = next_token
        t0 = time.perf_counter()
        timeout = None if budget is None else max(1.0, budget - (t0 - started))
        try:
            response = session.get(url, params=params, headers={"Accept": TAXII}, timeout=timeout)
            body = response.content
        except requests.Timeout:
            in_requests += time.perf_counter() - t0
            timed_out = True
            break
        elapsed = time.perf_counter() - t0
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}: {body[:500]!r}")
        in_requests += elapsed
        slowest = max(slowest, elapsed)
        latencies.append(elapsed)
        pages += 1
        page = json.loads(body)
        for obj in page.get("objects", []):
            if obj["id"] in seen:
                raise SystemExit(f"GET {url}: {obj['id']} came twice")
            seen.add(obj["id"])
        next_token = page.get("next")
        if not page.get("more"):
            complete = True
            break
        if not next_token:
            raise SystemExit(f"GET {url}: more is true but there is no next")
        if budget is not None and time.perf_counter() - started > budget:
            break
    if complete and len(seen) != expected:
        raise SystemExit(f"GET {url}: paged {len(seen)} objects, expected {expected}")
    return {"objects": len(seen), "pages": pages, "seconds": in_requests, "wall": time.perf_counter() - started,
            "slowest_ms": slowest * 1000, "rate": len(seen) / in_requests, "complete": complete,
            "timed_out": timed_out, "budget": budget, "limit": limit, **percentiles([t for t in latencies])}


# ---------------------------------------------------------------- servers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, auth, log_path, what):
    for _ in range(300):
        try:
            if requests.get(url, auth=auth, headers={"Accept": TAXII}, timeout=1).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    with open(log_path) as log:
        raise SystemExit(f"{what} did not start:\n{log.read()[-3000:]}")


def start_kakehashi(binary, folder):
    """A fresh hub on SQLite: one organisation, a writer with a read/write token, one collection."""
    db = f"sqlite:{folder}/hub.sqlite"

    def cli(*args, stdin=None):
        return subprocess.run([binary, *args, "--database", db], input=stdin, capture_output=True, text=True, check=True).stdout.strip()

    cli("org", "create", "--name-ja", "ベンチ 鉄道", "--name-en", "Bench Railway", "--kind", "operator", "--sectors", "railways")
    cli("user", "create", "--org", "Bench Railway", "--username", "bench-writer", "--role", "analyst", stdin=secrets.token_urlsafe(18) + "\n")
    token = cli("token", "create", "--user", "bench-writer", "--scopes", "read,write")
    collection = cli("collection", "create", "--title", "Bench", "--readers", "Bench Railway", "--writers", "Bench Railway")
    port = free_port()
    log_path = f"{folder}/hub.log"
    log = open(log_path, "w")
    popen = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/health", None, log_path, "the Kakehashi hub")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return ServerProcess(popen), session, f"{base}/taxii2/hub/collections/{collection}/objects/"


def start_medallion(python, folder):
    """medallion 3 with its memory backend, one API root and one collection, sessions that outlive the run."""
    collection = str(uuid.uuid4())
    data = {
        "/discovery": {"title": "bench", "default": "http://127.0.0.1/bench/", "api_roots": ["http://127.0.0.1/bench/"]},
        "bench": {
            "information": {"title": "bench", "versions": [TAXII], "max_content_length": 256 * 1024 * 1024},
            "status": [],
            "collections": [{
                "id": collection, "title": "Bench", "can_read": True, "can_write": True,
                "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": [],
            }],
        },
    }
    with open(f"{folder}/data.json", "w") as f:
        json.dump(data, f)
    password = secrets.token_urlsafe(12)
    config = {
        "backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend",
                    "filename": f"{folder}/data.json", "session_timeout": 86400, "check_interval": 3600},
        "users": {"bench": password},
        "taxii": {"max_page_size": 100_000},
    }
    with open(f"{folder}/config.json", "w") as f:
        json.dump(config, f)
    port = free_port()
    log_path = f"{folder}/medallion.log"
    log = open(log_path, "w")
    popen = subprocess.Popen([python, "-m", "medallion.scripts.run", "--port", str(port), "--log-level", "ERROR", f"{folder}/config.json"],
                             stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/taxii2/", ("bench", password), log_path, "medallion")
    session = requests.Session()
    session.headers["Authorization"] = "Basic " + base64.b64encode(f"bench:{password}".encode()).decode()
    return ServerProcess(popen), session, f"{base}/bench/collections/{collection}/objects/"


# ---------------------------------------------------------------- runs


def measure(server, session, url, size, batch, budget):
    """Ingest then paging against one server, with its CPU time and the machine's load for each phase."""
    cpu0, load0 = server.cpu_seconds(), os.getloadavg()[0]
    added = ingest(session, url, size, batch, budget=budget)
    cpu1, load1 = server.cpu_seconds(), os.getloadavg()[0]
    added["cpu"], added["load"] = cpu1 - cpu0, (load0 + load1) / 2
    rss_after_ingest = server.peak_rss_mb()
    paged = page_through(session, url, batch, added["objects"], budget=budget)
    cpu2, load2 = server.cpu_seconds(), os.getloadavg()[0]
    paged["cpu"], paged["load"] = cpu2 - cpu1, (load1 + load2) / 2
    return {"ingest": added, "paging": paged, "peak_rss_mb": server.peak_rss_mb(), "rss_after_ingest_mb": rss_after_ingest}


def run_kakehashi(binary, size, batch, scratch):
    folder = tempfile.mkdtemp(prefix="taxii-bench-", dir=scratch)
    server, session, url = start_kakehashi(binary, folder)
    try:
        result = measure(server, session, url, size, batch, None)
        result["db_mb"] = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if f.startswith("hub.sqlite")) / 2**20
        return result
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run_medallion(python, size, batch, budget, scratch):
    folder = tempfile.mkdtemp(prefix="taxii-bench-medallion-", dir=scratch)
    server, session, url = start_medallion(python, folder)
    try:
        return measure(server, session, url, size, batch, budget)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def paging_rate_text(p):
    """The paging rate; when the budget ran out before any page came back, only a bound is known."""
    if p["objects"] == 0 and p["timed_out"]:
        return f"< {p['limit'] / p['budget']:,.1f} obj/s (no page back within {p['budget']:.0f} s)"
    return f"{p['rate']:,.0f} obj/s"


def describe(name, result):
    i, p = result["ingest"], result["paging"]
    partial = "" if p["complete"] else f" (stopped at the {p['budget']:.0f} s budget after {p['objects']:,} objects)"
    print(f"  {name:<10} ingest {i['objects']:>9,} in {i['seconds']:7.2f} s = {i['rate']:>9,.0f} obj/s "
          f"(first tenth {i['first_tenth']:,.0f}, last tenth {i['last_tenth']:,.0f}; wall {i['objects'] / i['wall']:,.0f} obj/s; "
          f"envelope p50 {i['p50_ms']:.0f} ms, slowest {i['slowest_ms']:.0f} ms)")
    slowest = f"page p50 {p['p50_ms']:.1f} ms, p99 {p['p99_ms']:.1f} ms, slowest {p['slowest_ms']:.1f} ms" if p["pages"] else "no page completed"
    print(f"  {'':<10} paging {p['objects']:>9,} in {p['seconds']:7.2f} s = {paging_rate_text(p)}, "
          f"{p['pages']} pages, {slowest}{partial}")
    print(f"  {'':<10} server CPU: ingest {i['cpu']:.2f} s = {i['objects'] / max(i['cpu'], 1e-9):,.0f} obj/cpu-s, "
          f"paging {p['cpu']:.2f} s = {p['objects'] / max(p['cpu'], 1e-9):,.0f} obj/cpu-s; "
          f"load average {i['load']:.1f} / {p['load']:.1f}; peak RSS {result['peak_rss_mb']:.1f} MB", flush=True)


def ratio_text(ours, theirs):
    i = ours["ingest"]["rate"] / theirs["ingest"]["rate"]
    p = theirs["paging"]
    if p["objects"] == 0:
        paging = f"> {ours['paging']['rate'] / (p['limit'] / p['budget']):,.0f}x (medallion returned no page)"
    else:
        paging = f"{ours['paging']['rate'] / p['rate']:,.1f}x"
    return f"ingest {i:,.1f}x, paging {paging}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kakehashi", required=True, help="path of the release kakehashi binary")
    parser.add_argument("--python", default=sys.executable, help="python with medallion installed")
    parser.add_argument("--compare", type=int, default=10_000, help="objects in the side-by-side run (0 skips it)")
    parser.add_argument("--medallion-budget", type=float, default=120, help="seconds medallion may spend on each phase")
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated sizes for the hub alone")
    parser.add_argument("--batch", type=int, default=1000, help="objects per envelope and per page")
    parser.add_argument("--json", help="write every figure to this file")
    parser.add_argument("--scratch", default=None, help="folder for the temporary databases")
    args = parser.parse_args()
    results = {"batch": args.batch, "compare": None, "sizes": []}

    if args.compare:
        print(f"== side by side at {args.compare:,} objects, envelopes and pages of {args.batch:,}", flush=True)
        ours = run_kakehashi(args.kakehashi, args.compare, args.batch, args.scratch)
        describe("kakehashi", ours)
        theirs = run_medallion(args.python, args.compare, args.batch, args.medallion_budget, args.scratch)
        describe("medallion", theirs)
        print(f"  ratio      {ratio_text(ours, theirs)}", flush=True)
        results["compare"] = {"size": args.compare, "kakehashi": ours, "medallion": theirs}

    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        print(f"== Kakehashi alone at {size:,} objects", flush=True)
        result = run_kakehashi(args.kakehashi, size, args.batch, args.scratch)
        describe("kakehashi", result)
        print(f"  {'':<10} database {result['db_mb']:.0f} MB", flush=True)
        results["sizes"].append({"size": size, **result})

    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
