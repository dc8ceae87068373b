import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab list fields` is generated from the field tables; the README's reference is written by
/// hand, so a test keeps the two from drifting apart: every field of every table is named there.
struct FieldReferenceTests {
    static var readmeReference: String {
        let readme = (try? String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)) ?? ""
        guard let start = readme.range(of: "## Experiment file reference") else { return "" }
        let rest = readme[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func everyFieldIsInTheReadmeReference() {
        let reference = Self.readmeReference
        #expect(!reference.isEmpty)
        for (section, fields) in Schema.fieldReference {
            for field in fields {
                #expect(reference.contains("`\(field.name)`"), "README's field reference lacks \(section): \(field.name)")
            }
        }
    }

    @Test func listFieldsPrintsEveryFieldWithItsDefault() {
        let text = ListCommand.text("fields")
        for (_, fields) in Schema.fieldReference {
            for field in fields { #expect(text.contains("      \(field.name) = \(field.defaultText)"), "\(field.name)") }
        }
        #expect(text.contains("epochs = 20"))
        #expect(text.contains("learning_rate = (Keras's: 0.01 for sgd, 0.001 otherwise)") || text.contains("learning_rate = 0.001"))
    }
}
