import Foundation
import RedlineCore

/// The spellings of one document that may be renderings of one name, as profiles for
/// `NameEvidence`: the shared first step of the names rules.
struct DocumentNames: Sendable {
    let scan: NameScan
    /// Form indexes (into `scan.forms`) that share a skeleton or a table group with another form.
    let candidates: [Int]
    /// Table groups of every form.
    let groups: [[Int32]]

    init(_ document: Document, evidence: NameEvidence) {
        let table = evidence.table
        scan = NameScan(document, isOrdinary: evidence.isOrdinary)
        var groups: [[Int32]] = []
        groups.reserveCapacity(scan.forms.count)
        var seen: [UInt64: Int] = [:] // skeleton or group → first form, or -1 once two are seen
        seen.reserveCapacity(scan.forms.count + scan.forms.count / 2)
        var candidates = Set<Int>()
        func note(_ key: UInt64, _ form: Int) {
            if let first = seen[key] {
                if first >= 0 && first != form {
                    candidates.insert(first)
                    seen[key] = -1
                }
                candidates.insert(form)
            } else {
                seen[key] = form
            }
        }
        for (i, f) in scan.forms.enumerated() {
            let g = table.groups(forKey: f.key, skeleton: f.skeleton)
            groups.append(g)
            note(f.skeleton, i)
            for id in g { note(UInt64(UInt32(bitPattern: id)) | (1 << 63), i) }
        }
        self.groups = groups
        self.candidates = candidates.sorted()
    }

    /// The names of a document, scanned once: names.inconsistent and names.repo-inconsistent's
    /// collection read the same scan (kept by the evidence's `scans`, see `RecentDocuments`).
    static func of(_ document: Document, evidence: NameEvidence) -> DocumentNames {
        evidence.scans.value(for: document) { DocumentNames(document, evidence: evidence) }
    }

    /// Profiles of the given forms.
    func profiles(_ forms: [Int], in document: Document) -> [FormProfile] {
        var profiles = forms.map { i -> FormProfile in
            let f = scan.forms[i]
            return FormProfile(text: scan.text(form: i, in: document), key: f.key, skeleton: f.skeleton, letters: f.letters,
                               count: f.count, midSentence: f.midSentence, groups: groups[i])
        }
        var position: [Int32: Int] = [:]
        for (k, i) in forms.enumerated() { position[Int32(i)] = k }
        for o in scan.occurrences {
            if let k = position[o.form] { profiles[k].add(o) }
        }
        return profiles
    }
}
