class Bookmark < ApplicationRecord
  validates :url, presence: true, length: { maximum: 2048 },
    format: { with: %r{\Ahttps?://\S+\z}, message: "must be an http(s) URL" }
end
