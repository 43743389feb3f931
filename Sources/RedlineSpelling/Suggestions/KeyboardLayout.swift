/// Which letters sit next to each other on a keyboard: the dictionary's `KEY` rows when it
/// gives them, else QWERTY. Rows are staggered as on a real keyboard, so `f` neighbours
/// `d`, `g`, `r`, `t`, `c` and `v`.
struct KeyboardLayout: Sendable {
    static let qwerty = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    private var positions: [UInt32: (row: Int, x: Double)] = [:]

    init(rows: [String]) {
        let rows = rows.isEmpty ? Self.qwerty : rows
        let offsets = [0.0, 0.3, 0.8, 1.1]
        for (r, row) in rows.enumerated() {
            for (c, s) in row.unicodeScalars.enumerated() where positions[s.value] == nil {
                positions[s.value] = (r, Double(c) + offsets[min(r, offsets.count - 1)])
            }
        }
    }

    /// Whether two (lowercase) letters are neighbouring keys.
    func areNeighbours(_ a: UInt32, _ b: UInt32) -> Bool {
        guard a != b, let p = positions[a], let q = positions[b] else { return false }
        if p.row == q.row { return abs(p.x - q.x) < 1.01 }
        return abs(p.row - q.row) == 1 && abs(p.x - q.x) < 0.9
    }
}
