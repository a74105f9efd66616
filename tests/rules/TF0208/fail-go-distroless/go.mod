module example.com/extract

go 1.22
