package main

import (
	"fmt"
	"github.com/gin-gonic/gin"
)

func main() { fmt.Println(gin.Version) }
