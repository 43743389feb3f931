import Foundation
import RedlineCore
import RedlineKit
@testable import RedlineRules
import Testing

/// The cache of per-document analyses the numbers and names rules share: one document is
/// analysed once, and another document (even with the same path and length) never gets its
/// analysis.
@Suite struct RecentDocumentsTests {
    private final class Counter: @unchecked Sendable {
        var made = 0
    }

    private func document(_ text: String) -> Document {
        DocumentBuilder.build(SourceFile(path: "story.txt", text: text), format: .plainText)
    }

    @Test func oneDocumentIsMadeOnceAndAnotherIsNotConfused() {
        let cache = RecentDocuments<String>(capacity: 2)
        let counter = Counter()
        func value(_ d: Document) -> String {
            cache.value(for: d) {
                counter.made += 1
                return d.text(Span(0, d.source.bytes.count))
            }
        }
        let a = document("Five people were hurt.\n"), b = document("Nine people were hurt.\n")
        #expect(value(a) == "Five people were hurt.\n")
        #expect(value(a) == "Five people were hurt.\n")
        let copy = a
        #expect(value(copy) == "Five people were hurt.\n")
        #expect(counter.made == 1)
        // Same path, same length, other text.
        #expect(value(b) == "Nine people were hurt.\n")
        #expect(counter.made == 2)
        // Past the capacity the oldest is made again.
        _ = value(document("Two cars.\n"))
        _ = value(a)
        #expect(counter.made == 4)
    }
}
