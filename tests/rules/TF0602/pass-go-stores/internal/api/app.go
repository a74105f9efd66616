package api

import (
	"os"

	"github.com/gofiber/fiber/v2/middleware/session"
	"github.com/gofiber/storage/redis/v3"
)

func Sessions() *session.Store {
	return session.New(session.Config{
		Storage: redis.New(redis.Config{URL: os.Getenv("REDIS_URL")}),
	})
}
