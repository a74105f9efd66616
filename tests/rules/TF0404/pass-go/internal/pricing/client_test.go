package pricing

import (
	"net/http"
	"testing"
)

func TestPing(t *testing.T) {
	if _, err := http.Get(srv.URL); err != nil {
		t.Fatal(err)
	}
}
