require_relative "app"

Sequel::Migrator.run(DB, File.expand_path("db/migrations", __dir__))
run App
