package main

import (
	"database/sql"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func openStore() (*sql.DB, error) {
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}

func openScratch() (*sql.DB, error) {
	return sql.Open("sqlite3", "file:scratch?mode=memory&cache=shared")
}
