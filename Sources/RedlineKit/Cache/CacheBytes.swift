import Foundation

/// Bytes the cache holds: a range of the pack file mapped into memory (so a run reads only the
/// entries it uses, and never copies the whole pack), or bytes made in this run.
struct CacheBytes: @unchecked Sendable {
    /// Memory that outlives every `CacheBytes` pointing into it; never written after `init`.
    final class Storage: @unchecked Sendable {
        let buffer: UnsafeRawBufferPointer
        private let mapped: Bool

        init(copying bytes: [UInt8]) {
            let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
            bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
            buffer = UnsafeRawBufferPointer(memory)
            mapped = false
        }

        /// The file mapped read-only; nil when it is missing, empty or cannot be mapped. The
        /// cache never changes a pack in place (it appends, or renames a new one over it), so
        /// the mapping stays valid.
        init?(mapping path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_size > 0,
                  let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED
            else { return nil }
            buffer = UnsafeRawBufferPointer(start: address, count: Int(info.st_size))
            mapped = true
        }

        deinit {
            if mapped {
                munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
            } else {
                UnsafeMutableRawBufferPointer(mutating: buffer).deallocate()
            }
        }
    }

    private let storage: Storage
    let range: Range<Int>

    init(_ storage: Storage, _ range: Range<Int>) {
        self.storage = storage
        self.range = range
    }

    init(_ bytes: [UInt8]) {
        self.init(Storage(copying: bytes), 0..<bytes.count)
    }

    var count: Int { range.count }
    var isEmpty: Bool { range.isEmpty }
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage.buffer[range]) }
    /// A copy of the bytes.
    var slice: ArraySlice<UInt8> { ArraySlice(buffer) }
}
