/// The `losslab` command line: parses arguments, dispatches to a subcommand, picks the exit code.
public enum LossLabCommand {
    public static func main() {}
}
