import RedlineCore
import RedlineText

/// `numbers.conversion`: a conversion in brackets that does not match its measurement
/// ("30km (25 miles)"), for km/miles, m/ft, kg/lb, tonnes, °C/°F, litres/gallons,
/// hectares/acres, square km/square miles and the other units of `Rules/numbers/units.tsv`.
/// Rounding is allowed: the conversion may be rounded as it is written ("60 miles" for
/// 62.1), plus 3%.
public struct ConversionRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.conversion",
        category: .numeric,
        defaultSeverity: .error,
        summary: "A unit conversion that does not match its measurement (\"30km (25 miles)\", \"30C (96F)\"): "
            + "km/miles, m/ft, kg/lb, tonnes, °C/°F, litres/gallons, hectares/acres, square km/square miles and "
            + "the other units of Rules/numbers/units.tsv, allowing for rounding.",
        flags: [
            RuleExample("The convoy travelled 30km («25 miles») to the border."),
            RuleExample("Temperatures reached 30C («96F») on Sunday."),
            RuleExample("The farm covers 500 hectares («500 acres»)."),
            RuleExample("The bomb weighed 250kg («250lb»)."),
        ],
        passes: [
            RuleExample("The convoy travelled 30km (19 miles) to the border."),
            RuleExample("Temperatures reached 30C (86F) on Sunday."),
            RuleExample("The wall is 1.3m (4.2ft) high and 100 kilometres (60 miles) long."),
            RuleExample("The deal is worth $80m (£44m)."),
            RuleExample("The tank holds 100 litres (22 gallons), and the park covers 12,900 acres (5,200 hectares)."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text
        var findings: [Finding] = []
        for pair in analysis.conversions {
            let a = pair.stated, b = pair.converted
            let exact = MeasureScanner.convert(a, to: b)
            let distance = max(0, exact.lower - b.value, b.value - exact.upper)
            guard distance > MeasureScanner.tolerance(a, b, exact: exact) else { continue }
            let span = text.span(b.start, b.end - 1)
            let stated = text.span(a.start, a.end - 1)
            let value = exact.isExact ? round(exact.lower) : round(exact.lower) + "–" + round(exact.upper)
            findings.append(Finding(Self.info, span: span,
                                    message: "\(document.text(stated)) is about \(value) \(b.unit), not \(document.text(span)) "
                                        + "(\(NumbersReport.whereIs(document, stated)))",
                                    related: [NumbersReport.related(document, stated, "the measurement converted: “\(document.text(stated))”")]))
        }
        return findings
    }

    /// Three significant figures.
    private func round(_ v: Double) -> String {
        let magnitude = abs(v)
        let step: Double = magnitude >= 1000 ? 10 : magnitude >= 100 ? 1 : magnitude >= 10 ? 0.1 : 0.01
        return NumberFormatting.plain((v / step).rounded() * step)
    }
}
