Gem::Specification.new do |s|
  s.name = "mygem"
  s.add_dependency "faraday", "~> 2.0"
end
