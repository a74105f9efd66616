module Helpers; end
