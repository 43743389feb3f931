import Foundation

/// Phase timings for finding where a run's time goes: with `REDLINE_TRACE=1` in the
/// environment, `PhaseTrace.mark("…")` prints the milliseconds since start and since the
/// previous mark to standard error, with the process's CPU time (all threads) so far;
/// otherwise it does nothing.
public enum PhaseTrace {
    private static let enabled = ProcessInfo.processInfo.environment["REDLINE_TRACE"].map { !$0.isEmpty && $0 != "0" } ?? false
    private static let state = Mutex()

    private final class Mutex: @unchecked Sendable {
        let lock = NSLock()
        let start = DispatchTime.now().uptimeNanoseconds
        var last = DispatchTime.now().uptimeNanoseconds
    }

    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        state.lock.lock()
        let now = DispatchTime.now().uptimeNanoseconds
        let total = Double(now - state.start) / 1e6, step = Double(now - state.last) / 1e6
        state.last = now
        state.lock.unlock()
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
        FileHandle.standardError.write(Data(String(format: "trace %8.1f ms (+%7.1f) cpu %8.1f ms %@\n", total, step, cpu, phase()).utf8))
    }
}
