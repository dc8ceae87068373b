import Foundation
import Testing
import LossCore
@testable import LossHarness
import LossLabTestSupport

/// Tables of one's own: reading (quotes, CRLF, blank lines, missing values located), encoding
/// (classes from words or integers, one-hot words, counts, labels), refusals, the seeded split and
/// the experiment-file section.
struct TableTests {
    static func load(_ text: String, _ request: TableRequest) throws -> TableLoader.Loaded {
        let folder = try TemporaryFolder("table")
        defer { folder.remove() }
        try folder.write(text, to: "t.csv")
        do {
            return try TableLoader.load(path: folder.file("t.csv"), shown: "t.csv", request: request)
        } catch {
            throw error
        }
    }

    static func problem(_ text: String, _ request: TableRequest) throws -> TableProblem {
        try #require(throws: TableProblem.self) { try load(text, request) }
    }

    /// Words are classes, numbered in sorted order; a quoted field keeps its comma; `\r\n` and a
    /// missing final newline are fine; a word feature becomes one 0/1 column per word.
    @Test func wordsAreClassesAndOneHotFeatures() throws {
        let text = "x,colour,label\r\n1.5,red,dog\r\n-2,\"blue, dark\",cat\r\n\r\n3e1,red,dog"
        let loaded = try Self.load(text, TableRequest(targets: ["label"]))
        let data = loaded.data
        #expect(data.task == .classification(classes: 2))
        #expect(data.classNames == ["cat", "dog"])
        #expect(data.targets.storage == [1, 0, 1])
        #expect(data.featureNames == ["x", "colour=blue, dark", "colour=red"])
        #expect(data.features.storage == [1.5, 0, 1, -2, 1, 0, 30, 0, 1])
    }

    /// Integer classes sort numerically (2 before 10); one 0/1 column is two classes on `auto`,
    /// several are labels; other numbers are regression.
    @Test func theTaskFollowsTheTargets() throws {
        let classes = try Self.load("a,k\n1,10\n2,2\n3,10\n", TableRequest(targets: ["k"], task: .classification))
        #expect(classes.data.classNames == ["2", "10"] && classes.data.targets.storage == [1, 0, 1])
        let binary = try Self.load("a,k\n1,0\n2,1\n", TableRequest(targets: ["k"]))
        #expect(binary.data.task == .classification(classes: 2))
        let labels = try Self.load("a,k,m\n1,0,1\n2,1,1\n", TableRequest(targets: ["k", "m"]))
        #expect(labels.data.task == .multilabel(labels: 2) && labels.data.targets.storage == [0, 1, 1, 1])
        let regression = try Self.load("a,y\n1,0.5\n2,-3\n", TableRequest(targets: ["y"]))
        #expect(regression.data.task == .regression && regression.minimumTarget == -3)
    }

    /// A missing value is refused at its line and column; so is a negative count (line 3), a
    /// constant target, an unknown column with a suggestion, and a word column of too many words.
    @Test func badTablesAreRefusedWithTheirPlace() throws {
        let missing = try Self.problem("a,b,y\n1,2,3\n4,NA,6\n", TableRequest(targets: ["y"]))
        #expect(missing.field == "path" && missing.suggestion?.hasPrefix("t.csv:3:3:") == true, "\(missing)")
        let count = try Self.problem("a,y\n1,2\n2,-1\n", TableRequest(targets: ["y"], task: .counts))
        #expect(count.field == "target" && count.suggestion == "t.csv:3: y is -1.0", "\(count)")
        let constant = try Self.problem("a,y\n1,2\n2,2\n", TableRequest(targets: ["y"]))
        #expect(constant.expected.contains("a target that varies"))
        let unknown = try Self.problem("height,y\n1,2\n2,3\n", TableRequest(targets: ["y"], exclude: ["heigth"]))
        #expect(unknown.field == "exclude" && unknown.suggestion == "Did you mean \"height\"?")
        let rows = (0..<150).map { "id\($0),\($0 % 2)" }.joined(separator: "\n")
        let words = try Self.problem("id,y\n" + rows + "\n", TableRequest(targets: ["y"]))
        #expect(words.field == "features" && words.suggestion?.contains("t.csv:2:1: \"id0\"") == true, "\(words)")
        let ragged = try Self.problem("a,y\n1,2\n3\n", TableRequest(targets: ["y"]))
        #expect(ragged.suggestion?.hasPrefix("t.csv:3:") == true, "\(ragged)")
    }

    static let tenRows = TabularData(features: Matrix(column: (0..<10).map(Float.init)),
                                     targets: Matrix(column: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]),
                                     task: .classification(classes: 2), featureNames: ["x"], targetNames: ["y"], classNames: ["a", "b"])

    /// Stratified: of 6 rows of class 0 and 4 of class 1, a test fraction of 0.5 takes 3 and 2; a
    /// validation fraction of 0.25 then round(1.5) = 2 and round(1) = 1; the parts are disjoint
    /// and cover the table; the same seed gives the same split, another seed another.
    @Test func stratifiedSplitsKeepTheProportions() throws {
        let source = TableSource(data: Self.tenRows, testFraction: 0.5, validationFraction: 0.25)
        #expect(source.counts == SplitCounts(train: 2, validation: 3, test: 5))
        let split = source.split(seed: 7, standardize: false)
        let test = split.test.features.storage, validation = split.validation!.features.storage, train = split.train.features.storage
        #expect(split.test.targets.storage.filter { $0 == 0 }.count == 3 && split.test.targets.storage.filter { $0 == 1 }.count == 2)
        #expect(Set(test + validation + train) == Set((0..<10).map(Float.init)) && test.count + validation.count + train.count == 10)
        #expect(source.split(seed: 7, standardize: false) == split)
        #expect((0..<20).contains { source.split(seed: UInt64($0), standardize: false).test != split.test })
    }

    /// Repeated 5-fold: over the 5 folds of a repeat every row is tested exactly once (stratified:
    /// each fold tests 6/5 -> 1 or 2 rows of class 0 and 4/5 -> 0 or 1 of class 1), a fold trains
    /// on the other rows, and the next repeat draws another permutation.
    @Test func theFoldsOfARepeatTestEveryRowOnce() throws {
        let source = TableSource(data: Self.tenRows, testFraction: 0.2, folds: 5)
        var tested: [Float] = []
        for repetition in 0..<5 {
            let split = source.split(baseSeed: 11, repetition: repetition, dataSeed: 0, standardize: false)
            tested += split.test.features.storage
            #expect(split.test.count + split.train.count == 10)
            #expect(Set(split.test.features.storage).isDisjoint(with: split.train.features.storage))
        }
        #expect(tested.sorted() == (0..<10).map(Float.init))
        let firstRepeat = (0..<5).map { source.split(baseSeed: 11, repetition: $0, dataSeed: 0, standardize: false).test }
        let secondRepeat = (5..<10).map { source.split(baseSeed: 11, repetition: $0, dataSeed: 0, standardize: false).test }
        #expect(firstRepeat != secondRepeat)
    }

    /// Reducing class b to a share of 0.2 of the training part: class a keeps its 3 training rows
    /// (6 - 3 test), and b keeps round(3 * 0.2 / 0.8) = 1 of its 2.
    @Test func aReducedClassIsCutInTheTrainingPartOnly() throws {
        let source = TableSource(data: Self.tenRows, testFraction: 0.5, reducedClass: 1, reducedShare: 0.2)
        #expect(source.counts == SplitCounts(train: 4, validation: 0, test: 5))
        let split = source.split(seed: 3, standardize: false)
        #expect(split.train.targets.storage.filter { $0 == 1 }.count == 1)
        #expect(split.test.targets.storage.filter { $0 == 1 }.count == 2)
    }

    /// In an experiment file: the path is relative to the file, and the trial ids hold the table's
    /// bytes, so editing one value redoes the trials.
    @Test func theSectionReadsTheFileBesideTheExperiment() throws {
        let folder = try TemporaryFolder("table-section")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("data"), withIntermediateDirectories: true)
        try folder.write("a,b,y\n1,2,3.5\n2,1,0.5\n3,3,1\n4,0,2\n", to: "data/t.csv")
        let text = #"{name: "t", dataset: {source: "table", path: "data/t.csv", target: "y", test_fraction: 0.25}, loss: ["mse"], seeds: 1}"#
        try folder.write(text, to: "e.json5")
        let experiment = try ExperimentLoader.load(path: folder.file("e.json5"))
        let trial = Grid(experiment).trial(at: 0)
        #expect(trial.configuration.dataset.table?.loaded.data.featureNames == ["a", "b"])
        let plan = try TrialPlan(trial: trial, metrics: nil)
        #expect(plan.trainSize == 3 && plan.testSize == 1)
        try folder.write("a,b,y\n1,2,3.5\n2,1,0.5\n3,3,1\n4,0,2.5\n", to: "data/t.csv")
        let edited = Grid(try ExperimentLoader.load(path: folder.file("e.json5"))).trial(at: 0)
        #expect(edited.id != trial.id)
    }
}

/// Damaged tables never trap: every byte of a small table replaced, dropped or doubled in turn
/// (and a few hostile files) is either read or refused with a ``TableProblem``.
struct DamagedTableTests {
    @Test func everyDamagedTableIsReadOrRefused() throws {
        let folder = try TemporaryFolder("damaged-table")
        defer { folder.remove() }
        let original = Array("x,word,y\n1.5,\"a, b\",0\n-2,c,1\n3e1,a,0\n4,c,1\n".utf8)
        var variants: [[UInt8]] = [[], [0xFF, 0xFE], Array("\"".utf8), Array("x,y\n".utf8), Array("x,x\n1,2\n".utf8),
                                   Array(repeating: UInt8(ascii: ","), count: 5000), Array("y\n1\n2\n".utf8)]
        for position in original.indices {
            for replacement: UInt8 in [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\n"), 0, 0xC3] {
                var damaged = original
                damaged[position] = replacement
                variants.append(damaged)
            }
            var dropped = original
            dropped.remove(at: position)
            variants.append(dropped)
        }
        var read = 0, refused = 0
        for (index, bytes) in variants.enumerated() {
            try folder.write(Data(bytes), to: "t\(index).csv")
            do {
                _ = try TableLoader.load(path: folder.file("t\(index).csv"), shown: "t.csv", request: TableRequest(targets: ["y"]))
                read += 1
            } catch {
                #expect(!error.expected.isEmpty)
                refused += 1
            }
        }
        #expect(read + refused == variants.count && read > 0 && refused > 0)
    }
}
