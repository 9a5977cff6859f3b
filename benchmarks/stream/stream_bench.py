"""Collection stream benchmark: commit-to-event lag across two hub processes on one PostgreSQL database.

Two `kakehashi serve` processes (A and B) share one fresh database. Subscribers hold the collection's
stream open on both; a producer posts one GREEN indicator at a time to A at a steady rate. Each event's
id is its date added (microseconds, the wall clock when the committing transaction assigned it), so an
event's lag is the time the subscriber read it minus its date added: commit, NOTIFY to B, B's read from
the database and the write to the socket, all included. Subscribers on A show the same path inside one
process. The subscribers belong to two organisations, so each reads through its own TLP filter.

Run through benchmarks/stream/run, which provides the binary and the PostgreSQL server:
    python stream_bench.py --kakehashi .build-release/release/kakehashi --postgres postgres://u:p@127.0.0.1:5432/postgres
"""
import argparse
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

import requests

TAXII = "application/taxii+json;version=2.1"
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"


def indicator(n):
    return {
        "type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid4()}",
        "created": "2026-12-04T00:00:00.000Z", "modified": "2026-12-04T00:00:00.000Z",
        "name": f"stream bench {n}", "indicator_types": ["malicious-activity"],
        "pattern": f"[ipv4-addr:value = '10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}']", "pattern_type": "stix",
        "valid_from": "2026-12-04T00:00:00Z", "object_marking_refs": [TLP_GREEN],
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


class Subscriber(threading.Thread):
    """One SSE client: records (object id, date added, time read) for every event."""

    def __init__(self, port, collection, token, wait, caught_up):
        super().__init__(daemon=True)
        self.port, self.collection, self.token, self.wait = port, collection, token, wait
        self.caught_up = caught_up
        self.events = {}
        self.error = None
        self.stop = False

    def run(self):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.wait + 30)
            connection.request("GET", f"/api/v1/collections/{self.collection}/stream?wait={self.wait}",
                               headers={"Authorization": f"Bearer {self.token}"})
            response = connection.getresponse()
            if response.status != 200:
                raise RuntimeError(f"stream answered {response.status}: {response.read()[:300]!r}")
            buffer = b""
            event_id = None
            while not self.stop:
                chunk = response.read1(65536)
                now = time.time()
                if not chunk:
                    break
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    if line.startswith(b"retry: "):
                        self.caught_up.release()
                    elif line.startswith(b"id: "):
                        event_id = int(line[4:])
                    elif line.startswith(b"data: ") and event_id is not None:
                        object_id = json.loads(line[6:])["id"]
                        self.events.setdefault(object_id, (event_id, now))
                        event_id = None
            connection.close()
        except Exception as error:  # noqa: BLE001 - reported with the results
            self.error = error
            self.caught_up.release()


class Hub:
    """A `kakehashi serve` process on the shared database."""

    def __init__(self, binary, database, folder, name):
        self.port = free_port()
        self.log_path = f"{folder}/{name}.log"
        log = open(self.log_path, "w")
        self.popen = subprocess.Popen([binary, "serve", "--database", database, "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                if requests.get(f"{base}/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        with open(self.log_path) as log:
            raise SystemExit(f"hub {name} did not start:\n{log.read()[-3000:]}")

    def metric(self, name):
        text = requests.get(f"http://127.0.0.1:{self.port}/metrics", timeout=5).text
        match = re.search(rf"^{re.escape(name)} (\S+)$", text, re.M)
        return float(match.group(1)) if match else None

    def stop(self):
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kakehashi", required=True)
    parser.add_argument("--postgres", required=True, help="a PostgreSQL server URL whose user may create databases")
    parser.add_argument("--subscribers", type=int, default=20, help="subscribers on each hub")
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0, help="posts per second")
    parser.add_argument("--json")
    parser.add_argument("--scratch", default="/tmp")
    args = parser.parse_args()

    name = "kh_bench_stream_" + secrets.token_hex(6)
    subprocess.run(["psql", "-q", args.postgres, "-c", f"CREATE DATABASE {name}"], check=True)
    database = with_database(args.postgres, name)
    folder = os.path.join(args.scratch, name)
    os.makedirs(folder, exist_ok=True)
    hubs = []
    try:
        def cli(*words, stdin=None):
            return subprocess.run([args.kakehashi, *words, "--database", database], input=stdin, capture_output=True, text=True, check=True).stdout.strip()

        cli("migrate")
        tokens = {}
        for org, username in (("Bench Railway", "bench-writer"), ("Bench Airport", "bench-reader")):
            sectors = "railways" if "Railway" in org else "airports"
            cli("org", "create", "--name-ja", org, "--name-en", org, "--kind", "operator", "--sectors", sectors)
            cli("user", "create", "--org", org, "--username", username, "--role", "analyst", stdin=secrets.token_urlsafe(18) + "\n")
            tokens[username] = cli("token", "create", "--user", username, "--scopes", "read,write")
        collection = cli("collection", "create", "--title", "Bench", "--readers", "Bench Railway,Bench Airport", "--writers", "Bench Railway")

        hub_a = Hub(args.kakehashi, database, folder, "a")
        hubs.append(hub_a)
        hub_b = Hub(args.kakehashi, database, folder, "b")
        hubs.append(hub_b)

        duration = args.events / args.rate
        wait = min(300, int(duration) + 60)
        caught_up = threading.Semaphore(0)
        subscribers = {"B": [], "A": []}
        for label, hub in (("B", hub_b), ("A", hub_a)):
            for i in range(args.subscribers):
                token = tokens["bench-reader" if i % 2 else "bench-writer"]
                subscriber = Subscriber(hub.port, collection, token, wait, caught_up)
                subscriber.start()
                subscribers[label].append(subscriber)
        for _ in range(2 * args.subscribers):
            if not caught_up.acquire(timeout=60):
                raise SystemExit("the subscribers did not catch up within 60 s")
        failed = [s.error for group in subscribers.values() for s in group if s.error]
        if failed:
            raise SystemExit(f"a subscriber failed: {failed[0]}")

        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {tokens['bench-writer']}", "Content-Type": TAXII, "Accept": TAXII})
        objects_url = f"http://127.0.0.1:{hub_a.port}/taxii2/hub/collections/{collection}/objects/"

        def post(n):
            response = session.post(objects_url, data=json.dumps({"objects": [indicator(n)]}))
            if response.status_code != 202:
                raise SystemExit(f"POST answered {response.status_code}: {response.text[:300]}")

        # Warm-up: B's listening connection is up and every subscriber has had one event.
        post(-1)
        time.sleep(2)
        warm = set().union(*(s.events.keys() for group in subscribers.values() for s in group))

        cpu_a0, cpu_b0 = cpu_seconds(hub_a.popen.pid), cpu_seconds(hub_b.popen.pid)
        started = time.perf_counter()
        for n in range(args.events):
            target = started + n / args.rate
            delay = target - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            post(n)
        time.sleep(3)
        cpu_a, cpu_b = cpu_seconds(hub_a.popen.pid) - cpu_a0, cpu_seconds(hub_b.popen.pid) - cpu_b0
        for group in subscribers.values():
            for s in group:
                s.stop = True

        results = {"date": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), "events": args.events, "rate": args.rate,
                   "subscribers_per_hub": args.subscribers, "hubs": {}}
        print(f"# {args.events} posts to hub A at {args.rate:g}/s, {args.subscribers} subscribers on each hub (two organisations)")
        for label, hub, cpu in (("B", hub_b, cpu_b), ("A", hub_a, cpu_a)):
            lags = []
            delivered = 0
            for s in subscribers[label]:
                for object_id, (date_added, read_at) in s.events.items():
                    if object_id in warm:
                        continue
                    delivered += 1
                    lags.append(read_at - date_added / 1e6)
            expected = args.events * len(subscribers[label])
            where = "other process" if label == "B" else "same process"
            row = {"where": where, "delivered": delivered, "expected": expected,
                   "p50_ms": percentile(lags, 0.5) * 1000, "p99_ms": percentile(lags, 0.99) * 1000, "max_ms": max(lags, default=float("nan")) * 1000,
                   "cpu_s": cpu, "cpu_ms_per_event": cpu * 1000 / max(delivered, 1),
                   "server_lag_count": hub.metric("kakehashi_stream_delivery_lag_seconds_count"),
                   "server_lag_sum": hub.metric("kakehashi_stream_delivery_lag_seconds_sum")}
            results["hubs"][label] = row
            server = ""
            if row["server_lag_count"]:
                server = f"; hub's own mean lag {row['server_lag_sum'] / row['server_lag_count'] * 1000:.1f} ms over {row['server_lag_count']:.0f} events"
            print(f"  hub {label}, {where:<13} delivered {delivered}/{expected}; lag p50 {row['p50_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms, "
                  f"max {row['max_ms']:.1f} ms; hub CPU {cpu:.2f} s = {row['cpu_ms_per_event']:.3f} ms per delivered event{server}", flush=True)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=2)
        if any(r["delivered"] != r["expected"] for r in results["hubs"].values()):
            sys.exit("some events were not delivered")
    finally:
        for hub in hubs:
            hub.stop()
        subprocess.run(["psql", "-q", args.postgres, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


if __name__ == "__main__":
    main()
