require_relative "../app"
Sequel::Migrator.run(DB, "db/migrations")
