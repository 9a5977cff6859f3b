/// FIRST's CVSS 4.0 scoring: look up the macro vector's score, then interpolate by the vector's severity
/// distance from the highest vector of that macro vector. Mirrors the reference calculator step by step
/// (including the order of floating-point additions) so that scores agree to the last digit.
struct CVSS4Scorer {
    private let filled: [String: String]

    init(metrics: [String: String]) {
        var filled = metrics
        for modified in ["MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA"]
        where filled[modified] == nil || filled[modified] == "X" {
            filled[modified] = filled[String(modified.dropFirst())]
        }
        for optional in ["S", "AU", "R", "V", "RE", "U", "CR", "IR", "AR", "E"] where filled[optional] == nil {
            filled[optional] = "X"
        }
        self.filled = filled
    }

    /// The effective value of a metric: the modified value when set, with the specification's defaults.
    func m(_ metric: String) -> String {
        let selected = filled[metric] ?? "X"
        if metric == "E" && selected == "X" { return "A" }
        if (metric == "CR" || metric == "IR" || metric == "AR") && selected == "X" { return "H" }
        if let modified = filled["M" + metric], modified != "X" { return modified }
        return selected
    }

    func equivalenceClasses() -> [Int] {
        let av = m("AV"), pr = m("PR"), ui = m("UI")
        let eq1: Int
        if av == "N" && pr == "N" && ui == "N" {
            eq1 = 0
        } else if (av == "N" || pr == "N" || ui == "N") && av != "P" {
            eq1 = 1
        } else {
            eq1 = 2
        }
        let eq2 = (m("AC") == "L" && m("AT") == "N") ? 0 : 1
        let vc = m("VC"), vi = m("VI"), va = m("VA")
        let eq3 = (vc == "H" && vi == "H") ? 0 : (vc == "H" || vi == "H" || va == "H") ? 1 : 2
        let eq4: Int
        if m("MSI") == "S" || m("MSA") == "S" {
            eq4 = 0
        } else if m("SC") == "H" || m("SI") == "H" || m("SA") == "H" {
            eq4 = 1
        } else {
            eq4 = 2
        }
        let eq5 = switch m("E") { case "A": 0; case "P": 1; default: 2 }
        let highRequirement = (m("CR") == "H" && vc == "H") || (m("IR") == "H" && vi == "H")
            || (m("AR") == "H" && va == "H")
        let eq6 = highRequirement ? 0 : 1
        return [eq1, eq2, eq3, eq4, eq5, eq6]
    }

    func macroVector() -> String { equivalenceClasses().map(String.init).joined() }

    func score() -> Double {
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ m($0) == "N" }) { return 0 }
        let eq = equivalenceClasses()
        func lookup(_ digits: [Int]) -> Double {
            CVSS4Vector.macroVectorScores[digits.map(String.init).joined()] ?? .nan
        }
        func bumped(_ indices: Int...) -> [Int] {
            var copy = eq
            for index in indices { copy[index] += 1 }
            return copy
        }
        var value = lookup(eq)
        let lowerEQ1 = lookup(bumped(0)), lowerEQ2 = lookup(bumped(1))
        let lowerEQ3EQ6: Double
        switch (eq[2], eq[5]) {
        case (1, 1), (0, 1): lowerEQ3EQ6 = lookup(bumped(2))
        case (1, 0): lowerEQ3EQ6 = lookup(bumped(5))
        case (0, 0): lowerEQ3EQ6 = Swift.max(lookup(bumped(5)), lookup(bumped(2)))
        default: lowerEQ3EQ6 = lookup(bumped(2, 5))
        }
        let lowerEQ4 = lookup(bumped(3)), lowerEQ5 = lookup(bumped(4))

        let distance = severityDistances(eq: eq)
        let step = 0.1
        let maxSeverity = CVSS4Scorer.maxSeverity(eq: eq)
        var existingLower = 0
        var normalized = [0.0, 0.0, 0.0, 0.0, 0.0]
        let available = [value - lowerEQ1, value - lowerEQ2, value - lowerEQ3EQ6, value - lowerEQ4, value - lowerEQ5]
        let current = [
            distance["AV", default: 0] + distance["PR", default: 0] + distance["UI", default: 0],
            distance["AC", default: 0] + distance["AT", default: 0],
            distance["VC", default: 0] + distance["VI", default: 0] + distance["VA", default: 0]
                + distance["CR", default: 0] + distance["IR", default: 0] + distance["AR", default: 0],
            distance["SC", default: 0] + distance["SI", default: 0] + distance["SA", default: 0],
            0,
        ]
        for index in 0..<5 where available[index] >= 0 {
            existingLower += 1
            if index < 4 {
                normalized[index] = available[index] * (current[index] / (maxSeverity[index] * step))
            }
        }
        let mean = existingLower == 0
            ? 0 : (normalized[0] + normalized[1] + normalized[2] + normalized[3] + normalized[4]) / Double(existingLower)
        value -= mean
        value = Swift.min(10, Swift.max(0, value))
        return ((value + 1e-6) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
