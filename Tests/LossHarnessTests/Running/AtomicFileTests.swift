import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

struct AtomicFileTests {
    @Test func writeReplacesWholeAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write("first version, longer than the second\n", to: folder.file("a.csv"))
        try AtomicFile.write("second\n", to: folder.file("a.csv"))
        #expect(try folder.read("a.csv") == "second\n")
        #expect(folder.listing() == ["a.csv 7"])
    }

    @Test func streamingFileAppearsOnlyWhenCommitted() throws {
        let folder = try TemporaryFolder()
        let file = try StreamingFile(path: folder.file("big.csv"))
        for row in 0..<50_000 { try file.append("\(row),x\n") }
        #expect(!FileManager.default.fileExists(atPath: folder.file("big.csv")))
        try file.commit()
        #expect(try folder.read("big.csv").split(separator: "\n").count == 50_000)
        #expect(folder.listing().count == 1)
        let discarded = try StreamingFile(path: folder.file("other.csv"))
        try discarded.append("partial")
        discarded.discard()
        #expect(folder.listing().count == 1)
    }

    @Test func foldersThatCannotBeCreatedNameTheObstacle() throws {
        let folder = try TemporaryFolder()
        try folder.write("a file", to: "blocker")
        let error = try #require(throws: FileError.self) { try AtomicFile.createDirectory(folder.file("blocker/results/x")) }
        #expect(error.description == folder.file("blocker") + ": is a file where a folder is needed")
        try AtomicFile.createDirectory(folder.file("a/b/c"))
        try AtomicFile.createDirectory(folder.file("a/b/c"))
        #expect(folder.listing() == ["a 4096", "a/b 4096", "a/b/c 4096", "blocker 6"])
    }
}

struct RunLockTests {
    @Test func oneHolderAtATime() throws {
        let folder = try TemporaryFolder()
        let path = folder.file(".lock")
        do {
            let first = try RunLock(path: path, purpose: "running a")
            let refused = try #require(throws: FileError.self) { try RunLock(path: path, purpose: "running b") }
            #expect(refused.description == path + ": another losslab process is using this folder (pid \(getpid()): running a), "
                    + "so running b cannot start; wait for it to finish or stop it, then run again")
            #expect(try folder.read(".lock") == "pid \(getpid()): running a\n")
            withExtendedLifetime(first) {}
        }
        // Released with its holder.
        #expect(throws: Never.self) { _ = try RunLock(path: path, purpose: "running c") }
    }
}
