package main

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

func openStore() (*sql.DB, error) {
	return sql.Open("sqlite3", "./links.db")
}
