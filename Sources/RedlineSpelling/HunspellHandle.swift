import CHunspell
import Foundation

/// One Hunspell handle. Not thread-safe: `SpellChecker` lends each handle to one thread at a time.
///
/// Hunspell 1.7 also shares a counter between handles while they are created or destroyed,
/// so creation and destruction are serialised behind `lifecycleLock`.
final class HunspellHandle {
    private static let lifecycleLock = NSLock()
    private let handle: OpaquePointer

    /// Opens a dictionary; the caller has checked that both files exist.
    init(affixPath: String, dictionaryPath: String) {
        Self.lifecycleLock.lock()
        handle = Hunspell_create(affixPath, dictionaryPath)
        Self.lifecycleLock.unlock()
    }

    deinit {
        Self.lifecycleLock.lock()
        Hunspell_destroy(handle)
        Self.lifecycleLock.unlock()
    }

    /// Whether the dictionary accepts the word (UTF-8). Words of 300 bytes or more are never accepted.
    func spell(_ word: String) -> Bool {
        word.withCString { Hunspell_spell(handle, $0) != 0 }
    }

    /// Hunspell's own suggestions, best first.
    func suggest(_ word: String) -> [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let n = word.withCString { Hunspell_suggest(handle, &list, $0) }
        defer { if n > 0 { Hunspell_free_list(handle, &list, n) } }
        guard n > 0, let list else { return [] }
        return (0..<Int(n)).compactMap { list[$0].map { String(cString: $0) } }
    }

    /// Adds a word at run time ("Foo" then accepts Foo and FOO, not foo).
    func add(_ word: String) {
        _ = word.withCString { Hunspell_add(handle, $0) }
    }

    /// Adds a word that takes the affixes of `example` (e.g. a name with its possessive).
    func add(_ word: String, like example: String) {
        _ = word.withCString { w in example.withCString { e in Hunspell_add_with_affix(handle, w, e) } }
    }
}
