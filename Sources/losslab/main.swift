import LossLabCLI

LossLab.main()
