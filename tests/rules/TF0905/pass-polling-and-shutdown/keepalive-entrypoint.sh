#!/bin/sh
nginx
sleep infinity
