module example.org/svc

go 1.22
