module SchemaTask
  def self.run
    ActiveRecord::Tasks::DatabaseTasks.migrate
  end
end
