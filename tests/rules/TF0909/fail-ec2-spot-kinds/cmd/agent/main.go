package main

import (
	"log"
	"time"
)

func main() {
	for {
		log.Println("polling for jobs")
		time.Sleep(10 * time.Second)
	}
}
