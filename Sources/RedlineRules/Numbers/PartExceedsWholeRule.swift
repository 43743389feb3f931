import RedlineCore
import RedlineText

/// `numbers.part-exceeds-whole`: a part larger than its whole ("15 of the 12 victims", "six
/// out of five districts", "478 of the drones and missiles" after 450 were launched), or a
/// share over 100% of a whole made of parts ("120% of voters").
public struct PartExceedsWholeRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.part-exceeds-whole",
        category: .numeric,
        defaultSeverity: .error,
        summary: "A part larger than its whole: \"15 of the 12 victims\", \"six out of five districts\", \"N of the "
            + "drones\" when fewer drones were counted, or a share over 100% of a whole made of parts "
            + "(\"120% of voters\"; shares of GDP or a target may pass 100% and are not flagged).",
        flags: [
            RuleExample("Officials said «15 of the 12» victims were children."),
            RuleExample("Damage was reported in «six out of five» districts of the city."),
            RuleExample("A poll suggests «120%» of voters back the plan."),
            RuleExample("The army fired 40 drones and 10 missiles overnight.\n\nIt said «56» of the drones and missiles were shot down."),
        ],
        passes: [
            RuleExample("Officials said 14 of the 23 injured people were taken to hospital."),
            RuleExample("Damage was reported in six out of ten districts of the city."),
            RuleExample("Public debt reached 120% of GDP last year."),
            RuleExample("The army fired 539 drones and 11 missiles.\n\nIt said 478 of the drones and missiles were destroyed."),
            RuleExample("At least 23 people were injured.\n\nAt least 14 of the wounded were taken to hospital."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text, extraction = analysis.counts
        let mentions = extraction.mentions
        let parts = Set(extraction.partWholes.map(\.part))
        var findings: [Finding] = []
        for pw in extraction.partWholes {
            let part = mentions[pw.part]
            guard part.number.kind == .amount else { continue }
            var whole: NumberInterval
            var wholeSpans: [Span] = []
            switch pw.whole {
            case .mention(let m), .pronoun(let m):
                whole = mentions[m].interval
                wholeSpans = [text.span(mentions[m].start, mentions[m].number.end - 1)]
            case .things(let things):
                // The largest count of each thing stated elsewhere, added up.
                var sum = NumberInterval(exactly: 0)
                var complete = true
                for thing in things {
                    let counts = mentions.indices.filter {
                        $0 != pw.part && !parts.contains($0) && mentions[$0].thing == thing && !mentions[$0].isSubset
                            && mentions[$0].number.kind == .amount
                    }
                    guard let best = counts.max(by: { mentions[$0].interval.upper < mentions[$1].interval.upper }) else { complete = false; break }
                    sum = sum + mentions[best].interval
                    wholeSpans.append(text.span(mentions[best].start, mentions[best].number.end - 1))
                }
                guard complete else { continue }
                whole = sum
            case .event(let event):
                let counts = mentions.indices.filter {
                    $0 != pw.part && !parts.contains($0) && mentions[$0].event == event && !mentions[$0].isSubset
                        && mentions[$0].number.kind == .amount && mentions[$0].thingOrDefault(data.peopleEvents) == "people"
                }
                guard let best = counts.max(by: { mentions[$0].interval.upper < mentions[$1].interval.upper }) else { continue }
                whole = mentions[best].interval
                wholeSpans = [text.span(mentions[best].start, mentions[best].number.end - 1)]
            }
            guard part.interval.lower > whole.upper else { continue }
            findings.append(finding(document, text, pw, part, whole, wholeSpans))
        }
        for share in extraction.shares where share.number.value > 100 {
            let span = text.span(share.start, share.number.end - 1)
            findings.append(Finding(Self.info, span: span,
                                    message: "“\(document.text(span))” of \(share.noun): a share of a whole cannot pass 100%"))
        }
        return findings
    }

    private func finding(_ document: Document, _ text: NumberText, _ pw: PartWhole, _ part: CountMention,
                         _ whole: NumberInterval, _ wholeSpans: [Span]) -> Finding {
        let partText = document.text(text.span(part.start, part.number.end - 1))
        if case .mention(let m) = pw.whole, m > pw.part {
            // "15 of the 12": the part and its whole together.
            let wholeSpan = wholeSpans[0]
            return Finding(Self.info, span: Span(text.tokens[part.start].span.start, wholeSpan.end),
                           message: "the part (\(partText)) is larger than the whole (\(document.text(wholeSpan)), \(NumbersReport.whereIs(document, wholeSpan)))",
                           related: [NumbersReport.related(document, wholeSpan, "the whole: “\(document.text(wholeSpan))”")])
        }
        let span = text.span(part.start, part.number.end - 1)
        let wholeText = document.text(text.span(pw.wholeStart, pw.wholeEnd - 1))
        let lines = wholeSpans.map { "“\(document.text($0))” \(NumbersReport.whereIs(document, $0))" }
        let message = "\(partText) of \(wholeText), but the whole is \(whole.description) (" + lines.joined(separator: ", ") + ")"
        return Finding(Self.info, span: span, message: message,
                       related: wholeSpans.map { NumbersReport.related(document, $0, "the whole: “\(document.text($0))”") })
    }
}
