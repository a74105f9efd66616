require_relative "app"

use Rack::Session::Pool, expire_after: 2_592_000, secret: ENV.fetch("SESSION_SECRET")
run Shop::App
