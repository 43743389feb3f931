import Foundation
import RedlineCore

/// One file's facts for the cross-file rules, by rule id (what `RunJudging.collect` returned).
///
/// Facts are `Codable`, so they can be kept in the cache and exchanged between CI shards as
/// JSON (`redline facts`); decoding needs `FactsTypes` in the decoder's `userInfo`.
public struct FileFacts: Sendable {
    public var path: String
    public var byRule: [String: any Codable & Sendable]

    public init(path: String, byRule: [String: any Codable & Sendable] = [:]) {
        self.path = path
        self.byRule = byRule
    }
}

/// How to decode each cross-file rule's facts, by rule id (from a `Linter`).
public struct FactsTypes: Sendable {
    public typealias Decode = @Sendable (Decoder) throws -> any Codable & Sendable
    let decoders: [String: Decode]
    init(_ decoders: [String: Decode]) { self.decoders = decoders }

    /// The `userInfo` key under which decoders find the `FactsTypes`.
    public static let userInfoKey = CodingUserInfoKey(rawValue: "redline.factsTypes")!
}

extension FileFacts: Codable {
    private enum Keys: String, CodingKey { case path, facts }

    private struct RuleKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the facts of the rules `FactsTypes` knows; facts of other rules (not enabled in
    /// this run) are passed over.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        path = try container.decode(String.self, forKey: .path)
        byRule = [:]
        guard let types = decoder.userInfo[FactsTypes.userInfoKey] as? FactsTypes else { return }
        let rules = try container.nestedContainer(keyedBy: RuleKey.self, forKey: .facts)
        for key in rules.allKeys {
            guard let decode = types.decoders[key.stringValue] else { continue }
            byRule[key.stringValue] = try decode(try rules.superDecoder(forKey: key))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(path, forKey: .path)
        var rules = container.nestedContainer(keyedBy: RuleKey.self, forKey: .facts)
        for id in byRule.keys.sorted() {
            try byRule[id]!.encode(to: rules.superEncoder(forKey: RuleKey(stringValue: id)))
        }
    }
}

/// A file checked: its result and its facts.
public struct CheckedFile: Sendable {
    public var result: FileResult
    public var facts: FileFacts
}

/// What became of one input.
public enum FileOutcome: Sendable {
    case checked(CheckedFile)
    case failed(InputError)
    /// Passed over on purpose (a binary file), with the reason.
    case skipped(InputError)
}

/// A cross-document rule with its facts type erased, so the engine can hold several.
protocol RunRuleBox: Sendable {
    func collect(_ document: Document, options: CheckOptions) -> any Codable & Sendable
    func judge(_ facts: [(path: String, facts: any Codable & Sendable)], options: CheckOptions) -> [Diagnostic]
    var decodeFacts: FactsTypes.Decode { get }
    func links(_ facts: any Codable & Sendable) -> [[UInt64]]?
    var unlinkedFacts: (any Codable & Sendable)? { get }
}

struct ConcreteRunRuleBox<R: RunJudging>: RunRuleBox {
    let rule: R
    func collect(_ document: Document, options: CheckOptions) -> any Codable & Sendable {
        rule.collect(document, options: options)
    }
    func judge(_ facts: [(path: String, facts: any Codable & Sendable)], options: CheckOptions) -> [Diagnostic] {
        rule.judge(facts.compactMap { item in (item.facts as? R.Facts).map { (item.path, $0) } }, options: options)
    }
    var decodeFacts: FactsTypes.Decode { { try R.Facts(from: $0) } }
    func links(_ facts: any Codable & Sendable) -> [[UInt64]]? {
        (facts as? R.Facts).flatMap { rule.links($0) }
    }
    var unlinkedFacts: (any Codable & Sendable)? { rule.unlinkedFacts }
}
