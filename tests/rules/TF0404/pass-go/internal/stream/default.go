package stream

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 15 * time.Second
}

func Head(url string) (*http.Response, error) {
	return http.Head(url)
}
