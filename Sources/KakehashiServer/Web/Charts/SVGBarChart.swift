import Foundation

/// A bar chart drawn on the server as SVG: no script, no external asset, readable by screen readers
/// (a title and a description listing every value).
struct SVGBarChart {
    struct Bar {
        let label: String
        let value: Int
    }

    let title: String
    let bars: [Bar]
    var width = 640
    var height = 220

    var svg: String {
        let left = 36, bottom = 28, top = 12
        let plotHeight = height - bottom - top
        let maximum = max(bars.map(\.value).max() ?? 0, 1)
        let slot = bars.isEmpty ? 0 : (width - left - 8) / bars.count
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \#(width) \#(height)" width="100%" aria-labelledby="chart-title chart-desc">"#
        out += "<title id=\"chart-title\">\(Self.escape(title))</title>"
        out += "<desc id=\"chart-desc\">\(Self.escape(bars.map { "\($0.label): \($0.value)" }.joined(separator: ", ")))</desc>"
        out += #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(width - 4)" y2="\#(top + plotHeight)" stroke="rgb(95,107,122)"/>"#
        out += #"<text x="\#(left - 6)" y="\#(top + 10)" text-anchor="end" font-size="11" fill="rgb(27,31,36)">\#(maximum)</text>"#
        out += #"<text x="\#(left - 6)" y="\#(top + plotHeight)" text-anchor="end" font-size="11" fill="rgb(27,31,36)">0</text>"#
        for (index, bar) in bars.enumerated() {
            let barHeight = plotHeight * bar.value / maximum
            let x = left + index * slot + 2
            out += #"<rect x="\#(x)" y="\#(top + plotHeight - barHeight)" width="\#(max(slot - 4, 1))" height="\#(barHeight)" fill="rgb(11,83,148)"><title>\#(Self.escape(bar.label)): \#(bar.value)</title></rect>"#
            if index % max(bars.count / 7, 1) == 0 {
                out += #"<text x="\#(x + slot / 2)" y="\#(height - 8)" text-anchor="middle" font-size="11" fill="rgb(27,31,36)">\#(Self.escape(bar.label))</text>"#
            }
        }
        return out + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
