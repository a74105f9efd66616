package pricing

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
)

func load(ctx context.Context) error {
	_, err := config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1))
	return err
}
