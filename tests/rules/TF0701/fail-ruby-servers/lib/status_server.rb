require "socket"
require "webrick"

module StatusServer
  def self.start
    server = WEBrick::HTTPServer.new(:Port => 8081, :BindAddress => "0.0.0.0")
    server.mount_proc("/status") { |_req, res| res.body = "ok" }
    server.start
  end

  def self.raw
    TCPServer.new("0.0.0.0", 9000)
  end
end
