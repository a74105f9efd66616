HELP = "put twelvelint:ignore TF0901 on the line above the CMD"
