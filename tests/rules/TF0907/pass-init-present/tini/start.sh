#!/bin/sh
node metrics.js &
node server.js
