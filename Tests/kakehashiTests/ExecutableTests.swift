import Foundation
import Testing

/// The built `kakehashi` executable itself: `run()` of each command opens the database named by
/// `--database` and calls the same work the other tests call.
@Suite struct ExecutableTests {
    /// `kakehashi` beside the test bundle in the build folder.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("kakehashi")
    }

    /// Runs the executable and returns its exit status, standard output and standard error.
    static func kakehashi(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test func commandsRunAgainstTheDatabaseTheyAreGiven() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "no executable at \(Self.executable.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = ["--database", "sqlite:\(folder.path)/hub.sqlite"]

        let migrated = try Self.kakehashi(["migrate"] + database)
        let created = try Self.kakehashi(["org", "create", "--name-ja", "ひかり物流", "--name-en", "Hikari Logistics", "--kind", "operator"] + database)
        let user = try Self.kakehashi(["user", "create", "--org", "Hikari Logistics", "--username", "hikari-admin", "--role", "admin"] + database,
                                      input: "correct horse battery staple\n")
        let token = try Self.kakehashi(["token", "create", "--user", "hikari-admin"] + database)
        let verified = try Self.kakehashi(["audit", "verify"] + database)
        let refused = try Self.kakehashi(["token", "revoke", "not-a-token"] + database)

        #expect(migrated.status == 0 && migrated.output.hasPrefix("applied migrations 1,"), "\(migrated)")
        #expect(created.status == 0 && UUID(uuidString: created.output.trimmingCharacters(in: .newlines)) != nil, "\(created)")
        #expect(user.status == 0 && UUID(uuidString: user.output.trimmingCharacters(in: .newlines)) != nil, "\(user)")
        #expect(token.status == 0 && token.output.hasPrefix("kh_") && token.output.split(separator: "\n").count == 1, "\(token)")
        #expect(token.errors.contains("it is shown once"))
        #expect(verified.status == 0 && verified.output == "audit chain intact: 3 entries\n", "\(verified)")
        #expect(refused.status == 64 && refused.errors.contains("'not-a-token' is not a token id"), "\(refused)")
    }
}
