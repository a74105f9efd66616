require "sinatra"
require "socket"

set :port, ENV.fetch("PORT", 4567)

def db_alive?
  TCPSocket.new("db", 5432).close
  true
rescue SystemCallError
  false
end
