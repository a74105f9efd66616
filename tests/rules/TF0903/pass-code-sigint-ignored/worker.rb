trap("INT", "IGNORE")
trap("HUP") {}
