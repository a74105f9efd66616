set :application, "shop"
set :port, 22
