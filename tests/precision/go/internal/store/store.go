// Package store keeps webhook events in PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"time"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Event is one received webhook.
type Event struct {
	ID         int64           `json:"id"`
	Source     string          `json:"source"`
	Kind       string          `json:"kind"`
	Payload    json.RawMessage `json:"payload"`
	ReceivedAt time.Time       `json:"received_at"`
}

// Store is the events table.
type Store struct {
	db *sql.DB
}

// New returns a Store on db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Insert records an event and returns its id.
func (s *Store) Insert(ctx context.Context, e Event) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO events (source, kind, payload) VALUES ($1, $2, $3)
		 RETURNING id`, e.Source, e.Kind, []byte(e.Payload)).Scan(&id)
	return id, err
}

// Recent returns the newest events of a source, newest first.
func (s *Store) Recent(ctx context.Context, source string, limit int) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, source, kind, payload, received_at FROM events
		 WHERE source = $1 ORDER BY id DESC LIMIT $2`, source, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var payload []byte
		if err := rows.Scan(&e.ID, &e.Source, &e.Kind, &payload, &e.ReceivedAt); err != nil {
			return nil, err
		}
		e.Payload = payload
		out = append(out, e)
	}
	return out, rows.Err()
}

// Migrate applies, in name order, the embedded migrations not yet
// recorded in schema_migrations, each in its own transaction.
func Migrate(ctx context.Context, db *sql.DB) (int, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return 0, err
	}
	sort.Strings(names)
	applied := 0
	for _, name := range names {
		done, err := migrateOne(ctx, db, name)
		if err != nil {
			return applied, fmt.Errorf("%s: %w", name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func migrateOne(ctx context.Context, db *sql.DB, name string) (bool, error) {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return false, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	// One migrator at a time, even if two tasks were started by mistake.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7261)`); err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (name) VALUES ($1) ON CONFLICT DO NOTHING`, name)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
