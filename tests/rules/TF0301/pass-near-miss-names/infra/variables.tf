# Example of a valid password: "Zq7Lm2Xr9Pw4!"
variable "db_password" {
  type      = string
  sensitive = true
}
