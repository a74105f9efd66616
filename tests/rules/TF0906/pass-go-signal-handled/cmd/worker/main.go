package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"example.com/worker/internal/consumer"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(),
	    os.Interrupt, syscall.SIGTERM)
	defer stop()
	consumer.Run(ctx)
}
