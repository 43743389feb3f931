/// A read-only trie of words stored as letter codes, with a search for every word within a
/// small edit distance of a query (Damerau–Levenshtein with adjacent transpositions).
///
/// Nodes live in flat arrays, each node's children side by side (about 18 bytes a node);
/// a word is identified by its key, numbered in the order `LetterTrieBuilder` received them.
struct LetterTrie: Sendable {
    // Read by `SuggestionIndexCodec`, which stores all but `parents` and `keyOfNode` (derived).
    let labels: [UInt16]
    let firstChild: [Int32]
    let childCount: [UInt16]
    private let parents: [Int32]
    private let keyOfNode: [Int32]
    let nodeOfKey: [Int32]
    /// Length of the shortest and longest word in each node's subtree.
    let minLength: [UInt8]
    let maxLength: [UInt8]

    init(labels: [UInt16], firstChild: [Int32], childCount: [UInt16], parents: [Int32], keyOfNode: [Int32],
         nodeOfKey: [Int32], minLength: [UInt8], maxLength: [UInt8]) {
        self.labels = labels
        self.firstChild = firstChild
        self.childCount = childCount
        self.parents = parents
        self.keyOfNode = keyOfNode
        self.nodeOfKey = nodeOfKey
        self.minLength = minLength
        self.maxLength = maxLength
    }

    /// A trie from stored arrays (`SuggestionIndexCodec`), deriving each node's parent and key;
    /// nil when the arrays do not describe a trie (children outside the node table, a key's node
    /// out of range or held by two keys, arrays of different lengths).
    init?(labels: [UInt16], firstChild: [Int32], childCount: [UInt16], nodeOfKey: [Int32], minLength: [UInt8],
          maxLength: [UInt8]) {
        let count = labels.count
        guard count > 0, firstChild.count == count, childCount.count == count, minLength.count == count,
              maxLength.count == count, count < Int(Int32.max) else { return nil }
        var parents = [Int32](repeating: -1, count: count)
        for node in 0..<count {
            let first = Int(firstChild[node]), children = Int(childCount[node])
            guard first >= 1, first + children <= count else { return nil }
            for child in first..<(first + children) {
                guard parents[child] < 0, child > node else { return nil }
                parents[child] = Int32(node)
            }
        }
        var keyOfNode = [Int32](repeating: -1, count: count)
        for (key, node) in nodeOfKey.enumerated() {
            guard node > 0, Int(node) < count, keyOfNode[Int(node)] < 0 else { return nil }
            keyOfNode[Int(node)] = Int32(key)
        }
        self.init(labels: labels, firstChild: firstChild, childCount: childCount, parents: parents, keyOfNode: keyOfNode,
                  nodeOfKey: nodeOfKey, minLength: minLength, maxLength: maxLength)
    }

    var nodeCount: Int { labels.count }
    var keyCount: Int { nodeOfKey.count }
    /// Approximate bytes held by the arrays.
    var memoryBytes: Int { labels.count * 18 + nodeOfKey.count * 4 }

    /// The key of a word, or nil when the trie does not hold it.
    func lookup<C: Collection>(_ codes: C) -> Int32? where C.Element == UInt16 {
        var node = 0
        for code in codes {
            // Children are sorted by letter.
            var low = Int(firstChild[node]), high = low + Int(childCount[node])
            while low < high {
                let mid = (low + high) / 2
                if labels[mid] < code { low = mid + 1 } else { high = mid }
            }
            guard low < Int(firstChild[node]) + Int(childCount[node]), labels[low] == code else { return nil }
            node = low
        }
        let key = keyOfNode[node]
        return key >= 0 ? key : nil
    }

    /// The letter codes of a key.
    func codes(ofKey key: Int32) -> [UInt16] {
        var result: [UInt16] = []
        var node = nodeOfKey[Int(key)]
        while node > 0 {
            result.append(labels[Int(node)])
            node = parents[Int(node)]
        }
        return result.reversed()
    }

    /// Calls `found` with every key within `maxDistance` edits of `query` (insertions,
    /// deletions, substitutions, adjacent transpositions), and the distance. Words whose first
    /// letter is not in `widerFirst` are searched with `narrowDistance` edits instead (the
    /// first letter is rarely the wrong one); `skipNarrow` leaves them out altogether.
    ///
    /// Only the diagonal band of the distance table that can stay within the limit is computed,
    /// and a branch is abandoned as soon as its band, with the length of the words below it,
    /// cannot stay within the limit.
    func search(_ query: [UInt16], maxDistance: Int, widerFirst: [UInt16]? = nil, narrowDistance: Int = 0,
                skipWider: Bool = false, skipNarrow: Bool = false, _ found: (Int32, Int) -> Void) {
        let m = query.count
        let width = m + 1
        let k = maxDistance
        let maxDepth = m + k
        let inf = Int32(k + 1)
        var rows = [Int32](repeating: inf, count: (maxDepth + 1) * width)
        for j in 0...m { rows[j] = Int32(min(j, k + 1)) }
        var path = [UInt16](repeating: 0, count: maxDepth + 1)
        // The nodes still to visit, with their depth and edit limit: a plain buffer (this loop
        // visits thousands of nodes a query; an array's append and popLast cost more than the
        // visit's arithmetic).
        var stack = SearchStack()
        defer { stack.release() }
        let rootStart = Int(firstChild[0])
        for c in (rootStart..<(rootStart + Int(childCount[0]))).reversed() {
            let wide = widerFirst.map { $0.contains(labels[c]) } ?? true
            if wide ? skipWider : skipNarrow { continue }
            stack.push(Int32(c), 1, Int32(wide ? k : min(k, narrowDistance)))
        }

        labels.withUnsafeBufferPointer { labels in
        firstChild.withUnsafeBufferPointer { firstChild in
        childCount.withUnsafeBufferPointer { childCount in
        keyOfNode.withUnsafeBufferPointer { keyOfNode in
        minLength.withUnsafeBufferPointer { minLength in
        maxLength.withUnsafeBufferPointer { maxLength in
        query.withUnsafeBufferPointer { q in
        rows.withUnsafeMutableBufferPointer { rows in
        path.withUnsafeMutableBufferPointer { path in
            while stack.count > 0 {
                let (node32, depth32, limit) = stack.pop()
                let node = Int(node32), d = Int(depth32)
                let c = labels[node]
                path[d] = c
                // Wrapping arithmetic: every value is a small distance or index (no overflow checks).
                let row = d &* width, prev = row &- width
                let lo = max(1, d &- k), hi = min(m, d &+ k)
                let shortest = Int(minLength[node]) &- d, longest = Int(maxLength[node]) &- d
                let first: Int32 = d <= k ? Int32(truncatingIfNeeded: d) : inf
                rows[row] = first
                // Lower bound of the cost of any word below: cost so far plus the length gap.
                var bound = first &+ Int32(truncatingIfNeeded: max(0, m &- longest, shortest &- m))
                if lo <= hi {
                    if lo > 1 { rows[row &+ lo &- 1] = inf }
                    let before = d > 1 ? path[d &- 1] : 0
                    var j = lo
                    while j <= hi {
                        var v = rows[prev &+ j &- 1] &+ (q[j &- 1] == c ? 0 : 1)
                        let up = rows[prev &+ j] &+ 1
                        if up < v { v = up }
                        let left = rows[row &+ j &- 1] &+ 1
                        if left < v { v = left }
                        if d > 1 && j > 1 && q[j &- 1] == before && q[j &- 2] == c {
                            let t = rows[prev &- width &+ j &- 2] &+ 1
                            if t < v { v = t }
                        }
                        if v > inf { v = inf }
                        rows[row &+ j] = v
                        let rest = m &- j
                        let gap = Int32(truncatingIfNeeded: max(0, rest &- longest, shortest &- rest))
                        if v &+ gap < bound { bound = v &+ gap }
                        j &+= 1
                    }
                    if hi < m { rows[row &+ hi &+ 1] = inf }
                }
                if bound > limit { continue }
                let key = keyOfNode[node]
                if key >= 0 && d >= m - k && d <= m + k && rows[row + m] <= limit { found(key, Int(rows[row + m])) }
                if d < maxDepth {
                    let start = Int(firstChild[node])
                    var i = start + Int(childCount[node])
                    while i > start { i &-= 1; stack.push(Int32(truncatingIfNeeded: i), Int32(truncatingIfNeeded: d &+ 1), limit) }
                }
            }
        }}}}}}}}}
    }
}

/// The work list of `LetterTrie.search`: (node, depth, limit) triples in a buffer that grows
/// by doubling; `release` frees it.
private struct SearchStack {
    private var base = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * 512)
    private var capacity = 512
    private(set) var count = 0

    mutating func push(_ node: Int32, _ depth: Int32, _ limit: Int32) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: 6 * capacity)
            grown.moveInitialize(from: base, count: 3 * count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        let at = base + 3 * count
        at[0] = node
        at[1] = depth
        at[2] = limit
        count += 1
    }

    /// The last pushed triple; the stack must not be empty.
    mutating func pop() -> (Int32, Int32, Int32) {
        count -= 1
        let at = base + 3 * count
        return (at[0], at[1], at[2])
    }

    func release() { base.deallocate() }
}
