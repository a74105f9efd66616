provider "vault" {
  token = "hvs.AbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_Ef"
}
