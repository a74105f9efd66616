package main

import (
	"os/signal"
	"syscall"
)

func main() {
	signal.Ignore(syscall.SIGTERM)
	migrateInPlace()
	signal.Reset(syscall.SIGTERM)
	serve()
}
