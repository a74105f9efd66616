print("ingesting")
