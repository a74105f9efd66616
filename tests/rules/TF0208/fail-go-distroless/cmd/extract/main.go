package main

import (
	"context"
	"os"
	"os/exec"
)

func main() {
	out, err := exec.Command("pdftotext", "-layout", os.Args[1], "-").Output()
	if err != nil {
		os.Exit(1)
	}
	os.Stdout.Write(out)
	_ = exec.CommandContext(context.Background(), "/usr/bin/git",
		"status").Run()
}
