package internal

const signingKey = `-----BEGIN RSA PRIVATE KEY-----
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23Ij
AbCd01+/EfGh23IjAbCd01+/
-----END RSA PRIVATE KEY-----`
