package pricing

import (
	"encoding/json"
	"net/http"
	"os"
)

var client = &http.Client{}

// Rates asks the rates service through a client with no timeout.
func Rates() (map[string]float64, error) {
	resp, err := client.Get(os.Getenv("RATES_URL"))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]float64
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// Ping uses the default client, which has no timeout either.
func Ping() error {
	resp, err := http.Get(os.Getenv("RATES_URL") + "/health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
