require_relative "app"

use Rack::Session::Cookie, secret: ENV.fetch("SESSION_SECRET"), same_site: :lax
run Shop::App
