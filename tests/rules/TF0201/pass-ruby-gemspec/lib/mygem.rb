require "faraday"
module Mygem; end
