require 'bundler/inline'
gemfile do
  source 'https://rubygems.org'
  gem 'httparty', '0.21.0'
end
require 'httparty'
