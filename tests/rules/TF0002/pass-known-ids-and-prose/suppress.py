# The syntax is "twelvelint:ignore ID[,ID] reason"; ids look like TF0901.
TAG = "twelvelint:ignore"
