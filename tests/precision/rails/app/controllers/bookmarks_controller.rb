class BookmarksController < ApplicationController
  def index
    render json: Bookmark.order(id: :desc).limit(100)
  end

  def show
    render json: Bookmark.find(params[:id])
  end

  def create
    bookmark = Bookmark.new(params.require(:bookmark).permit(:url))
    if bookmark.save
      FetchTitleJob.perform_later(bookmark.id)
      render json: bookmark, status: :created
    else
      render json: { errors: bookmark.errors }, status: :unprocessable_entity
    end
  end

  def destroy
    Bookmark.find(params[:id]).destroy!
    head :no_content
  end
end
