package stream

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Events streams for as long as the caller's context lives: the
// transport bounds dialling and the response header, not the body.
func newClient() *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			DialContext:           (&net.Dialer{Timeout: 3 * time.Second}).DialContext,
			ResponseHeaderTimeout: 5 * time.Second,
		},
	}
}

func fetch(parent context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(parent, 30*time.Second)
	defer cancel()
	c := http.Client{}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	return c.Do(req)
}
