// Command eventlog serves the webhook API.
//
// Everything a deploy varies comes from the environment, logs are JSON
// lines on stdout, and SIGTERM (what ECS sends on a deploy or scale-in)
// stops the listener and drains in-flight requests before exiting.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/lib/pq"

	"example.com/eventlog/internal/api"
	"example.com/eventlog/internal/store"
)

var version = "dev" // set by the build: -ldflags "-X main.version=…"

type config struct {
	port            string
	databaseURL     string
	webhookSecret   string
	logLevel        slog.Level
	shutdownTimeout time.Duration
}

func loadConfig() (config, error) {
	c := config{
		port:            os.Getenv("PORT"),
		databaseURL:     os.Getenv("DATABASE_URL"),
		webhookSecret:   os.Getenv("WEBHOOK_SECRET"),
		shutdownTimeout: 20 * time.Second,
	}
	if c.port == "" {
		c.port = "8080"
	}
	if c.databaseURL == "" {
		return c, errors.New("DATABASE_URL is not set")
	}
	if c.webhookSecret == "" {
		return c, errors.New("WEBHOOK_SECRET is not set")
	}
	if err := c.logLevel.UnmarshalText([]byte(envOr("LOG_LEVEL", "info"))); err != nil {
		return c, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	if s := os.Getenv("SHUTDOWN_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return c, fmt.Errorf("SHUTDOWN_TIMEOUT: %w", err)
		}
		c.shutdownTimeout = d
	}
	return c, nil
}

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}

func main() {
	healthcheck := flag.Bool("healthcheck", false,
		"probe the running server's /healthz and exit 0 when it answers")
	flag.Parse()
	if *healthcheck {
		os.Exit(probe())
	}
	if err := run(); err != nil {
		slog.Error("eventlog stopped", "err", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout,
		&slog.HandlerOptions{Level: cfg.logLevel}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := sql.Open("postgres", cfg.databaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)

	srv := &http.Server{
		Addr:              net.JoinHostPort("", cfg.port),
		Handler:           api.New(store.New(db), []byte(cfg.webhookSecret), logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       75 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}

	errc := make(chan error, 1)
	go func() {
		logger.Info("listening", "addr", srv.Addr, "version", version)
		errc <- srv.ListenAndServe()
	}()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stop()
	logger.Info("shutting down", "timeout", cfg.shutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(),
		cfg.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// probe is the container health check: distroless images have no curl.
func probe() int {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://127.0.0.1:" + envOr("PORT", "8080") + "/healthz")
	if err != nil {
		return 1
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}
