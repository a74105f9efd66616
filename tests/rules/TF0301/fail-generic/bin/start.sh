#!/bin/sh
export API_TOKEN=AbCdEfGh01234567AbCdEfGh
exec ./server
