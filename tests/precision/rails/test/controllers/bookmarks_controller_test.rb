require "test_helper"

class BookmarksControllerTest < ActionDispatch::IntegrationTest
  test "creating a bookmark queues the title fetch" do
    assert_enqueued_with(job: FetchTitleJob) do
      post bookmarks_url, params: { bookmark: { url: "https://example.com/" } }, as: :json
    end
    assert_response :created
  end

  test "the health check answers" do
    get rails_health_check_url
    assert_response :success
  end
end
