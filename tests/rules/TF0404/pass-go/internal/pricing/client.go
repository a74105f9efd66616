package pricing

import (
	"net/http"
	"os"
	"time"
)

var client = &http.Client{
	Timeout: 10 * time.Second,
}

func Ping() error {
	resp, err := client.Get(os.Getenv("RATES_URL") + "/health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
