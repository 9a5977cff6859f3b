import Foundation

/// A bar chart drawn on the server as SVG: no script, no external asset, readable by screen readers
/// (a title and a description listing every value). A stacked chart with a single unnamed series.
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
        SVGStackedBarChart(title: title, series: [], bars: bars.map { .init(label: $0.label, values: [$0.value]) }, width: width, height: height).svg
    }
}
