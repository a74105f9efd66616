module example.com/svc

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/lib/pq v1.10.9
	example.com/shared v0.0.0
)

replace example.com/shared => ../shared
