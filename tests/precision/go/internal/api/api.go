// Package api is the HTTP interface of eventlog.
package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"example.com/eventlog/internal/store"
)

type events interface {
	Ping(ctx context.Context) error
	Insert(ctx context.Context, e store.Event) (int64, error)
	Recent(ctx context.Context, source string, limit int) ([]store.Event, error)
}

type server struct {
	events events
	secret []byte
	log    *slog.Logger
}

// New returns the service's HTTP handler.
func New(ev events, secret []byte, log *slog.Logger) http.Handler {
	s := &server{events: ev, secret: secret, log: log}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("POST /hooks/{source}", s.receive)
	mux.HandleFunc("GET /events/{source}", s.recent)
	return mux
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := s.events.Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	io.WriteString(w, "ok\n")
}

func (s *server) receive(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	if !s.signed(body, r.Header.Get("X-Signature-256")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if !json.Valid(body) {
		http.Error(w, "body is not JSON", http.StatusBadRequest)
		return
	}
	e := store.Event{
		Source:  r.PathValue("source"),
		Kind:    r.Header.Get("X-Event-Kind"),
		Payload: body,
	}
	id, err := s.events.Insert(r.Context(), e)
	if err != nil {
		s.log.Error("insert event", "source", e.Source, "err", err)
		http.Error(w, "cannot store event", http.StatusInternalServerError)
		return
	}
	s.log.Info("event received", "id", id, "source", e.Source, "kind", e.Kind)
	w.WriteHeader(http.StatusAccepted)
}

func (s *server) recent(w http.ResponseWriter, r *http.Request) {
	limit := 50
	if v, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && v > 0 && v <= 500 {
		limit = v
	}
	list, err := s.events.Recent(r.Context(), r.PathValue("source"), limit)
	if err != nil {
		s.log.Error("list events", "err", err)
		http.Error(w, "cannot list events", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(list)
}

func (s *server) signed(body []byte, header string) bool {
	want, err := hex.DecodeString(header)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, s.secret)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), want)
}
