package apitest

const key = `-----BEGIN PRIVATE KEY-----
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/
-----END PRIVATE KEY-----`
