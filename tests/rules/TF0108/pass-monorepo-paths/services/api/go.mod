module example.com/app/api

go 1.22

require example.com/app/libs/x v0.0.0

replace example.com/app/libs/x => ../../libs/x
