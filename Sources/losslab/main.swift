import LossLabCLI

LossLabCommand.main()
