import Foundation

/// A progress bar on standard error: only when it is a terminal, and only once a run has taken
/// more than a second; erased when the run ends.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var finished = false
    private var shown = false
    private let stopped = DispatchSemaphore(value: 0)
    private let started = Date()

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 0 && isatty(STDERR_FILENO) != 0
        guard self.enabled else { return }
        Thread.detachNewThread { [self] in loop() }
    }

    /// One more file done (called from worker threads).
    func tick() {
        guard enabled else { return }
        lock.lock(); done += 1; lock.unlock()
    }

    /// Stops drawing and erases the bar.
    func finish() {
        guard enabled else { return }
        lock.lock(); finished = true; lock.unlock()
        stopped.wait()
    }

    /// Seconds before the bar first appears (REDLINE_PROGRESS_AFTER overrides, for tests).
    private static let delay = ProcessInfo.processInfo.environment["REDLINE_PROGRESS_AFTER"].flatMap(Double.init) ?? 1.0

    private func loop() {
        var first = true
        while true {
            // Wait a second before the first drawing, then redraw ten times a second.
            let deadline = Date().addingTimeInterval(first ? Self.delay : 0.1)
            first = false
            while Date() < deadline {
                lock.lock(); let over = finished; lock.unlock()
                if over { return end() }
                Thread.sleep(forTimeInterval: 0.02)
            }
            lock.lock(); let count = done; lock.unlock()
            draw(count)
        }
    }

    private func draw(_ count: Int) {
        shown = true
        let width = 30
        let filled = total == 0 ? 0 : min(width, count * width / total)
        let seconds = Int(Date().timeIntervalSince(started))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\(bar) \(count)/\(total) files  \(seconds / 60):\(String(format: "%02d", seconds % 60))")
    }

    private func end() {
        if shown { write("\r\u{1B}[2K") }
        stopped.signal()
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
