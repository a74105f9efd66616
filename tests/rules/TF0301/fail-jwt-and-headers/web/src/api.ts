const SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzeW50aGV0aWMtdXNlciIsImlhdCI6MTcwMDAwMDAwMH0.AbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_EfG";
export const headers = { Authorization: "Bearer AbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_" };
