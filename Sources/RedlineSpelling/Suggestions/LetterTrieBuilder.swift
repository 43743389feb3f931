/// Collects words (as letter codes) for a `LetterTrie`: a growable trie with linked children,
/// fast to insert into, turned into the compact read-only layout by `build()`.
struct LetterTrieBuilder {
    private var labels: [UInt16] = [0]
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var keyOfNode: [Int32] = [-1]
    /// The root's children by letter code, for speed (the root has the most children).
    private var rootChildren: [Int32] = []
    private(set) var keyCount = 0

    init() {
        labels.reserveCapacity(1 << 19)
        firstChild.reserveCapacity(1 << 19)
        nextSibling.reserveCapacity(1 << 19)
        keyOfNode.reserveCapacity(1 << 19)
    }

    /// Inserts a word; returns its key (numbered from 0 in insertion order) and whether it is new.
    mutating func insert<C: Collection>(_ codes: C) -> (key: Int32, isNew: Bool) where C.Element == UInt16 {
        var node: Int32 = 0
        var iterator = codes.makeIterator()
        if let first = iterator.next() {
            let slot = Int(first)
            if slot >= rootChildren.count { rootChildren += [Int32](repeating: -1, count: slot + 1 - rootChildren.count) }
            node = rootChildren[slot]
            if node < 0 {
                node = newNode(first, parent: 0)
                rootChildren[slot] = node
            }
        }
        while let code = iterator.next() {
            var child = firstChild[Int(node)]
            while child >= 0 && labels[Int(child)] != code { child = nextSibling[Int(child)] }
            if child < 0 { child = newNode(code, parent: node) }
            node = child
        }
        if keyOfNode[Int(node)] >= 0 { return (keyOfNode[Int(node)], false) }
        let key = Int32(keyCount)
        keyCount += 1
        keyOfNode[Int(node)] = key
        return (key, true)
    }

    private mutating func newNode(_ code: UInt16, parent: Int32) -> Int32 {
        let node = Int32(labels.count)
        labels.append(code)
        firstChild.append(-1)
        nextSibling.append(firstChild[Int(parent)])
        keyOfNode.append(-1)
        firstChild[Int(parent)] = node
        return node
    }

    /// The compact trie: each node's children stored together, sorted by letter, subtrees
    /// laid out depth first.
    func build() -> LetterTrie {
        let count = labels.count
        var newLabels = [UInt16](repeating: 0, count: count)
        var newFirst = [Int32](repeating: 0, count: count)
        var newCount = [UInt16](repeating: 0, count: count)
        var newParent = [Int32](repeating: -1, count: count)
        var newKey = [Int32](repeating: -1, count: count)
        var nodeOfKey = [Int32](repeating: -1, count: keyCount)
        var minLength = [UInt8](repeating: .max, count: count)
        var maxLength = [UInt8](repeating: 0, count: count)
        var next: Int32 = 1
        // (old node, new node, depth); children blocks are placed when a node is visited.
        var stack: [(old: Int32, new: Int32, depth: Int)] = [(0, 0, 0)]
        var postOrder: [(new: Int32, depth: Int)] = []
        postOrder.reserveCapacity(count)
        var children: [(label: UInt16, node: Int32)] = []
        while let (old, new, depth) = stack.popLast() {
            newLabels[Int(new)] = labels[Int(old)]
            let key = keyOfNode[Int(old)]
            newKey[Int(new)] = key
            if key >= 0 { nodeOfKey[Int(key)] = new }
            children.removeAll(keepingCapacity: true)
            if old == 0 {
                for c in rootChildren where c >= 0 { children.append((labels[Int(c)], c)) }
            } else {
                var c = firstChild[Int(old)]
                while c >= 0 { children.append((labels[Int(c)], c)); c = nextSibling[Int(c)] }
            }
            // Insertion sort: most nodes have a handful of children.
            for i in children.indices.dropFirst() {
                let item = children[i]
                var j = i
                while j > 0 && children[j - 1].label > item.label { children[j] = children[j - 1]; j -= 1 }
                children[j] = item
            }
            newFirst[Int(new)] = next
            newCount[Int(new)] = UInt16(children.count)
            for (i, c) in children.map(\.node).enumerated().reversed() {
                let placed = next + Int32(i)
                newParent[Int(placed)] = new
                stack.append((c, placed, depth + 1))
            }
            next += Int32(children.count)
            postOrder.append((new, depth))
        }
        // Shortest and longest word below each node, children before parents.
        for (node, depth) in postOrder.reversed() {
            let d = UInt8(min(depth, 255))
            if newKey[Int(node)] >= 0 { minLength[Int(node)] = min(minLength[Int(node)], d); maxLength[Int(node)] = max(maxLength[Int(node)], d) }
            let p = newParent[Int(node)]
            if p >= 0 {
                minLength[Int(p)] = min(minLength[Int(p)], minLength[Int(node)])
                maxLength[Int(p)] = max(maxLength[Int(p)], maxLength[Int(node)])
            }
        }
        return LetterTrie(labels: newLabels, firstChild: newFirst, childCount: newCount, parents: newParent,
                          keyOfNode: newKey, nodeOfKey: nodeOfKey, minLength: minLength, maxLength: maxLength)
    }
}
