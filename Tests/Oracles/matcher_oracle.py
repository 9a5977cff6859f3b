#!/usr/bin/env python3
"""Differential cases for the STIX pattern matcher.

Generates (seeded, deterministic) patterns and STIX 2.1 observed-data bundles covering every
comparison operator, observation operator, qualifier and value type, runs the OASIS reference
matcher (stix2matcher.matcher.match(pattern, data, stix_version='2.1')) on each, and prints JSON:

  {"cases": [{"id", "pattern", "data", "outcome": "match"|"nomatch"|"error",
              "matched": [observed-data ids], "error": str|null, "tags": [str]}]}

Every fourth generated case whose pattern also fits the STIX 2.0 grammar (no EXISTS, no
START/STOP) is repeated in STIX 2.0 form ("format": "stix20"): observed-data objects carrying the
deprecated "objects" dictionary, references rewritten to its keys, matched with stix_version='2.0'.
Other cases have "format": "stix21".

Tags mark cases where the Swift matcher deliberately differs from the reference:
  "ipv6"   ISSUBSET/ISSUPERSET on IPv6 (the reference only knows IPv4 and raises)
  "exists" NOT EXISTS or EXISTS combined with other comparisons (the reference mishandles them)
Usage: matcher_oracle.py [seed] [count]
"""
import json
import random
import sys
import warnings

from stix2matcher.matcher import match

BASE_DAY = "2024-03-0%dT%02d:%02d:%02dZ"


def ts(rng, day=None):
    day = day or rng.randint(1, 3)
    return BASE_DAY % (day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.counter = 0
        self.dense = False

    def ident(self, kind):
        self.counter += 1
        return "%s--00000000-0000-4000-8000-%012d" % (kind, self.counter)

    # ---- observables -------------------------------------------------------------------------
    NAMES = ["setup.exe", "Setup.EXE", "notes.txt", "a_b%c.dll", "résumé.pdf", "evil\nname", "x'y\\z", "",
             "payload.bin", "日本語.doc", "re\u0301sume\u0301.pdf", "name\n", "SETUP.exe\n"]
    IPS = ["10.0.0.1", "10.0.0.77", "192.168.1.5", "198.51.100.7", "198.51.100.0/25", "10.1", "0x0a.0.0.1",
           "203.0.113.9", "172.16.5.4/12", "010.0.0.1", "10.0.0.1 trailing", "1.2.3.4/24", "256.1.1.1", "10.0.0.0/8"]
    IP6 = ["2001:db8::1", "2001:db8:0:1::/64", "fe80::1", "::1"]

    def scos(self):
        rng = self.rng
        objs = []
        directory = {"type": "directory", "id": self.ident("directory"),
                     "path": rng.choice(["C:\\Windows", "/tmp", "/usr/bin"])}
        objs.append(directory)
        file_ = {"type": "file", "id": self.ident("file"), "name": rng.choice(self.NAMES),
                 "size": rng.choice([0, 1, 512, 1024, 70000, -3]),
                 "hashes": {"MD5": rng.choice(["79054025255fb1a26e4bc422aef54eb4", "8D98A25E9D0662B1F4CA3BF22D6F53E9"]),
                            "SHA-256": "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"},
                 "parent_directory_ref": directory["id"],
                 "ctime": ts(rng) if rng.random() < 0.8 else rng.choice(
                     ["2024-3-2T1:2:3Z", "2024-03-02T10:00:00.1234567Z", "2024-03-02T10:00:00.5Z", "2024-03-02t10:00:00z"]),
                 "x_tags": rng.sample(["red", "green", "blue", "Red"], rng.randint(0, 3)),
                 "x_blob_hex": rng.choice(["00ff10", "48656c6c6f", "", "c3a9"]),
                 "x_blob_bin": rng.choice(["SGVsbG8=", "AP8Q", "w6k="])}
        if rng.random() < 0.3:
            file_["x_score"] = rng.choice([1.5, 2, 2.0, -0.25, True, None, "2"])
        objs.append(file_)
        ips = []
        for _ in range(rng.randint(1, 2)):
            ip = {"type": "ipv4-addr", "id": self.ident("ipv4-addr"), "value": rng.choice(self.IPS)}
            ips.append(ip)
            objs.append(ip)
        if rng.random() < 0.3:
            objs.append({"type": "ipv6-addr", "id": self.ident("ipv6-addr"), "value": rng.choice(self.IP6)})
        traffic = {"type": "network-traffic", "id": self.ident("network-traffic"),
                   "src_ref": ips[0]["id"], "dst_ref": ips[-1]["id"],
                   "src_port": rng.choice([80, 443, 8080, 53]), "dst_port": rng.choice([80, 443, 22]),
                   "protocols": rng.sample(["ipv4", "tcp", "http", "dns"], rng.randint(1, 3)),
                   "start": ts(rng)}
        objs.append(traffic)
        addrs = [{"type": "email-addr", "id": self.ident("email-addr"), "value": v}
                 for v in rng.sample(["a@example.com", "b@example.org", "C@Example.com"], rng.randint(1, 3))]
        objs.extend(addrs)
        email = {"type": "email-message", "id": self.ident("email-message"), "is_multipart": rng.random() < 0.5,
                 "from_ref": addrs[0]["id"], "to_refs": [a["id"] for a in addrs] + (["email-addr--missing"] if rng.random() < 0.3 else []),
                 "subject": rng.choice(["Invoice", "invoice 2024", "Re: hello", "請求書"])}
        objs.append(email)
        proc = {"type": "process", "id": self.ident("process"), "pid": rng.choice([4, 1234, 4321]),
                "command_line": rng.choice(["cmd.exe /c whoami", "powershell -enc AAAA", "/bin/sh -c 'id'"]),
                "x_ratio": rng.choice([0.5, 1.0, 1, 3.25]), "image_ref": file_["id"]}
        objs.append(proc)
        custom = {"type": "x-custom", "id": self.ident("x-custom"),
                  "values": [rng.choice([1, 2.5, "a", True, None, [1, 2], {"k": "v"}]) for _ in range(rng.randint(0, 4))],
                  "nested": {"list": [{"n": rng.randint(0, 3)} for _ in range(rng.randint(0, 3))], "flag": rng.random() < 0.5}}
        objs.append(custom)
        return objs

    def data(self):
        rng = self.rng
        pool = self.scos()
        observed = []
        for _ in range(rng.randint(1, 4)):
            first = ts(rng, day=2)
            last = first if rng.random() < 0.4 else ts(rng, day=rng.choice([2, 3]))
            if last < first:
                first, last = last, first
            refs = [o["id"] for o in rng.sample(pool, rng.randint(1, min(6, len(pool))))]
            # References are followed only to objects listed in object_refs: sometimes add targets.
            if rng.random() < 0.7:
                refs = [o["id"] for o in pool]
            observed.append({"type": "observed-data", "id": self.ident("observed-data"),
                             "first_observed": first, "last_observed": last,
                             "number_observed": rng.choice([1, 1, 1, 2, 3] + ([2, 3, 4] if self.dense else [])), "object_refs": refs})
        objects = observed + pool
        rng.shuffle(objects)
        if rng.random() < 0.3:
            cut = rng.randint(1, len(objects) - 1)
            return [{"type": "bundle", "id": self.ident("bundle"), "objects": objects[:cut]},
                    {"type": "bundle", "id": self.ident("bundle"), "objects": objects[cut:]}]
        return [{"type": "bundle", "id": self.ident("bundle"), "objects": objects}]

    # ---- patterns ----------------------------------------------------------------------------
    def literal(self):
        rng = self.rng
        return rng.choice(["1", "2", "-3", "512", "1.5", "2.0", "'2'", "'a'", "true", "false", "h'00ff10'",
                           "b'SGVsbG8='", "t'2024-03-02T10:00:00Z'", "'Setup.EXE'", "0"])

    def op_value(self, scalar_ops, scalars, sets, booleans=()):
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return "IN " + rng.choice(sets)
        if booleans and roll < 0.45:
            return rng.choice(["=", "!="]) + " " + rng.choice(booleans)
        return rng.choice(scalar_ops) + " " + rng.choice(scalars)

    def comparison(self, tags):
        rng = self.rng
        not_ = "NOT " if rng.random() < 0.15 else ""
        choice = rng.randint(0, 29)
        if choice == 28:
            return "%s %s%s %s" % (rng.choice(["file:size", "process:pid", "x-custom:nested.list[*].n"]), not_, rng.choice(["=", "<", ">", "!="]),
                                   rng.choice(["99999999999999999999", "-99999999999999999999", "4.0", "1.0e0" if False else "0.0"]))
        if choice == 29:
            return "file:name %sMATCHES %s" % (not_, quote(rng.choice([
                "name\\Z", "name$", "^SETUP", "(?<=set)up", "\\d", "[a-z]{3,}", "^.*$", "e\\b", "(?i)^setup\\.exe$",
                "[[:alpha:]]", "a(?i)b", "(?i)(?s)se", "\\e", "\\p{L}", "x{,3}", "[a&&b]", "(?P<n>e)(?P=n)", "[\\d]+",
                "\\Aset", "up\\Z", "(?x) s e t", "[]a]", "\\N{LATIN SMALL LETTER E}", "(?a)\\w+", "[\\B]", "(?u)ÉE"])))
        if choice == 0:
            return "file:name %s= %s" % (not_, quote(rng.choice(self.NAMES)))
        if choice == 1:
            return "file:name %sLIKE %s" % (not_, quote(rng.choice(["%.exe", "setup%", "_otes.txt", "%", "a\\_b%", "%\u00e9%", "résumé%", "%.EXE", "evil%", "%name", "x'y%"])))
        if choice == 2:
            return "file:name %sMATCHES %s" % (not_, quote(rng.choice(["^set", "(?i)setup", "\\.exe$", "^$", "e.i", "[0-9]", "日本", "name$", "^(?P<x>[a-z])", "\\w+\\.txt"])))
        if choice == 3:
            return "file:size %s%s %s" % (not_, rng.choice(["<", "<=", ">", ">=", "=", "!="]), rng.choice(["0", "512", "1024.0", "-1", "'512'", "70000", "1000"]))
        if choice == 4:
            return "file:hashes.%s %s= %s" % (rng.choice(["MD5", "'SHA-256'", "md5"]), not_,
                                              quote(rng.choice(["79054025255fb1a26e4bc422aef54eb4", "8D98A25E9D0662B1F4CA3BF22D6F53E9", "8d98a25e9d0662b1f4ca3bf22d6f53e9"])))
        if choice == 5:
            return "file:parent_directory_ref.path %s= %s" % (not_, quote(rng.choice(["C:\\Windows", "/tmp"])))
        if choice == 6:
            return "file:x_tags[%s] %s= %s" % (rng.choice(["*", "0", "1", "5"]), not_, quote(rng.choice(["red", "green", "Red"])))
        if choice == 7:
            if rng.random() < 0.3:
                return "file:ctime %s%s %s" % (not_, rng.choice(["=", "IN", ">"]) if False else "=", rng.choice(
                    ["t'2024-03-02T01:02:03Z'", "t'2024-03-02T10:00:00.123456Z'", "t'2024-03-02T10:00:00.5Z'", "'2024-3-2T1:2:3Z'"]))
            if rng.random() < 0.2:
                return "file:ctime %sIN (t'2024-03-02T01:02:03Z', t'2024-03-02T10:00:00.5Z')" % not_
            return "file:ctime %s%s t'2024-03-0%dT%02d:00:00Z'" % (not_, rng.choice(["<", ">", "=", "!=", ">="]), rng.randint(1, 3), rng.randint(0, 23))
        if choice == 8:
            return "file:x_blob_hex %s%s %s" % (not_, rng.choice(["=", "!=", "<", ">"]), rng.choice(["h'00ff10'", "h'48656c6c6f'", "'Hello'", "b'AP8Q'", "'\u00e9'", "h''"]))
        if choice == 9:
            return "file:x_blob_bin %s%s %s" % (not_, rng.choice(["=", "LIKE", "MATCHES"]), quote(rng.choice(["Hello", "H%", "^\\x00", "ell", "\u00e9"])))
        if choice == 10:
            op = rng.choice(["ISSUBSET", "ISSUPERSET"])
            operand = rng.choice(["10.0.0.0/8", "198.51.100.0/24", "10.0.0.1", "192.168.0.0/16", "0.0.0.0/0", "10.0.0.0/33", "bogus", "203.0.113.9/32"])
            return "ipv4-addr:value %s%s %s" % (not_, op, quote(operand))
        if choice == 11:
            tags.add("ipv6")
            return "ipv6-addr:value %s%s %s" % (not_, rng.choice(["ISSUBSET", "ISSUPERSET"]), quote(rng.choice(["2001:db8::/32", "::1", "fe80::/10"])))
        if choice == 12:
            return "network-traffic:%s.value %s%s %s" % (rng.choice(["src_ref", "dst_ref"]), not_, rng.choice(["=", "ISSUBSET", "!="]), quote(rng.choice(["10.0.0.1", "10.0.0.0/8", "198.51.100.7"])))
        if choice == 13:
            return "network-traffic:%s %s%s" % (rng.choice(["src_port", "dst_port"]), not_, self.op_value(["=", "<", ">="], ["80", "443", "1024"], ["(80, 443)", "(22)"]))
        if choice == 14:
            return "network-traffic:protocols[%s] %s= %s" % (rng.choice(["*", "0"]), not_, quote(rng.choice(["tcp", "ipv4", "dns"])))
        if choice == 15:
            return "email-message:%s %s%s" % (rng.choice(["to_refs[*].value", "to_refs[0].value", "to_refs[1].value", "from_ref.value"]), not_,
                                              rng.choice([" = 'a@example.com'", " LIKE '%@example.com'", " IN ('b@example.org', 'C@Example.com')"]))
        if choice == 16:
            return "email-message:is_multipart %s%s %s" % (not_, rng.choice(["=", "!="]), rng.choice(["true", "false", "1"]))
        if choice == 17:
            return "email-message:subject %s%s %s" % (not_, rng.choice(["LIKE", "MATCHES", "=", ">"]), quote(rng.choice(["%nvoice%", "^Re:", "請求%", "Invoice", "I"])))
        if choice == 18:
            return "process:pid %s%s" % (not_, self.op_value(["=", "<"], ["4", "1234.5", "1234"], ["(4, 1234)", "(4, 1234.0)", "()"]))
        if choice == 19:
            return "process:image_ref.name %s%s %s" % (not_, rng.choice(["=", "LIKE"]), quote(rng.choice(["setup.exe", "%.exe", "notes.txt"])))
        if choice == 20:
            return "process:x_ratio %s%s" % (not_, self.op_value(["=", "<", ">="], ["1", "1.0", "0.5", "3.25"], ["(1, 3.25)", "(0.5)"]))
        if choice == 21:
            if rng.random() < 0.25:
                return "x-custom:values[*] %sLIKE %s" % (not_, rng.choice(["'%'", "'a'"]))
            return "x-custom:values[*] %s%s" % (not_, self.op_value(["=", ">"], ["1", "2.5", "'a'"], ["(1, 2)", "('a', 'b')", "(true)"], ["true"]))
        if choice == 22:
            return "x-custom:nested.list[%s].n %s%s %s" % (rng.choice(["*", "0", "2"]), not_, rng.choice(["=", ">", "<="]), rng.randint(0, 3))
        if choice == 23:
            return "x-custom:nested.flag %s= %s" % (not_, rng.choice(["true", "false"]))
        if choice == 24:
            return "file:x_score %s%s" % (not_, self.op_value(["=", "<", "!="], ["2", "1.5", "'2'"], ["(2, 1.5)", "(true, false)", "(1)"], ["true"]))
        if choice == 25:
            return "file:%s %s= %s" % (rng.choice(["name", "size", "hashes", "x_tags", "parent_directory_ref"]), not_, self.literal())
        if choice == 26:
            tags.add("exists") if not_ else None
            return "%sEXISTS %s" % (not_, rng.choice(["file:x_score", "file:name", "x-custom:values[0]", "email-message:to_refs[2]"]))
        return "%s:%s %s= %s" % (rng.choice(["file", "indicator", "observed-data", "x-missing"]), rng.choice(["name", "id", "type"]), not_,
                                 quote(rng.choice(["setup.exe", "file", "observed-data"])))

    def comparison_expression(self, tags, depth=0):
        rng = self.rng
        if depth < 2 and rng.random() < 0.35:
            op = rng.choice([" AND ", " OR "])
            expr = self.comparison_expression(tags, depth + 1) + op + self.comparison_expression(tags, depth + 1)
            if "EXISTS" in expr:
                tags.add("exists")
            return "(" + expr + ")" if rng.random() < 0.3 else expr
        return self.comparison(tags)

    def observation(self, tags, depth=0):
        rng = self.rng
        roll = rng.random()
        qualified = rng.random() < 0.3
        if depth < 2 and roll < 0.35:
            op = rng.choice([" AND ", " OR ", " FOLLOWEDBY "])
            expr = self.observation(tags, depth + 1) + op + self.observation(tags, depth + 1)
            if depth > 0 or qualified or rng.random() < 0.3:
                expr = "(" + expr + ")"
        else:
            expr = "[" + self.comparison_expression(tags) + "]"
        if qualified:
            expr += " " + self.qualifier()
        return expr

    def qualifier(self):
        rng = self.rng
        kind = rng.randint(0, 2)
        if kind == 0:
            return "WITHIN %s SECONDS" % rng.choice(["1", "60", "3600", "86400", "0.5", "100000", "7200", "300"] + (["0"] if rng.random() < 0.2 else []))
        if kind == 1:
            return "REPEATS %d TIMES" % rng.choice([1, 2, 2, 3, 2] + ([0] if rng.random() < 0.2 else []))
        start = rng.choice(["2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z", "2024-03-02T12:00:00Z", "2024-03-02T06:30:00Z"] + (["2024-02-30T00:00:00Z"] if rng.random() < 0.15 else []))
        stop = rng.choice(["2024-03-02T12:00:00Z", "2024-03-04T00:00:00Z", "2024-03-02T00:00:00Z"])
        return "START t'%s' STOP t'%s'" % (start, stop)

    def case(self):
        tags = set()
        self.dense = self.rng.random() < 0.2
        if self.dense:
            simple = lambda: "[%s]" % self.rng.choice(["file:size >= 0", "network-traffic:dst_port > 0", "email-addr:value LIKE '%'", "process:pid = 4"])
            parts = [simple() + (" REPEATS %d TIMES" % self.rng.randint(2, 4) if self.rng.random() < 0.6 else "") for _ in range(self.rng.randint(1, 3))]
            pattern = (" %s " % self.rng.choice(["AND", "FOLLOWEDBY", "OR"])).join(parts)
            if self.rng.random() < 0.5:
                # No REPEATS around repeated parts: the reference's search becomes exponential.
                qualifier = self.qualifier()
                while qualifier.startswith("REPEATS"):
                    qualifier = self.qualifier()
                pattern = "(" + pattern + ") " + qualifier
            return pattern, self.data(), tags
        pattern = self.observation(tags)
        return pattern, self.data(), tags


def malformed_cases(gen):
    """Hand-made error cases: bad data and unevaluable patterns."""
    good = gen.data()
    bad_time = json.loads(json.dumps(good))
    for obj in bad_time[0]["objects"]:
        if obj["type"] == "observed-data":
            obj["first_observed"] = "2024-03-02 10:00:00"
    zero = json.loads(json.dumps(good))
    for obj in zero[0]["objects"]:
        if obj["type"] == "observed-data":
            obj["number_observed"] = 0
    norefs = json.loads(json.dumps(good))
    for obj in norefs[0]["objects"]:
        if obj["type"] == "observed-data":
            del obj["object_refs"]
    badhex = json.loads(json.dumps(good))
    for obj in badhex[0]["objects"]:
        if obj["type"] == "file":
            obj["x_blob_hex"] = "xyz"
    return [
        ("[file:name = 'a']", bad_time), ("[file:name = 'a']", zero), ("[file:name = 'a']", norefs),
        ("[file:x_blob_hex = h'00']", badhex), ("[file:name = 'a']", [{"type": "bundle", "id": "bundle--1"}]),
        ("[file:ctime = t'2024-02-30T00:00:00Z']", good), ("[file:size IN (1, 'a')]", good),
        ("[file:name MATCHES '(unclosed']", good), ("[file:name = 'a'] WITHIN 0 SECONDS", good),
        ("[file:name = 'a'] REPEATS 0 TIMES", good), ("[ipv4-addr:value ISSUBSET 'bogus']", good),
        ("[file:name = t'2024-03-02T00:00:00Z']", good), ("[file:name = 'a'", good),
        ("[file:size IN (true, 1)]", good), ("[file:size IN (h'00', b'AA==')]", good),
    ]


def to_stix20(bundles):
    """Observed-data with embedded "objects" maps; _ref/_refs values become map keys."""
    pool = {}
    observed = []
    for bundle in bundles:
        for obj in bundle.get("objects", []):
            if obj["type"] == "observed-data":
                observed.append(obj)
            else:
                pool[obj["id"]] = obj
    result = []
    for od in observed:
        keys = {}
        for ref in od["object_refs"]:
            if ref in pool and ref not in keys:
                keys[ref] = str(len(keys))

        def rewrite(value, name=""):
            if isinstance(value, dict):
                return {k: rewrite(v, k) for k, v in value.items()}
            if isinstance(value, list):
                return [keys.get(v, v) if name.endswith("_refs") and isinstance(v, str) else rewrite(v) for v in value]
            if name.endswith("_ref") and isinstance(value, str):
                return keys.get(value, value)
            return value

        converted = {k: v for k, v in od.items() if k != "object_refs"}
        converted["objects"] = {key: rewrite(pool[ref]) for ref, key in keys.items()}
        result.append(converted)
    return result


def run(pattern, data, version="2.1"):
    try:
        result = match(pattern, data, stix_version=version)
        ids = [sdo["id"] if version == "2.0" else sdo["objects"][0]["id"] for sdo in result]
        return ("match" if result else "nomatch"), ids, None
    except Exception as exc:
        return "error", [], "%s: %s" % (type(exc).__name__, exc)


def main(argv):
    warnings.simplefilter("ignore")  # the regex corpus provokes re's FutureWarnings on purpose
    seed = int(argv[1]) if len(argv) > 1 else 5
    count = int(argv[2]) if len(argv) > 2 else 800
    gen = Generator(seed)
    cases = []
    for index in range(count):
        pattern, data, tags = gen.case()
        outcome, ids, error = run(pattern, data)
        cases.append({"id": "g%d" % index, "pattern": pattern, "data": data, "outcome": outcome,
                      "matched": ids, "error": error, "tags": sorted(tags), "format": "stix21"})
        if index % 4 == 0 and "EXISTS" not in pattern and "START" not in pattern:
            data20 = to_stix20(data)
            outcome, ids, error = run(pattern, data20, "2.0")
            if not (error or "").startswith("ParseException"):
                cases.append({"id": "s%d" % index, "pattern": pattern, "data": data20, "outcome": outcome,
                              "matched": ids, "error": error, "tags": sorted(tags), "format": "stix20"})
    for index, (pattern, data) in enumerate(malformed_cases(gen)):
        outcome, ids, error = run(pattern, data)
        cases.append({"id": "m%d" % index, "pattern": pattern, "data": data, "outcome": outcome,
                      "matched": ids, "error": error, "tags": [], "format": "stix21"})
    json.dump({"cases": cases}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
