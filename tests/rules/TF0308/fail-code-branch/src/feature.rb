class Feature
  def self.beta?
    Rails.env.staging? || ENV.fetch("BETA", "0") == "1"
  end
end
