import RedlineCore

/// `redline report --html`: one self-contained page for editors — a summary by category and by
/// file, each article's text with its findings highlighted in place and their messages beside
/// them, and filters by category and severity. No external resources.
public struct HTMLReporter {
    /// One article: its path, its text, and its findings.
    public struct Article: Sendable {
        public var path: String
        public var text: String
        public var diagnostics: [Diagnostic]
        public init(path: String, text: String, diagnostics: [Diagnostic]) {
            self.path = path
            self.text = text
            self.diagnostics = diagnostics
        }
    }

    public var title: String
    public init(title: String = "Redline report") { self.title = title }

    public func render(_ articles: [Article]) -> String {
        let all = articles.flatMap(\.diagnostics)
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title))</title>
            <style>\(Self.css)</style></head>
            <body>
            <header><h1>\(esc(title))</h1>
            <p class="totals">\(all.count) finding\(all.count == 1 ? "" : "s") in \(articles.count) file\(articles.count == 1 ? "" : "s"):
            \(Severity.allCases.reversed().map { s in "<span class=\"sev-\(s.rawValue)\">\(all.count { $0.severity == s }) \(s.rawValue)</span>" }.joined(separator: ", "))</p>
            <form id="filters"><fieldset><legend>Category</legend>
            """
        for c in RuleCategory.allCases {
            let n = all.count { $0.category == c }
            out += "<label><input type=\"checkbox\" data-filter=\"cat-\(c.rawValue)\" checked> \(c.rawValue) (\(n))</label>\n"
        }
        out += "</fieldset><fieldset><legend>Severity</legend>\n"
        for s in Severity.allCases.reversed() {
            let n = all.count { $0.severity == s }
            out += "<label><input type=\"checkbox\" data-filter=\"sev-\(s.rawValue)\" checked> \(s.rawValue) (\(n))</label>\n"
        }
        out += "</fieldset></form>\n"
        // Summary by category and by file.
        out += "<table class=\"summary\"><thead><tr><th>File</th>"
        for c in RuleCategory.allCases { out += "<th>\(c.rawValue)</th>" }
        out += "<th>total</th></tr></thead><tbody>\n"
        for (i, a) in articles.enumerated() {
            out += "<tr><td><a href=\"#file-\(i)\">\(esc(a.path))</a></td>"
            for c in RuleCategory.allCases {
                let n = a.diagnostics.count { $0.category == c }
                out += "<td>\(n == 0 ? "" : String(n))</td>"
            }
            out += "<td>\(a.diagnostics.count)</td></tr>\n"
        }
        out += "</tbody></table></header>\n<main>\n"
        for (i, a) in articles.enumerated() { out += article(a, index: i) }
        out += "</main>\n<script>\(Self.script)</script>\n</body></html>\n"
        return out
    }

    private func article(_ a: HTMLReporter.Article, index: Int) -> String {
        var out = "<section class=\"article\" id=\"file-\(index)\"><h2>\(esc(a.path))</h2><div class=\"columns\"><div class=\"text\">"
        let bytes = Array(a.text.utf8)
        // Highlight non-overlapping spans (the first of two overlapping ones wins; all are listed).
        var cursor = 0
        var marked: [Int: Int] = [:]   // diagnostic index → mark number
        let order = a.diagnostics.indices.sorted { a.diagnostics[$0].span < a.diagnostics[$1].span }
        for k in order {
            let d = a.diagnostics[k]
            guard d.span.start >= cursor, d.span.end <= bytes.count else { continue }
            out += esc(String(decoding: bytes[cursor..<d.span.start], as: UTF8.self))
            let n = marked.count + 1
            marked[k] = n
            let inner = d.span.isEmpty ? "&#8203;" : esc(String(decoding: bytes[d.span.start..<d.span.end], as: UTF8.self))
            out += "<mark id=\"f\(index)-\(n)\" class=\"finding cat-\(d.category.rawValue) sev-\(d.severity.rawValue)\" "
                + "title=\"\(esc("\(d.ruleID): \(d.message)"))\">\(inner)<sup>\(n)</sup></mark>"
            cursor = d.span.end
        }
        out += esc(String(decoding: bytes[min(cursor, bytes.count)...], as: UTF8.self))
        out += "</div><ol class=\"notes\">"
        for k in order {
            let d = a.diagnostics[k]
            let ref = marked[k].map { "<a href=\"#f\(index)-\($0)\">\($0)</a> " } ?? ""
            var extra = ""
            if let fix = d.fix { extra = fix.replacement.isEmpty ? " <em>fix: delete</em>" : " <em>fix: \(esc(fix.replacement))</em>" }
            else if !d.suggestions.isEmpty { extra = " <em>suggestions: \(esc(d.suggestions.prefix(3).joined(separator: ", ")))</em>" }
            out += "<li class=\"note cat-\(d.category.rawValue) sev-\(d.severity.rawValue)\">\(ref)<span class=\"where\">\(d.start.line):\(d.start.column)</span> "
                + "<span class=\"sev\">\(d.severity.rawValue)</span> <code>\(esc(d.ruleID))</code> \(esc(d.message))\(extra)</li>"
        }
        if a.diagnostics.isEmpty { out += "<li class=\"clean\">No problems found.</li>" }
        return out + "</ol></div></section>\n"
    }

    private func esc(_ s: String) -> String { XMLText.escape(s, keepLineBreaks: true) }

    static let css = """
        body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{padding:1em 2em;background:#fff;border-bottom:1px solid #ddd}
        h1{margin:.2em 0}h2{font-size:1.1em;margin:0 0 .5em}
        fieldset{display:inline-block;border:1px solid #ddd;margin:.3em .5em .3em 0}
        table.summary{border-collapse:collapse;margin-top:.5em}table.summary td,table.summary th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:right}
        table.summary td:first-child,table.summary th:first-child{text-align:left}
        main{padding:1em 2em}.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1em;margin-bottom:1.5em}
        .columns{display:flex;gap:2em}.text{flex:3;white-space:pre-wrap;font-family:Georgia,serif}.notes{flex:2;font-size:.9em}
        mark.finding{border-radius:3px;padding:0 1px}mark sup{font-size:.65em;margin-left:1px}
        .sev-error mark,mark.sev-error{background:#ffd6d6}mark.sev-warning{background:#fff0c2}mark.sev-info{background:#dbeaff}
        .note .sev{font-weight:600}.note.sev-error .sev,.totals .sev-error{color:#b00}.note.sev-warning .sev{color:#a60}.note.sev-info .sev{color:#06c}
        .where{color:#777;font-variant-numeric:tabular-nums}
        """

    static let script = """
        document.querySelectorAll('#filters input').forEach(function(box){
          box.addEventListener('change', function(){
            var hidden = Array.prototype.filter.call(document.querySelectorAll('#filters input'), function(b){return !b.checked}).map(function(b){return b.dataset.filter});
            document.querySelectorAll('.finding, .note').forEach(function(el){
              var off = hidden.some(function(c){return el.classList.contains(c)});
              if (el.tagName === 'MARK') { el.classList.toggle('muted', off); el.style.background = off ? 'transparent' : ''; }
              else { el.style.display = off ? 'none' : ''; }
            });
          });
        });
        """
}
