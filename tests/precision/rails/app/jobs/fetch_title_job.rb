require "net/http"

# Fetches the page title of a new bookmark.  Runs in the worker process
# type (Sidekiq); retried with backoff when the site does not answer.
class FetchTitleJob < ApplicationJob
  queue_as :default
  retry_on Net::OpenTimeout, Net::ReadTimeout, SocketError,
    wait: :polynomially_longer, attempts: 5

  TITLE = %r{<title[^>]*>([^<]{1,300})</title>}i

  def perform(bookmark_id)
    bookmark = Bookmark.find_by(id: bookmark_id)
    return if bookmark.nil?

    uri = URI(bookmark.url)
    response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https",
                               open_timeout: 5, read_timeout: 10) do |http|
      http.get(uri.request_uri, "User-Agent" => "bookmarks/#{Rails.application.config.x.version}")
    end
    return unless response.is_a?(Net::HTTPSuccess)

    title = response.body.to_s[TITLE, 1]&.strip
    bookmark.update!(title: title) if title.present?
    Rails.logger.info("title fetched bookmark_id=#{bookmark.id}")
  end
end
