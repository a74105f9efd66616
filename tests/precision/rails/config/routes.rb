Rails.application.routes.draw do
  # Health check for the load balancer and the container: 200 when the
  # application boots without exceptions.
  get "up" => "rails/health#show", as: :rails_health_check

  resources :bookmarks, only: %i[index show create destroy]
end
