extension CVSS4Scorer {
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3],
        "PR": ["N": 0.0, "L": 0.1, "H": 0.2],
        "UI": ["N": 0.0, "P": 0.1, "A": 0.2],
        "AC": ["L": 0.0, "H": 0.1],
        "AT": ["N": 0.0, "P": 0.1],
        "VC": ["H": 0.0, "L": 0.1, "N": 0.2],
        "VI": ["H": 0.0, "L": 0.1, "N": 0.2],
        "VA": ["H": 0.0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3],
        "SI": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "SA": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "CR": ["H": 0.0, "M": 0.1, "L": 0.2],
        "IR": ["H": 0.0, "M": 0.1, "L": 0.2],
        "AR": ["H": 0.0, "M": 0.1, "L": 0.2],
    ]
    static let distanceOrder = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"]

    /// The highest-severity vectors of each equivalence class (FIRST's `max_composed`).
    static let maxComposedEQ1: [[String]] = [
        ["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
    ]
    static let maxComposedEQ2: [[String]] = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]]
    static let maxComposedEQ3EQ6: [[[String]]] = [
        [["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
        [
            ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            [
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            ],
        ],
        [[], ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ]
    static let maxComposedEQ4: [[String]] = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]]

    /// FIRST's `max_severity` depths for EQ1, EQ2, EQ3+EQ6 and EQ4.
    static func maxSeverity(eq: [Int]) -> [Double] {
        let eq3eq6: [[Double]] = [[7, 6], [8, 8], [0, 10]]
        return [[1, 4, 5][eq[0]], [1, 2][eq[1]], eq3eq6[eq[2]][eq[5]], [6, 5, 4][eq[3]], 1]
    }

    /// Per-metric distance between this vector and the first max vector of its macro vector that it does
    /// not exceed (the reference keeps the last one tried when none fits).
    func severityDistances(eq: [Int]) -> [String: Double] {
        var result: [String: Double] = [:]
        for eq1 in Self.maxComposedEQ1[eq[0]] {
            for eq2 in Self.maxComposedEQ2[eq[1]] {
                for eq3eq6 in Self.maxComposedEQ3EQ6[eq[2]][eq[5]] {
                    for eq4 in Self.maxComposedEQ4[eq[3]] {
                        let maxVector = Self.parsedMaxVectors[[eq1, eq2, eq3eq6, eq4].joined(separator: "/")]
                            ?? Self.pairs([eq1, eq2, eq3eq6, eq4].joined(separator: "/"))
                        var distances: [String: Double] = [:]
                        for metric in Self.distanceOrder {
                            let levels = Self.levels[metric] ?? [:]
                            distances[metric] = (levels[m(metric)] ?? 0) - (levels[maxVector[metric] ?? ""] ?? 0)
                        }
                        result = distances
                        if !distances.values.contains(where: { $0 < 0 }) { return result }
                    }
                }
            }
        }
        return result
    }

    /// Every combination of max vectors, parsed once.
    static let parsedMaxVectors: [String: [String: String]] = {
        var result: [String: [String: String]] = [:]
        for eq1 in maxComposedEQ1.joined() {
            for eq2 in maxComposedEQ2.joined() {
                for eq3eq6 in maxComposedEQ3EQ6.joined().joined() {
                    for eq4 in maxComposedEQ4.joined() {
                        let key = [eq1, eq2, eq3eq6, eq4].joined(separator: "/")
                        result[key] = pairs(key)
                    }
                }
            }
        }
        return result
    }()

    private static func pairs(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for field in text.split(separator: "/") {
            let parts = field.split(separator: ":")
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }
}
