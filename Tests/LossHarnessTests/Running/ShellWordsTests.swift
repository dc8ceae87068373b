import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct ShellWordsTests {
    @Test(arguments: [
        ("experiments/a.json5", "experiments/a.json5"),
        ("training.epochs=5", "training.epochs=5"),
        ("loss=[mse,mae]", "'loss=[mse,mae]'"),
        ("my results", "'my results'"),
        ("it's", "'it'\\''s'"),
        ("$HOME", "'$HOME'"),
        ("", "''"),
    ])
    func wordsAreQuotedOnlyWhenNeeded(word: String, quoted: String) {
        #expect(ShellWords.quote(word) == quoted)
    }

    @Test func wordsAreJoinedBySpaces() {
        #expect(ShellWords.join(["losslab", "run", "a b.json5"]) == "losslab run 'a b.json5'")
    }
}
