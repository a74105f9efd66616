package main

import (
	"context"
	"log"
	"os"
	"os/signal"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func main() {
	// Ctrl-C in a terminal; SIGTERM from ECS is not relayed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	client := sqs.NewFromConfig(cfg)
	url := os.Getenv("QUEUE_URL")
	for {
		out, err := client.ReceiveMessage(context.Background(),
		    &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		if err != nil {
			log.Print(err)
			continue
		}
		for _, m := range out.Messages {
			handle(m)
		}
	}
}
