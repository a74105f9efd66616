#!/usr/bin/env ruby
=begin
require 'nokogiri'
=end
require 'json'
require 'net/http'
require 'io/console'
require 'optparse'
require "./lib/util"
require 'config/settings'
begin
  require 'pry'
rescue LoadError
end
require 'awesome_print' rescue nil
puts JSON.generate(ok: true)
