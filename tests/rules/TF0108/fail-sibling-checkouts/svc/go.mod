module example.com/app/svc

go 1.22

require example.com/platform v1.4.0

replace example.com/platform => ../../platform
