import RedlineCore

/// One count stated in the text: "at least 23 people were injured", "killing five",
/// "539 drones", "the 23 injured".
public struct CountMention: Sendable, Hashable {
    public var number: NumberPhrase
    public var qualifier: Qualifier
    /// The values the statement allows (qualifier applied).
    public var interval: NumberInterval
    /// First token (the qualifier's, when there is one).
    public var start: Int
    /// Just past the counted noun (or the number, when no noun follows).
    public var end: Int
    /// The group of the counted noun (`things.tsv`), or its singular form; nil when none.
    public var thing: String?
    /// The group of what happened to it (`events.tsv`), or nil.
    public var event: String?
    /// Part of a larger count ("45 of them", "another 12", "two more"): not a restatement.
    public var isSubset: Bool
    /// The whole of "N of the M" (M).
    public var isWhole: Bool
    /// A change marker ("rose to", "later", "revised") is in its sentence.
    public var changeMarked: Bool
    public var sentence: Int32
    /// Index of the coordinated list it belongs to ("539 drones and 11 missiles").
    public var list: Int
    /// Places named with it: in its clause, between the counts before and after it ("five were
    /// killed in Kharkiv and three in Sumy": Kharkiv for five, Sumy for three).
    public var places: Set<String> = []

    /// The thing, with people understood for events that happen to people ("five were killed").
    public func thingOrDefault(_ peopleEvents: Set<String>) -> String? {
        if let thing { return thing }
        if let event, peopleEvents.contains(event) { return "people" }
        return nil
    }
}

/// "N of the M …", "N out of M", "N of the wounded", "N of them": a part and its whole.
public struct PartWhole: Sendable, Hashable {
    public enum Whole: Sendable, Hashable {
        /// An explicit number: index of its mention.
        case mention(Int)
        /// Things counted elsewhere in the article ("of the drones and missiles").
        case things([String])
        /// An event's count ("of the wounded").
        case event(String)
        /// "of them", "of whom": the count before it in the sentence (index of its mention).
        case pronoun(Int)
    }
    /// Index of the part's mention.
    public var part: Int
    public var whole: Whole
    /// Tokens of the whole, for the message (first, just past the last).
    public var wholeStart: Int
    public var wholeEnd: Int
}

/// "N% of the …": a share, and the noun it is a share of.
public struct ShareMention: Sendable, Hashable {
    public var number: NumberPhrase
    public var noun: String
    public var start: Int
    public var end: Int
}

/// Everything the count rules need from one document.
public struct CountExtraction: Sendable {
    public var mentions: [CountMention] = []
    public var partWholes: [PartWhole] = []
    public var shares: [ShareMention] = []
    /// Places named: capitalised names after "in", "at", "near", … (token index → name).
    public var placeTokens: [(token: Int, name: String)] = []
    /// The capitalised words of the title and the lead sentence: where the story happens, and
    /// so where a count that names no place is placed.
    public var storyPlaces: Set<String> = []
    /// Per sentence: times named (months, weekdays, "yesterday").
    public var times: [Int32: Set<String>] = [:]
    /// Per sentence: years named ("in 1998").
    public var years: [Int32: Set<String>] = [:]
}

/// Finds counts, parts and wholes, and shares in a `NumberText`, in one pass.
public struct CountExtractor: Sendable {
    public let vocabulary: NumberVocabulary
    let measures: MeasureScanner

    public init(vocabulary: NumberVocabulary) {
        self.vocabulary = vocabulary
        measures = MeasureScanner(vocabulary: vocabulary)
    }

    /// Words that end a noun phrase.
    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "than",
        "that", "which", "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "had", "has", "have",
        "will", "would", "could", "should", "may", "might", "must", "can", "said", "says", "say", "after", "before",
        "during", "since", "while", "when", "where", "into", "over", "under", "about", "per", "each", "more", "less",
        "fewer", "other", "others", "also", "not", "no", "it", "its", "their", "his", "her", "they", "them", "this",
        "these", "those", "there", "here", "so", "such", "up", "down", "out", "off", "all", "both", "some", "many",
        "most", "few", "only", "just", "still", "already", "now", "then", "ago", "earlier", "later", "last", "next",
        "if", "we", "you", "i", "he", "she", "do", "did", "does", "against", "between", "among", "across", "through",
        "including", "around", "near", "behind", "via", "like", "unlike", "whether", "because", "until", "within",
        "without", "towards", "toward", "onto", "upon", "amid", "despite", "yet", "again", "ever", "never", "very",
        "too", "own", "same", "what", "how", "why", "any", "every", "either", "neither", "nor", "once", "twice",
        "respectively", "apiece", "alone", "times", "percent", "cent", "pc", "altogether", "overall", "combined", "total",
        "together", "instead",
    ]
    /// Words before a number that make it a label, not a count ("No 10", "page 5").
    static let labelWords: Set<String> = [
        "no", "number", "page", "room", "flight", "route", "channel", "chapter", "article", "section", "platform",
        "gate", "version", "level", "grade", "size", "category", "episode", "season", "series", "vol", "volume",
        "highway", "junction", "exit", "division", "figure", "table", "row", "seat", "line", "bus", "track",
        "formula", "mark", "week", "day", "stage", "round", "aged", "age", "ages", "between", "scored", "score",
    ]
    static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "your", "these", "those", "my", "all"]
    static let wholeAdjectives: Set<String> = [
        "top", "last", "first", "remaining", "original", "total", "estimated", "reported", "other", "next", "initial",
        "confirmed", "registered", "eligible", "known", "current", "planned", "proposed", "available", "existing",
    ]
    static let locatives: Set<String> = ["in", "at", "near", "outside", "across", "around", "throughout", "inside", "from"]
    static let timeWords: Set<String> = ["yesterday", "today", "tonight", "tomorrow"]
    static let connectors: Set<String> = [",", "and", "or", "plus", "as", "well"]
    /// Words that may stand between an event and its number: "killed a total of 23", "the
    /// death toll stands at 23", "injuring at least 23".
    static let beforeEventGap: Set<String> = [
        "a", "total", "of", "the", "at", "least", "an", "estimated", "some", "about", "around", "nearly", "more", "than",
        "over", "up", "to", "as", "many", "almost", "approximately", "roughly", "another", "further", "just", "only",
        "for", "and", "stands", "stood", "is", "was", "now", "officially", "reportedly", "confirmed", "put",
    ]
    /// "N of them", "N of whom", "N of which": the whole is the count before.
    static let pronouns: Set<String> = ["them", "whom", "which"]
    /// Words after a count that end the search for what happened to it.
    static let afterEventStops: Set<String> = ["and", "or", "but", "who", "which", "that", "while", "after", "before", "when",
                                                "than", "as", "of", "in"]
    static let auxiliaries: Set<String> = ["were", "was", "are", "is", "had", "have", "has", "been", "be", "will", "would"]

    public func extract(_ text: NumberText) -> CountExtraction {
        var out = CountExtraction()
        var changeMarked: [Int32: Bool] = [:]
        sentenceFacts(text, into: &out)
        var wholeStarts: [(partMention: Int, wholeToken: Int, wholeStart: Int)] = []
        var wholeAt: Set<Int> = []
        var skipUntil = 0
        let dateTokens = dateDayTokens(text)
        var i = 0
        while i < text.count {
            defer { i += 1 }
            guard i >= skipUntil else { continue }
            let token = text.tokens[i]
            guard token.kind == .number || token.kind == .word else { continue }
            if token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.sentenceStart) { continue }
            // Most words cannot start a number: skip them without a call to the parser.
            if token.kind == .word && !text.has(i, .numberStart) { continue }
            guard let number = NumberParser.parse(text, at: i) else { continue }
            if dateTokens.contains(i) { skipUntil = number.end; continue }
            // Shares: "40% of the vote", "120 per cent of voters".
            if number.kind == .percent {
                if text[number.end] == "of", let (noun, end) = shareNoun(text, from: number.end + 1) {
                    out.shares.append(ShareMention(number: number, noun: noun, start: i, end: end))
                }
                skipUntil = number.end
                continue
            }
            guard number.kind == .amount || number.kind == .fraction || number.kind == .currency else {
                skipUntil = number.end
                continue
            }
            guard var mention = mention(text, number, isWhole: wholeAt.contains(i)) else {
                skipUntil = number.end
                continue
            }
            // A change marker ("rose to", "later") anywhere in the sentence; looked up once a sentence.
            if let known = changeMarked[mention.sentence] {
                mention.changeMarked = known
            } else {
                let marked = vocabulary.changeMarkers.occurs(text, in: sentenceRange(text, around: i))
                changeMarked[mention.sentence] = marked
                mention.changeMarked = marked
            }
            let index = out.mentions.count
            out.mentions.append(mention)
            skipUntil = number.end
            // "N of the M …", "N out of M", "N of the wounded", "N of them".
            var k = number.end
            if text[k] == "out" && text[k + 1] == "of" { k += 1 }
            if text[k] == "of" && text.sameSentence(i, k + 1) && !number.isVague && (number.kind == .amount || number.kind == .fraction) {
                k += 1
                let wholeStart = k
                if Self.pronouns.contains(text[k]) {
                    if let previous = previousMention(out.mentions, before: index, sentence: mention.sentence) {
                        out.partWholes.append(PartWhole(part: index, whole: .pronoun(previous), wholeStart: k, wholeEnd: k + 1))
                        out.mentions[index].isSubset = true
                    }
                    continue
                }
                while Self.determiners.contains(text[k]) || (text.isWord(k) && text.tokens[k].flags.contains(.apostrophe) && text[k].hasSuffix("'s"))
                        || Self.wholeAdjectives.contains(text[k]) {
                    k += 1
                }
                guard text.sameSentence(i, k) else { continue }
                if let whole = NumberParser.parse(text, at: k), whole.kind == .amount, !whole.looksLikeYear, !dateTokens.contains(k) {
                    wholeStarts.append((index, k, wholeStart))
                    wholeAt.insert(k)
                } else if text[wholeStart] == "the" || Self.determiners.contains(text[wholeStart]) || text[wholeStart].hasSuffix("'s") {
                    if let (whole, end) = implicitWhole(text, from: k) {
                        out.partWholes.append(PartWhole(part: index, whole: whole, wholeStart: wholeStart, wholeEnd: end))
                    }
                }
            }
        }
        // Link explicit wholes to their mentions.
        for w in wholeStarts {
            guard let m = out.mentions.firstIndex(where: { $0.number.start == w.wholeToken }) else { continue }
            out.partWholes.append(PartWhole(part: w.partMention, whole: .mention(m), wholeStart: w.wholeStart, wholeEnd: out.mentions[m].end))
        }
        out.partWholes.sort { $0.part < $1.part }
        // The part takes the predicate after its whole: "14 of the 23 injured people were taken
        // to hospital", "14 of the wounded were taken to hospital".
        for pw in out.partWholes {
            var part = out.mentions[pw.part]
            // After the whole, a predicate ("… were taken to hospital") is the part's; a bare
            // participle ("of the drones launched by Russia") describes the whole.
            var afterWhole: String? = nil
            if part.event == nil || Self.auxiliaries.contains(text[pw.wholeEnd]) {
                afterWhole = afterEvent(text, from: pw.wholeEnd, sentence: part.sentence)
            }
            if let afterWhole { part.event = afterWhole }
            switch pw.whole {
            case .mention(let m):
                let whole = out.mentions[m]
                if part.thing == nil { part.thing = whole.thing }
                if part.event == nil { part.event = whole.event }
                // The same event as its whole: a subset of it ("45 of the 60 arrested were …").
                if part.event == whole.event { part.isSubset = true }
            case .event(let e):
                if part.thing == nil { part.thing = "people" }
                if part.event == nil || part.event == e { part.event = e; part.isSubset = true }
            case .things(let t):
                if t.count == 1 && part.thing == nil { part.thing = t[0] }
            case .pronoun:
                part.isSubset = true
            }
            out.mentions[pw.part] = part
        }
        groupLists(text, &out.mentions)
        placeMentions(text, &out)
        return out
    }

    /// Gives each count the places named with it: in its clause between the counts around it
    /// ("five in Kharkiv and three in Sumy"); else later in its clause ("191 killed and 2,000
    /// injured in Madrid"); else earlier in its sentence ("In Odesa, 12 people were hurt").
    private func placeMentions(_ text: NumberText, _ out: inout CountExtraction) {
        guard !out.placeTokens.isEmpty else { return }
        for m in out.mentions.indices {
            let mention = out.mentions[m]
            let clause = clauseRange(text, around: mention.number.start)
            var from = clause.lowerBound, to = clause.upperBound
            let previousEnd = m > 0 && out.mentions[m - 1].sentence == mention.sentence ? out.mentions[m - 1].end : -1
            if previousEnd > from, previousEnd <= mention.start { from = previousEnd }
            if m + 1 < out.mentions.count, out.mentions[m + 1].start < to, out.mentions[m + 1].start >= mention.end { to = out.mentions[m + 1].start }
            var places = Set(out.placeTokens.filter { $0.token >= from && $0.token < to }.map(\.name))
            if places.isEmpty {
                places = Set(out.placeTokens.filter { $0.token >= mention.end && $0.token < clause.upperBound }.map(\.name))
            }
            if places.isEmpty {
                places = Set(out.placeTokens.filter {
                    $0.token < mention.start && $0.token > previousEnd && text.sentence[$0.token] == mention.sentence
                }.map(\.name))
            }
            out.mentions[m].places = places
        }
    }

    // MARK: - One count

    private func mention(_ text: NumberText, _ number: NumberPhrase, isWhole: Bool) -> CountMention? {
        let i = number.start
        // Labels and names: "No 10", "Apollo 11", "Windows 95".
        if !isWhole && i > 0 && text.tokens[i - 1].kind == .word && text.sameSentence(i - 1, i) {
            let prevToken = text.tokens[i - 1]
            if prevToken.flags.contains(.capitalized) && !text.lower[i - 1].hasSuffix("'s") {
                // A name before the number ("Apollo 11"), unless the capital only opens the sentence
                // ("Nearly 100", "Another 12", "Killing 12").
                let opener = prevToken.flags.contains(.sentenceStart)
                    && (text.has(i - 1, .stop) || text.has(i - 1, .notName) || vocabulary.qualifiers.match(text, endingAt: i - 1) != nil
                        || vocabulary.subsetBefore.match(text, endingAt: i - 1) != nil || vocabulary.events.match(text, endingAt: i - 1) != nil)
                if !opener { return nil }
            }
            if Self.labelWords.contains(text.lower[i - 1]) { return nil }
        }
        // Compounds and ranges: "47-year-old", "10-day", "3-1", "20-30".
        if text.isPunctuation(number.end, "-") && text.adjacent(number.end - 1, number.end) { return nil }
        if text.isPunctuation(number.end, "/") && text.adjacent(number.end - 1, number.end) { return nil }
        if i > 0 && (text.isPunctuation(i - 1, "-") || text.isPunctuation(i - 1, "/") || text.isPunctuation(i - 1, ".")) && text.adjacent(i - 1, i) { return nil }
        if number.kind == .currency && !isWhole { return nil }
        // A measure, not a count: "20km", "20 miles", "1.3m (4.2ft)".
        if !number.suffix.isEmpty && number.suffix != "m" && number.suffix != "mn" { return nil }
        if measures.unit(text, at: number.end) != nil { return nil }
        if number.suffix == "m" && text.isPunctuation(number.end, "(") { return nil }
        // Qualifier before: "at least 23", "more than 500".
        var start = i
        var qualifier = Qualifier.exact
        if let q = vocabulary.qualifiers.match(text, endingAt: i - 1), text.sameSentence(q.start, i) {
            qualifier = q.value
            start = q.start
        }
        // The counted noun: a listed one in the next few words, else the last of a run of plain
        // lower-case words ("23 new cases" → case).
        var thing: String? = nil
        var knownThing = false
        var event: String? = nil
        var k = number.end
        var nounEnd = number.end
        var isSubset = false
        if number.isVague || number.isWords && number.value >= 100 {
            if text[k] == "of" { k += 1 }
            if text[k] == "the" { k += 1 }
        }
        var steps = 0
        var unknownRun: [String] = []
        while k < text.count && steps < 4 && text.sameSentence(i, k) && text.isWord(k) {
            if let sub = vocabulary.subsetAfter.match(text, at: k), steps == 0 {
                // "two more people", "12 others"
                isSubset = true
                k = sub.end
                steps += 1
                continue
            }
            if let t = vocabulary.things.match(text, at: k) {
                thing = t.value
                knownThing = true
                k = t.end
                nounEnd = k
                unknownRun = []
                break
            }
            if let e = vocabulary.events.match(text, at: k) {
                // "23 injured people", "23 deaths", "five dead"; a predicate ("… were killed")
                // is not part of the count's phrase.
                event = e.value
                if unknownRun.isEmpty && !Self.auxiliaries.contains(text[k]) {
                    k = e.end
                    nounEnd = k
                    steps += 1
                    continue
                }
                break
            }
            let w = text.lower[k]
            let flags = text.tokens[k].flags
            if text.has(k, .stop) || flags.contains(.capitalized) && !flags.contains(.allCaps) || text.has(k, .numberWord)
                || text.has(k, .scale) || !Self.isLetters(w) { break }
            unknownRun.append(w)
            k += 1
            nounEnd = k
            steps += 1
        }
        // A verb is no noun ("11 landed", "12 rising").
        if thing == nil, let head = unknownRun.last, unknownRun.count <= 2, !head.hasSuffix("ed"), !head.hasSuffix("ing") {
            thing = Self.singular(head)
        }
        if number.looksLikeYear && !knownThing { return nil }
        if number.kind == .fraction && thing == nil && event == nil { return nil }
        // A word "one" counts only before a noun ("one person") or as a part or whole ("one of", "of one").
        if number.isWords && number.value == 1 && thing == nil && event == nil && text[number.end] != "of" && !isWhole { return nil }
        // What happened: before ("injuring 23", "killed at least five") or after ("… were injured").
        if event == nil && !isWhole { event = beforeEvent(text, before: start, sentence: text.sentence[i]) }
        if event == nil && !isWhole { event = afterEvent(text, from: nounEnd, sentence: text.sentence[i]) }
        // Subsets: "another 12", "including 40", "12 of them", "alone".
        if let b = vocabulary.subsetBefore.match(text, endingAt: start - 1), text.sameSentence(b.start, i) { isSubset = true }
        if text[start - 1] == "the", let b = vocabulary.subsetBefore.match(text, endingAt: start - 2), text.sameSentence(b.start, i) { isSubset = true }
        if vocabulary.subsetAfter.match(text, at: nounEnd) != nil { isSubset = true }
        let clause = clauseRange(text, around: i)
        if vocabulary.subsetClause.occurs(text, in: clause) { isSubset = true }
        var interval = qualifier.apply(to: number.countValue)
        if number.kind == .fraction { interval = number.interval }
        return CountMention(number: number, qualifier: qualifier, interval: interval, start: start, end: max(nounEnd, number.end),
                            thing: thing, event: event, isSubset: isSubset, isWhole: isWhole, changeMarked: false,
                            sentence: text.sentence[i], list: -1)
    }

    /// An event phrase ending up to four tokens before `start` (not across a number or clause break).
    func beforeEvent(_ text: NumberText, before start: Int, sentence: Int32) -> String? {
        var k = start - 1
        var steps = 0
        while k >= 0 && steps < 4 && text.sentence[k] == sentence {
            if text.isClauseBreak(k) || text.isNumber(k) { return nil }
            if let e = vocabulary.events.match(text, endingAt: k), text.sentence[e.start] == sentence { return e.value }
            let w = text.lower[k]
            // Only small words may stand between the verb and the number ("killed a total of 23").
            if !Self.beforeEventGap.contains(w) { return nil }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// An event phrase in the next six tokens after `from`, within the clause.
    func afterEvent(_ text: NumberText, from: Int, sentence: Int32) -> String? {
        var k = from
        var steps = 0
        while k < text.count && steps < 6 && text.sentence[k] == sentence {
            if text.isClauseBreak(k) || text.isNumber(k) { return nil }
            if let e = vocabulary.events.match(text, at: k) { return e.value }
            let w = text.lower[k]
            if text.isWord(k) && text.tokens[k].flags.contains(.capitalized) { return nil }
            if Self.afterEventStops.contains(w) { return nil }
            if text.has(k, .numberWord) { return nil }
            k += 1
            steps += 1
        }
        return nil
    }

    /// "of the wounded", "of the drones and missiles": the whole named without a number.
    func implicitWhole(_ text: NumberText, from start: Int) -> (PartWhole.Whole, Int)? {
        var k = start
        var things: [String] = []
        // Up to two adjectives: "of the incoming drones".
        for _ in 0..<2 where text.isWord(k) && vocabulary.things.match(text, at: k) == nil && vocabulary.events.match(text, at: k) == nil
            && !text.has(k, .stop) && !text.tokens[k].flags.contains(.capitalized) {
            k += 1
        }
        while k < text.count && text.sameSentence(start, k) {
            if let t = vocabulary.things.match(text, at: k) {
                things.append(t.value)
                k = t.end
            } else if let e = vocabulary.events.match(text, at: k), things.isEmpty {
                // "of the wounded", "of the injured people".
                if let t = vocabulary.things.match(text, at: e.end), t.value != "people" { return (.things([t.value]), t.end) }
                return (.event(e.value), vocabulary.things.match(text, at: e.end)?.end ?? e.end)
            } else {
                break
            }
            if text[k] == "and" || text.isPunctuation(k, ",") , vocabulary.things.match(text, at: k + 1) != nil { k += 1; continue }
            break
        }
        return things.isEmpty ? nil : (.things(things), k)
    }

    /// The noun a share is of: "40% of the vote", "120% of voters".
    func shareNoun(_ text: NumberText, from start: Int) -> (String, Int)? {
        var k = start
        while Self.determiners.contains(text[k]) || text[k].hasSuffix("'s") || Self.wholeAdjectives.contains(text[k]) { k += 1 }
        guard text.isWord(k), text.sameSentence(start, k) else { return nil }
        if let t = vocabulary.things.match(text, at: k) { return (t.value, t.end) }
        if let e = vocabulary.events.match(text, at: k) { return (e.value, e.end) }
        let w = text.lower[k]
        if vocabulary.shareWholes.contains(w) { return (w, k + 1) }
        return nil
    }

    func previousMention(_ mentions: [CountMention], before index: Int, sentence: Int32) -> Int? {
        var m = index - 1
        while m >= 0 && mentions[m].sentence == sentence {
            if mentions[m].number.kind == .amount { return m }
            m -= 1
        }
        return nil
    }

    /// Coordinated counts share a list id, and an event stated once for the list.
    private func groupLists(_ text: NumberText, _ mentions: inout [CountMention]) {
        var list = 0
        for m in mentions.indices {
            if m > 0 && !mentions[m].isWhole && !mentions[m - 1].isWhole && mentions[m].sentence == mentions[m - 1].sentence
                && mentions[m - 1].end <= mentions[m].start {
                let gap = mentions[m - 1].end..<mentions[m].start
                if gap.count <= 3 && gap.allSatisfy({ Self.connectors.contains(text.lower[$0]) }) && !gap.isEmpty {
                    mentions[m].list = mentions[m - 1].list
                    continue
                }
            }
            list += 1
            mentions[m].list = list
        }
        // Share the event across a list: "fired 539 drones and 11 missiles", "nine missiles and 63 drones fired".
        var start = 0
        while start < mentions.count {
            var end = start + 1
            while end < mentions.count && mentions[end].list == mentions[start].list { end += 1 }
            if end - start > 1, let shared = mentions[end - 1].event ?? mentions[start].event {
                for m in start..<end where mentions[m].event == nil { mentions[m].event = shared }
            }
            start = end
        }
    }

    // MARK: - Sentences

    private func sentenceRange(_ text: NumberText, around i: Int) -> Range<Int> {
        var a = i, b = i
        while a > 0 && text.sentence[a - 1] == text.sentence[i] { a -= 1 }
        while b + 1 < text.count && text.sentence[b + 1] == text.sentence[i] { b += 1 }
        return a..<(b + 1)
    }

    private func clauseRange(_ text: NumberText, around i: Int) -> Range<Int> {
        var a = i, b = i
        while a > 0 && text.sentence[a - 1] == text.sentence[i] && !text.isClauseBreak(a - 1) { a -= 1 }
        while b + 1 < text.count && text.sentence[b + 1] == text.sentence[i] && !text.isClauseBreak(b + 1) { b += 1 }
        return a..<(b + 1)
    }

    /// Places and times named in each sentence, and the story's places.
    private func sentenceFacts(_ text: NumberText, into out: inout CountExtraction) {
        let (title, lead) = titleAndLead(text)
        for k in 0..<text.count where text.sentence[k] == title || text.sentence[k] == lead {
            if text.isWord(k) && text.tokens[k].flags.contains(.capitalized) && DatePhrases.month(text, k) == nil
                && DatePhrases.weekday(text, k) == nil && !text.has(k, .stop) && !text.has(k, .notName) && !text.has(k, .numberStart) {
                out.storyPlaces.insert(Self.withoutPossessive(text.lower[k]))
            }
        }
        for k in 0..<text.count {
            // Most tokens are no place word, time, date or number: one test of their classes.
            if !text.isNumber(k) && text.classes[k].isDisjoint(with: Self.factClasses) { continue }
            let s = text.sentence[k]
            if text.has(k, .locative) && (!text.tokens[k].flags.contains(.capitalized) || text.tokens[k].flags.contains(.sentenceStart)) {
                var j = k + 1
                var steps = 0
                while j < text.count && text.sentence[j] == s && steps < 6 && text.isWord(j) {
                    if text.tokens[j].flags.contains(.capitalized) {
                        if DatePhrases.month(text, j) == nil && DatePhrases.weekday(text, j) == nil {
                            out.placeTokens.append((j, Self.withoutPossessive(text.lower[j])))
                        }
                        break
                    }
                    j += 1
                    steps += 1
                }
            }
            if text.has(k, .timeWord) || DatePhrases.weekday(text, k) != nil || DatePhrases.month(text, k) != nil {
                out.times[s, default: []].insert(text.lower[k])
            }
            if text.isNumber(k), case let w = text.lower[k], w.count == 4, let v = Int(w), (1900...2100).contains(v) {
                out.years[s, default: []].insert(w)
            }
        }
    }

    /// The classes of the words `sentenceFacts` reads (besides numbers).
    private static let factClasses: WordClass = [.locative, .timeWord, .weekday, .month]

    /// The sentence numbers of the title (a heading, the front matter's title, or a first line
    /// with no sentence end) and of the lead (the first sentence of the body); -1 when none.
    private func titleAndLead(_ text: NumberText) -> (Int32, Int32) {
        var title: Int32 = -1
        var k = 0
        while k < text.count {
            let block = text.document.blocks[Int(text.tokens[k].block)]
            var end = k
            while end + 1 < text.count && text.tokens[end + 1].block == text.tokens[k].block { end += 1 }
            let isTitle: Bool
            switch block.kind {
            case .heading, .frontMatter(key: "title"): isTitle = true
            case .frontMatter: isTitle = false
            default: isTitle = title < 0 && text.sentence[end] == text.sentence[k] && !text.tokens[end].flags.contains(.sentenceEnd) && end - k < 20
            }
            if case .frontMatter(let key) = block.kind, key != "title" { k = end + 1; continue }
            if isTitle {
                if title < 0 { title = text.sentence[k] }
                k = end + 1
                continue
            }
            return (title, text.sentence[k])
        }
        return (title, -1)
    }

    /// Number tokens that are the day of a date ("July 4", "4 July", "the 4th of July").
    private func dateDayTokens(_ text: NumberText) -> Set<Int> {
        var out: Set<Int> = []
        for k in 0..<text.count where DatePhrases.month(text, k) != nil {
            if let d = DatePhrases.date(text, at: k) { for t in d.start..<d.end { out.insert(t) } }
            for back in 1...3 where k - back >= 0 {
                if let d = DatePhrases.date(text, at: k - back), d.end > k { for t in d.start..<d.end { out.insert(t) } }
            }
        }
        return out
    }

    /// Whether every character of a word is a letter (ASCII words are checked byte by byte).
    static func isLetters(_ w: String) -> Bool {
        if w.utf8.allSatisfy({ $0 < 0x80 }) { return w.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
        return w.allSatisfy { $0.isLetter }
    }

    static func withoutPossessive(_ w: String) -> String {
        w.hasSuffix("'s") ? String(w.dropLast(2)) : w
    }

    /// "drones" → "drone", "people" stays, "casualties" → "casualty".
    static func singular(_ w: String) -> String {
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") || w.hasSuffix("shes") || w.hasSuffix("ches") || w.hasSuffix("xes") { return String(w.dropLast(2)) }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && w.count > 3 { return String(w.dropLast()) }
        return w
    }
}
