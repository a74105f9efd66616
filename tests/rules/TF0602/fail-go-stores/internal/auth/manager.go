package auth

import (
	"time"

	"github.com/alexedwards/scs/v2"
)

// NewManager returns the session manager of the web process.
func NewManager() *scs.SessionManager {
	m := scs.New()
	m.Lifetime = 12 * time.Hour
	return m
}
