package main

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

// Cookie sessions: the state travels with the client.
var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

func main() {
	http.ListenAndServe(":"+os.Getenv("PORT"), routes(store))
}
