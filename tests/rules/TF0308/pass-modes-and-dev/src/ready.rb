class Health
  def self.verbose?
    !Rails.env.production?
  end
end
