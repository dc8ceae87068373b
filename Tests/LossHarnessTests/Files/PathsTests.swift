import Testing
@testable import LossHarness
import LossLabTestSupport

struct PathsTests {
    /// POSIX dirname/basename conventions, with "" for "no parent".
    @Test(arguments: [
        ("a/b/c.csv", "a/b", "c.csv"), ("a/b/", "a", "b"), ("p", "", "p"), ("/a", "/", "a"), ("/", "/", "/"), ("", "", ""),
        ("a/", "", "a"), ("./", "", "."), ("é", "", "é"), ("é/ü", "é", "ü"), ("a//b", "a", "b"), ("//", "/", "/"), ("./x", ".", "x"),
    ])
    func parentAndLastComponent(_ path: String, _ parent: String, _ last: String) {
        #expect(Paths.parent(of: path) == parent)
        #expect(Paths.lastComponent(of: path) == last)
    }

    @Test func join() {
        #expect(Paths.join("a", "b") == "a/b")
        #expect(Paths.join("a/", "b") == "a/b")
        #expect(Paths.join("", "b") == "b")
        #expect(Paths.join("a", "") == "a")
        #expect(Paths.join("a", "/abs") == "/abs")
        #expect(Paths.join("/", "x") == "/x")
        #expect(Paths.join("r", "tiny", "trials.csv") == "r/tiny/trials.csv")
        #expect(Paths.folder(of: "p") == ".")
        #expect(Paths.resolve("x", from: "/w") == "/w/x")
        #expect(Paths.resolve("/x", from: "/w") == "/x")
        #expect(Paths.resolve("x", from: nil) == "x")
    }

    @Test func normalized() {
        #expect(Paths.normalized("./a//b/./c/") == "a/b/c")
        #expect(Paths.normalized("/a/../b") == "/a/../b")
        #expect(Paths.normalized("./") == ".")
        #expect(Paths.normalized("") == "")
        #expect(Paths.normalized("//") == "/")
    }

    /// Every string of up to two characters from a set that holds the cases Foundation traps on:
    /// the functions return, and join and parent agree (`parent(join(p, c)) == p` for a plain c).
    @Test func noShortStringTraps() {
        let alphabet = ["", "a", "/", ".", "é", " ", "ß"]
        for first in alphabet {
            for second in alphabet {
                let path = first + second
                _ = Paths.parent(of: path)
                _ = Paths.lastComponent(of: path)
                _ = Paths.normalized(path)
                let joined = Paths.join(path, "c")
                if !path.isEmpty && !path.hasSuffix("/") && path != "." {
                    #expect(Paths.lastComponent(of: joined) == "c")
                }
            }
        }
    }
}
