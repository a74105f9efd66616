package main

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

// linkcli keeps its bookmarks in a local file: a desktop tool.
func main() {
	db, _ := sql.Open("sqlite3", "bookmarks.db")
	defer db.Close()
}
