#!/bin/sh
node dist/server.js &
wait
