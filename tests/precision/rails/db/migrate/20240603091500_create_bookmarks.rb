class CreateBookmarks < ActiveRecord::Migration[8.1]
  def change
    create_table :bookmarks do |t|
      t.string :url, null: false, limit: 2048
      t.string :title
      t.timestamps
    end
    add_index :bookmarks, :url
  end
end
