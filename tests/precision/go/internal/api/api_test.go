package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/eventlog/internal/store"
)

type fakeEvents struct{ got []store.Event }

func (f *fakeEvents) Ping(context.Context) error { return nil }
func (f *fakeEvents) Insert(_ context.Context, e store.Event) (int64, error) {
	f.got = append(f.got, e)
	return int64(len(f.got)), nil
}
func (f *fakeEvents) Recent(context.Context, string, int) ([]store.Event, error) {
	return f.got, nil
}

func TestReceiveChecksTheSignature(t *testing.T) {
	ev := &fakeEvents{}
	h := New(ev, []byte("test-secret"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	body := `{"order":42}`
	mac := hmac.New(sha256.New, []byte("test-secret"))
	mac.Write([]byte(body))

	for _, tc := range []struct {
		sig  string
		want int
	}{
		{hex.EncodeToString(mac.Sum(nil)), http.StatusAccepted},
		{"00", http.StatusUnauthorized},
	} {
		req := httptest.NewRequest("POST", "/hooks/shop", strings.NewReader(body))
		req.Header.Set("X-Signature-256", tc.sig)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("signature %q: status %d, want %d", tc.sig, rec.Code, tc.want)
		}
	}
	if len(ev.got) != 1 || ev.got[0].Source != "shop" {
		t.Fatalf("stored %+v", ev.got)
	}
}
