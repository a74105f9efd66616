FROM ruby:3.3.1
WORKDIR /rails
CMD ["bin/rails", "server", "-b", "0.0.0.0"]
