module example.com/app/libs/x

go 1.22
