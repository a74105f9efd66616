task :migrate_all do
  ActiveRecord::Tasks::DatabaseTasks.migrate
end
