require "test_helper"

class BookmarkTest < ActiveSupport::TestCase
  test "needs an http(s) URL" do
    assert Bookmark.new(url: "https://example.com/a").valid?
    assert_not Bookmark.new(url: "ftp://example.com/a").valid?
    assert_not Bookmark.new(url: "").valid?
  end
end
