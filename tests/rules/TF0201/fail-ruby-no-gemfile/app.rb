# A small web app.
require 'json'
require_relative 'lib/helpers'
require "sinatra"

get('/') { { ok: true }.to_json }
