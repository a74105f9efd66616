package main

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

var store = sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))

func main() {
	http.ListenAndServe(":"+os.Getenv("PORT"), routes(store))
}
