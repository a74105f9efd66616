require "money"
class Invoice; end
