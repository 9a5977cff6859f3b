/// Writes Zeek conn.log and dns.log files (TSV with the usual headers) with realistic columns;
/// one event in `plantEvery` carries a value of one of the first `plantPool` indicators.
struct LogGenerator {
    var lines: Int
    var plantEvery = 2000
    var plantPool = 1000
    var rng = SplitMix(seed: 42)

    init(lines: Int) { self.lines = lines }

    mutating func write(dir: String) throws {
        let dnsLines = lines / 5
        try writeConn(path: dir + "/conn.log", count: lines - dnsLines)
        try writeDNS(path: dir + "/dns.log", count: dnsLines)
    }

    private mutating func uid() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var s = "C"
        for _ in 0..<17 { s.append(alphabet[Int(rng.next() % 62)]) }
        return s
    }

    private mutating func publicIP() -> String {
        var v = UInt32(truncatingIfNeeded: rng.next())
        if v >> 24 == 10 { v ^= 0x8000_0000 }
        return "\(v >> 24).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)"
    }

    private mutating func internalIP() -> String { "10.\(rng.next() % 4).\(rng.next() % 256).\(1 + rng.next() % 254)" }

    private mutating func planted(_ kind: IndicatorValues.Kind) -> Int? {
        guard rng.next() % UInt64(plantEvery) == 0 else { return nil }
        for _ in 0..<64 {
            let i = Int(rng.next() % UInt64(plantPool))
            if IndicatorValues.kind(i) == kind { return i }
        }
        return nil
    }

    private func header(_ path: String, _ fields: String, _ types: String) -> String {
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t\(path)\n#open\t2026-11-26-00-00-00\n#fields\t\(fields)\n#types\t\(types)\n"
    }

    private mutating func writeConn(path: String, count: Int) throws {
        let w = try BufferedWriter(path: path)
        w.write(header("conn", "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents",
                       "time\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]"))
        var ts = 1_795_651_200.0
        let services = [("tcp", "443", "ssl"), ("tcp", "80", "http"), ("udp", "53", "dns"), ("tcp", "22", "ssh"), ("tcp", "8443", "-")]
        for _ in 0..<count {
            ts += Double(rng.next() % 2000) / 1_000_000
            let dst = planted(.ipv4).map(IndicatorValues.ipv4) ?? publicIP()
            let (proto, port, service) = services[Int(rng.next() % UInt64(services.count))]
            let ob = rng.next() % 100_000, rb = rng.next() % 1_000_000
            w.write("\(String(format6(ts)))\t\(uid())\t\(internalIP())\t\(1024 + rng.next() % 64_000)\t\(dst)\t\(port)\t\(proto)\t\(service)\t\(Double(rng.next() % 100_000) / 1000)\t\(ob)\t\(rb)\tSF\tT\tF\t0\tShADadFf\t\(ob / 500 + 1)\t\(ob + 40)\t\(rb / 1000 + 1)\t\(rb + 40)\t-\n")
        }
        w.write("#close\t2026-11-26-23-59-59\n")
        w.close()
    }

    private mutating func writeDNS(path: String, count: Int) throws {
        let w = try BufferedWriter(path: path)
        w.write(header("dns", "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\trtt\tquery\tqclass\tqclass_name\tqtype\tqtype_name\trcode\trcode_name\tAA\tTC\tRD\tRA\tZ\tanswers\tTTLs\trejected",
                       "time\tstring\taddr\tport\taddr\tport\tenum\tcount\tinterval\tstring\tcount\tstring\tcount\tstring\tcount\tstring\tbool\tbool\tbool\tbool\tcount\tvector[string]\tvector[interval]\tbool"))
        var ts = 1_795_651_200.0
        for _ in 0..<count {
            ts += Double(rng.next() % 8000) / 1_000_000
            let query = planted(.domain).map(IndicatorValues.domain) ?? "www\(rng.next() % 50).site\(rng.next() % 200_000).example.com"
            w.write("\(format6(ts))\t\(uid())\t\(internalIP())\t\(1024 + rng.next() % 64_000)\t10.0.0.2\t53\tudp\t\(rng.next() % 65_536)\t0.00\(rng.next() % 9000 + 1000)\t\(query)\t1\tC_INTERNET\t1\tA\t0\tNOERROR\tF\tF\tT\tT\t0\t\(publicIP()),\(publicIP())\t300.000000,300.000000\tF\n")
        }
        w.write("#close\t2026-11-26-23-59-59\n")
        w.close()
    }

    private func format6(_ t: Double) -> String {
        let whole = Int(t)
        let micros = Int(((t - Double(whole)) * 1_000_000).rounded()) % 1_000_000
        let m = String(micros)
        return "\(whole).\(String(repeating: "0", count: 6 - m.count))\(m)"
    }
}
