#!/bin/sh
# Run once on a developer machine.
npm install
