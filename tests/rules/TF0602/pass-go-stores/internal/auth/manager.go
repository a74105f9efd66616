package auth

import (
	"github.com/alexedwards/scs/redisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/gomodule/redigo/redis"
)

func NewManager(pool *redis.Pool) *scs.SessionManager {
	m := scs.New()
	m.Store = redisstore.New(pool)
	return m
}
