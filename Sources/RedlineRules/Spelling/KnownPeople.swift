import Foundation

/// Public figures by given name, from `Rules/names/people.txt` (one "Given … Surname" per
/// line), so that "Antonio Guterrez" can be matched with "Antonio Guterres".
final class KnownPeople: Sendable {
    /// Given name → surnames of the people who have it.
    private let surnamesByGivenName: [String: [String]]
    /// Every surname in the table.
    let surnames: Set<String>

    init(dataDirectory: String) {
        var table: [String: [String]] = [:]
        let path = dataDirectory + "/Rules/names/people.txt"
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 2, let given = words.first, let surname = words.last else { continue }
            table[given, default: []].append(surname)
        }
        surnamesByGivenName = table.mapValues { Array(Set($0)).sorted() }
        surnames = Set(table.values.joined())
    }

    func surnames(ofGivenName given: String) -> [String] { surnamesByGivenName[given] ?? [] }
}
