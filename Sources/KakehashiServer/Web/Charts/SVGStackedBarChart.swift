import Foundation

/// A stacked bar chart drawn on the server as SVG: one bar per label (e.g. a month), one coloured segment per
/// series (e.g. a category), a legend, and a title and description that list every value for screen readers.
struct SVGStackedBarChart {
    struct Bar {
        let label: String
        /// One value per series, in the order of ``SVGStackedBarChart/series``.
        let values: [Int]
    }

    let title: String
    /// The series' names; empty for a plain bar chart (one unnamed series, no legend).
    let series: [String]
    let bars: [Bar]
    /// Prefixes the ids of the title and description, so that several charts can share a page.
    var idPrefix = "chart"
    var width = 640
    var height = 220

    /// Colours that stay apart for the common kinds of colour blindness (Okabe–Ito), then the hub's blue.
    static let palette = ["rgb(11,83,148)", "rgb(230,159,0)", "rgb(0,158,115)", "rgb(204,121,167)", "rgb(86,180,233)", "rgb(213,94,0)", "rgb(240,228,66)", "rgb(0,0,0)"]

    var svg: String {
        let legendHeight = series.isEmpty ? 0 : 18 * ((series.count + 3) / 4)
        let left = 36, bottom = 28 + legendHeight, top = 12
        let plotHeight = height - bottom - top
        let maximum = max(bars.map { $0.values.reduce(0, +) }.max() ?? 0, 1)
        let slot = bars.isEmpty ? 0 : (width - left - 8) / bars.count
        let ink = "rgb(27,31,36)"
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \#(width) \#(height)" width="100%" aria-labelledby="\#(idPrefix)-title \#(idPrefix)-desc">"#
        out += "<title id=\"\(idPrefix)-title\">\(Self.escape(title))</title>"
        out += "<desc id=\"\(idPrefix)-desc\">\(Self.escape(bars.map(describe).joined(separator: ", ")))</desc>"
        out += #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(width - 4)" y2="\#(top + plotHeight)" stroke="rgb(95,107,122)"/>"#
        out += #"<text x="\#(left - 6)" y="\#(top + 10)" text-anchor="end" font-size="11" fill="\#(ink)">\#(maximum)</text>"#
        out += #"<text x="\#(left - 6)" y="\#(top + plotHeight)" text-anchor="end" font-size="11" fill="\#(ink)">0</text>"#
        for (index, bar) in bars.enumerated() {
            let x = left + index * slot + 2
            var base = top + plotHeight
            for (position, value) in bar.values.enumerated() where value > 0 {
                let segment = plotHeight * value / maximum
                base -= segment
                let name = series.isEmpty ? bar.label : "\(bar.label) — \(series[position])"
                out += #"<rect x="\#(x)" y="\#(base)" width="\#(max(slot - 4, 1))" height="\#(segment)" fill="\#(Self.palette[position % Self.palette.count])"><title>\#(Self.escape(name)): \#(value)</title></rect>"#
            }
            if index % max(bars.count / 7, 1) == 0 {
                out += #"<text x="\#(x + slot / 2)" y="\#(top + plotHeight + 20)" text-anchor="middle" font-size="11" fill="\#(ink)">\#(Self.escape(bar.label))</text>"#
            }
        }
        for (position, name) in series.enumerated() {
            let x = left + (position % 4) * ((width - left) / 4), y = height - legendHeight + 18 * (position / 4) + 4
            out += #"<rect x="\#(x)" y="\#(y)" width="10" height="10" fill="\#(Self.palette[position % Self.palette.count])"/>"#
            out += #"<text x="\#(x + 14)" y="\#(y + 9)" font-size="11" fill="\#(ink)">\#(Self.escape(name))</text>"#
        }
        return out + "</svg>"
    }

    private func describe(_ bar: Bar) -> String {
        guard !series.isEmpty else { return "\(bar.label): \(bar.values.reduce(0, +))" }
        let parts = zip(series, bar.values).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        return "\(bar.label): " + (parts.isEmpty ? "0" : parts.joined(separator: " / "))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
