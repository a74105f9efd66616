package consumer

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Run(ctx context.Context, client *sqs.Client) {
	url := os.Getenv("QUEUE_URL")
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		out, err := client.ReceiveMessage(ctx,
		    &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		if err != nil {
			continue
		}
		for _, m := range out.Messages {
			handle(m)
		}
	}
}
