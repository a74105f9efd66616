#!/bin/sh
ab -n 500 -c 20 -p payload.json -T application/json "http://api:8000/orders"
