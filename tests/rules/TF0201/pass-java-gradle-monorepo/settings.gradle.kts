rootProject.name = "shop"
include("orders")
