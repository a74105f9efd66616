package app

import "os/exec"

func Optimise(path string) error {
	if _, err := exec.LookPath("optipng"); err != nil {
		return nil
	}
	return exec.Command("optipng", path).Run()
}
